// USPS Publication 28 standardisation of one delivery line:
// number [predirectional] name... [suffix] [postdirectional] [designator unit].
import { DIRECTIONALS, SECONDARY_DESIGNATORS, STREET_SUFFIXES } from './pub28-reference.ts';

/** Uppercase, drop periods and apostrophes (N. -> N, O'FARRELL -> OFARRELL), turn other
 *  punctuation into spaces; keep `-` (123-B, ZIP+4), `#` and `/` (1/2) as Pub 28 does. */
export function cleanAddressText(text: string | null | undefined): string {
  return (text ?? '')
    .toUpperCase()
    .replace(/['’.]/g, '')
    .replace(/#/g, ' # ')
    .replace(/[^A-Z0-9#\-/& ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Rural route (RR, RFD, RURAL ROUTE) and highway contract (HC, STAR ROUTE) lines: "RR 2 BOX 152". */
const ROUTE_LINE = /^(RURAL ROUTE|RURAL RTE|RFD|RR|R R|HIGHWAY CONTRACT|HWY CONTRACT|STAR ROUTE|HC)(?: (\S+))?(?: (?:BOX|BX) ?#? ?(\S+))?$/;

function standardizeRouteLine(match: RegExpExecArray): string {
  const kind = /^(HIGHWAY|HWY|STAR|HC)/.test(match[1]) ? 'HC' : 'RR';
  return [kind, match[2], match[3] ? `BOX ${match[3]}` : null].filter(Boolean).join(' ');
}

export interface DeliveryLine {
  /** Street part, standardised ("123 N MAIN ST"). */
  street: string;
  /** Secondary unit, standardised ("APT 4", "STE 200", "# 5", "REAR"), if the line had one. */
  unit: string | null;
}

export function normalizeDeliveryLine(line: string | null | undefined): DeliveryLine {
  const cleaned = cleanAddressText(line);
  const poBox = /^(?:P ?O|POST OFFICE|POB|BOX)(?: ?BOX)?(?: ?# ?| )?(\S+)?$/.exec(cleaned);
  if (poBox && /^(P ?O|POST OFFICE|POB)/.test(cleaned)) return { street: ['PO BOX', poBox[1]].filter(Boolean).join(' '), unit: null };
  const route = ROUTE_LINE.exec(cleaned);
  if (route) return { street: standardizeRouteLine(route), unit: null };

  const tokens = cleaned ? cleaned.split(' ') : [];
  const unitStart = findTrailingUnit(tokens);
  const streetTokens = unitStart === -1 ? tokens : tokens.slice(0, unitStart);
  return {
    street: standardizeStreet(streetTokens).join(' '),
    unit: unitStart === -1 ? null : formatUnit(tokens.slice(unitStart)),
  };
}

/** A line that holds nothing but a secondary unit ("Apartment 4", "#4", "Suite 200"), standardised; else null. */
export function parseUnitOnlyLine(line: string | null | undefined): string | null {
  const tokens = cleanAddressText(line).split(' ').filter(Boolean);
  return tokens.length > 0 && isUnit(tokens, 0, false) ? formatUnit(tokens) : null;
}

/** Index where a trailing secondary unit starts, or -1. The unit must follow a street
 *  (number and name at least), so "123 FRONT ST" keeps FRONT as the street name. */
function findTrailingUnit(tokens: string[]): number {
  for (let i = 2; i < tokens.length; i++) {
    if (isUnit(tokens, i, true)) return i;
  }
  return -1;
}

function isUnit(tokens: string[], start: number, afterStreet: boolean): boolean {
  const designator = SECONDARY_DESIGNATORS.get(tokens[start]);
  if (!designator) return false;
  const rest = unitNumberTokens(tokens.slice(start));
  if (designator.requiresRange) return rest.length === 1;
  if (rest.length > 0) return false;
  // REAR, LOBBY, FRONT... take no number; after a street, trust them only right behind a
  // suffix ("123 MAIN ST REAR") so "123 W FRONT" stays a street name.
  return !afterStreet || STREET_SUFFIXES.has(tokens[start - 1]);
}

/** Tokens after the designator, minus a redundant `#` ("APT # 4" -> ["4"]). */
function unitNumberTokens(unitTokens: string[]): string[] {
  const rest = unitTokens.slice(1);
  return unitTokens[0] !== '#' && rest[0] === '#' ? rest.slice(1) : rest;
}

function formatUnit(unitTokens: string[]): string {
  const designator = SECONDARY_DESIGNATORS.get(unitTokens[0])!;
  return [designator.abbr, ...unitNumberTokens(unitTokens)].join(' ');
}

/** Abbreviate directionals (pre/post position only) and the last suffix, leaving at least one
 *  street-name word: "123 NORTH ST" and "1 AVENUE OF THE AMERICAS" keep their words. */
function standardizeStreet(tokens: string[]): string[] {
  const numberLength = houseNumberLength(tokens);
  const number = tokens.slice(0, numberLength);
  let name = tokens.slice(numberLength);
  let predirectional: string | undefined;
  let suffix: string | undefined;
  let postdirectional: string | undefined;

  const last = name.at(-1);
  if (name.length >= 2 && last && DIRECTIONALS.has(last) && name.slice(0, -1).some((t) => !DIRECTIONALS.has(t))) {
    postdirectional = DIRECTIONALS.get(last);
    name = name.slice(0, -1);
  }
  const suffixWord = name.at(-1);
  if (name.length >= 2 && suffixWord && STREET_SUFFIXES.has(suffixWord)) {
    suffix = STREET_SUFFIXES.get(suffixWord);
    name = name.slice(0, -1);
  }
  if (name.length >= 2 && DIRECTIONALS.has(name[0])) {
    predirectional = DIRECTIONALS.get(name[0]);
    name = name.slice(1);
  }
  return [...number, predirectional, ...name, suffix, postdirectional].filter((t): t is string => Boolean(t));
}

/** "123", "123-B", "123 1/2" (fractional addresses keep their fraction). Rural routes and
 *  military lines ("PSC 1234 BOX 5678") have no leading number and are left as typed. */
function houseNumberLength(tokens: string[]): number {
  if (tokens.length === 0 || !/\d/.test(tokens[0])) return 0;
  return /^\d+\/\d+$/.test(tokens[1] ?? '') ? 2 : 1;
}
