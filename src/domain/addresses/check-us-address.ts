// US (and territory / military / freely associated) checks against the ZIP directory.
import type { PostalAddress } from '../shipping-types.ts';
import { cleanAddressText } from './delivery-line.ts';
import { classifyDeliveryPoint, DELIVERY_POINT_DESCRIPTIONS } from './delivery-point.ts';
import { isMilitaryAddress } from './us-domestic.ts';
import { checkPostalCode } from './postal-code-formats.ts';
import { DIRECTIONALS, MILITARY_CITIES, MILITARY_STATE_CODES } from './pub28-reference.ts';
import { lookupUsZip, type UsZipRecord } from './us-zip-directory.ts';
import { addressMessage, infoMessage, type AddressValidationMessage } from './validation-messages.ts';

export interface UsAddressCheck {
  messages: AddressValidationMessage[];
  /** The normalised address with city/state completed or corrected from the ZIP directory. */
  corrected: PostalAddress;
}

/** Expects an address already through normalizeAddress. */
export function checkUsAddress(address: PostalAddress): UsAddressCheck {
  const messages: AddressValidationMessage[] = [];
  if (!address.addressLine1) messages.push(addressMessage('line1_min_max_length', 'address_line1 is required'));
  else messages.push(...deliveryPointMessages(address));

  const postal = checkPostalCode('US', address.postalCode);
  if (postal.kind === 'missing') {
    messages.push(addressMessage('invalid_postal_code', 'postal_code is required'));
  } else if (postal.kind === 'malformed') {
    messages.push(addressMessage('invalid_postal_code', `postal code "${address.postalCode}" is not a ZIP (12345) or ZIP+4 (12345-6789)`));
  } else {
    const zip5 = address.postalCode.slice(0, 5);
    const record = lookupUsZip(zip5);
    if (!record) {
      messages.push(addressMessage('invalid_postal_code', `ZIP code ${zip5} does not exist`));
    } else {
      const reconciled = reconcileWithZip(address, record);
      messages.push(...reconciled.messages);
      return { messages, corrected: reconciled.corrected };
    }
  }
  return { messages, corrected: address };
}

/** Errors CASS would raise on line 1, or an info line naming a non-street delivery point. */
function deliveryPointMessages(address: PostalAddress): AddressValidationMessage[] {
  const military = isMilitaryAddress(address);
  let point = classifyDeliveryPoint(address.addressLine1, military);
  // "Acme Corp" / "123 Main St": a delivery line in line 2 under a name line is what CASS codes.
  const line2 = address.addressLine2 ? classifyDeliveryPoint(address.addressLine2, military) : null;
  if (point.problem?.detailCode === 'missing_house_number' && line2 && !line2.problem) point = line2;
  if (point.problem) return [addressMessage(point.problem.detailCode, point.problem.message)];
  return point.type === 'street' ? [] : [infoMessage(DELIVERY_POINT_DESCRIPTIONS[point.type])];
}

function reconcileWithZip(address: PostalAddress, zip: UsZipRecord): UsAddressCheck {
  const messages: AddressValidationMessage[] = [];
  const corrected = { ...address };

  // Territories with their own country code (PR, GU...) must use their own ZIPs.
  if (address.countryCode !== 'US' && zip.state !== address.countryCode) {
    messages.push(
      addressMessage('minimum_postal_code_verification_failed', `ZIP code ${zip.zip} is in ${zip.state}, not ${address.countryCode}`),
    );
  }

  if (!address.stateProvince) {
    corrected.stateProvince = zip.state;
    messages.push(addressMessage('state_province_changed_or_added', `state_province ${zip.state} was added from ZIP code ${zip.zip}`));
  } else if (address.stateProvince !== zip.state) {
    messages.push(
      addressMessage('minimum_postal_code_verification_failed', `ZIP code ${zip.zip} is in ${zip.state}, not ${address.stateProvince}`),
    );
  }

  // The directory lists military ZIPs as APO only; FPO and DPO share those ZIP ranges.
  const militaryCityKept = MILITARY_STATE_CODES.has(zip.state) && MILITARY_CITIES.has(address.cityLocality);
  if (!address.cityLocality) {
    corrected.cityLocality = zip.city;
    messages.push(addressMessage('city_locality_changed_or_added', `city_locality ${zip.city} was added from ZIP code ${zip.zip}`));
  } else if (!militaryCityKept && cityKey(address.cityLocality) !== cityKey(zip.city)) {
    corrected.cityLocality = zip.city;
    messages.push(
      addressMessage(
        'city_locality_changed_or_added',
        `city_locality changed from ${address.cityLocality} to ${zip.city}, the city of ZIP code ${zip.zip}`,
      ),
    );
  }
  return { messages, corrected };
}

const CITY_WORD_ABBREVIATIONS: ReadonlyMap<string, string> = new Map([
  ...DIRECTIONALS,
  ['SAINT', 'ST'],
  ['SAINTE', 'STE'],
  ['FORT', 'FT'],
  ['MOUNT', 'MT'],
]);

/** Compare cities loosely: "St. Louis" = "Saint Louis", "McAllen" = "Mc Allen", "North Las Vegas" = "N Las Vegas". */
function cityKey(city: string): string {
  return cleanAddressText(city)
    .split(' ')
    .map((word) => CITY_WORD_ABBREVIATIONS.get(word) ?? word)
    .join('');
}
