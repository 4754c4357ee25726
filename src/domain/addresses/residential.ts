// The residential delivery indicator from evidence, as USPS RDI would give it, or `unknown`.
import { readFileSync } from 'node:fs';
import type { PostalAddress, ResidentialIndicator } from '../shipping-types.ts';
import { cleanAddressText, normalizeDeliveryLine } from './delivery-line.ts';
import { classifyDeliveryPoint } from './delivery-point.ts';
import { isMilitaryAddress } from './us-domestic.ts';

interface CommercialAddressFile {
  unique_zips: Record<string, string>;
  addresses: { zip5: string; street: string }[];
}

const commercial = JSON.parse(
  readFileSync(new URL('../../../reference/domain/commercial-addresses.json', import.meta.url), 'utf8'),
) as CommercialAddressFile;
const UNIQUE_ZIPS: ReadonlySet<string> = new Set(Object.keys(commercial.unique_zips));
const COMMERCIAL_STREETS: ReadonlySet<string> = new Set(commercial.addresses.map((a) => `${a.zip5}|${a.street}`));

/** Secondary designators that signal an office rather than a home. */
const BUSINESS_DESIGNATORS: ReadonlySet<string> = new Set(['STE', 'SUITE', 'FL', 'FLOOR', 'DEPT', 'DEPARTMENT', 'OFC', 'OFFICE', 'RM', 'ROOM', 'HNGR', 'HANGAR', 'PIER', 'LBBY', 'LOBBY', 'BLDG', 'BUILDING']);
/** Designators of dwellings: apartments, basements, upper/lower flats, trailer lots and spaces. */
const DWELLING_DESIGNATORS: ReadonlySet<string> = new Set(['APT', 'APARTMENT', 'BSMT', 'BASEMENT', 'UPPR', 'UPPER', 'LOWR', 'LOWER', 'LOT', 'SPC', 'SPACE', 'TRLR', 'TRAILER']);
/** Suffixes (Pub 28 standard forms) that name residential subdivision streets far more often than business ones. */
const RESIDENTIAL_SUFFIXES: ReadonlySet<string> = new Set(['CIR', 'CT', 'LN', 'TER', 'CV', 'LOOP', 'TRL', 'HOLW', 'GLN', 'BND', 'PATH']);

const ORDINALS = ['FIRST', 'SECOND', 'THIRD', 'FOURTH', 'FIFTH', 'SIXTH', 'SEVENTH', 'EIGHTH', 'NINTH', 'TENTH'];
const ORDINAL_SUFFIXES = ['ST', 'ND', 'RD', 'TH', 'TH', 'TH', 'TH', 'TH', 'TH', 'TH'];

/** "FIFTH AVE" -> "5TH AVE", so a listed street matches however its ordinal was written. */
function ordinalDigits(street: string): string {
  return street
    .split(' ')
    .map((word) => {
      const index = ORDINALS.indexOf(word);
      return index === -1 ? word : `${index + 1}${ORDINAL_SUFFIXES[index]}`;
    })
    .join(' ');
}

/**
 * No carrier database backs Shipdock, so the indicator follows documented rules (README
 * "Residential indicator"), first match wins:
 * 1. a `yes`/`no` given by the caller;
 * 2. `no`: a company name, a unique ZIP or listed commercial address
 *    (reference/domain/commercial-addresses.json), an office-type unit (STE, FL, DEPT...), a PO Box;
 * 3. `yes`: a dwelling unit (APT, BSMT, LOT...), a rural route, highway contract or military box,
 *    or a street whose suffix is typical of subdivisions (CT, CIR, LN...);
 * 4. `unknown` otherwise: a bare "123 Main St" is not evidence either way, as with the live API.
 */
export function residentialIndicator(address: PostalAddress): ResidentialIndicator {
  if (address.residential === 'yes' || address.residential === 'no') return address.residential;
  if ((address.companyName ?? '').trim()) return 'no';
  const zip5 = (address.postalCode ?? '').trim().slice(0, 5);
  const line1 = normalizeDeliveryLine(address.addressLine1);
  if (UNIQUE_ZIPS.has(zip5) || COMMERCIAL_STREETS.has(`${zip5}|${ordinalDigits(line1.street)}`)) return 'no';

  const words = [line1.unit, address.addressLine2, address.addressLine3].flatMap((line) => cleanAddressText(line).split(' '));
  if (words.some((word) => BUSINESS_DESIGNATORS.has(word))) return 'no';
  const point = classifyDeliveryPoint(line1.street, isMilitaryAddress(address));
  if (point.type === 'po_box') return 'no';
  if (words.some((word) => DWELLING_DESIGNATORS.has(word))) return 'yes';
  if (point.type === 'rural_route' || point.type === 'highway_contract' || point.type === 'military') return 'yes';
  const tokens = line1.street.split(' ');
  const suffix = tokens.length > 2 ? [tokens.at(-1), tokens.at(-2)].find((t) => t && RESIDENTIAL_SUFFIXES.has(t)) : undefined;
  return suffix && point.type === 'street' && !point.problem ? 'yes' : 'unknown';
}
