import { isMilitaryAddress, usesUsAddressing } from '../addresses/index.ts';
import type { PostalAddress } from '../shipping-types.ts';

export type CustomsParty = Pick<PostalAddress, 'countryCode' | 'stateProvince' | 'cityLocality'>;

/** US possessions and freely associated states outside the US customs territory: USPS wants a
 *  customs form for mail between them and the states. Puerto Rico is inside it and needs none. */
const SEPARATE_CUSTOMS_TERRITORIES: ReadonlySet<string> = new Set(['GU', 'AS', 'MP', 'VI', 'FM', 'MH', 'PW']);

/**
 * Customs is needed across a customs border: between countries, between the states and a US
 * territory outside the US customs territory (written either as country GU or as US + state GU),
 * and for any mail to or from an APO/FPO/DPO address.
 */
export function requiresCustoms(shipFrom: CustomsParty, shipTo: CustomsParty): boolean {
  const from = customsTerritory(shipFrom);
  const to = customsTerritory(shipTo);
  return from !== to || from === MILITARY;
}

const MILITARY = 'military';

function customsTerritory(party: CustomsParty): string {
  const country = (party.countryCode ?? '').trim().toUpperCase();
  if (!usesUsAddressing(country)) return country;
  if (isMilitaryAddress(party)) return MILITARY;
  const territory = country === 'US' ? (party.stateProvince ?? '').trim().toUpperCase() : country;
  return SEPARATE_CUSTOMS_TERRITORIES.has(territory) ? territory : 'US';
}
