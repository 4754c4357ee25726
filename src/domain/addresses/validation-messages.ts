// Address validation messages in the ShipEngine / ShipStation V2 vocabulary
// (`address_validation_code`, `address_validation_detail_code`, `address_validation_message_type`).

export type AddressMessageType = 'error' | 'warning' | 'info';

export interface AddressValidationMessage {
  code: string;
  message: string;
  type: AddressMessageType;
  detailCode: string | null;
}

/**
 * The message code that groups each detail code, per ShipEngine's message list: a1001 unsupported
 * country, a1002 could not verify, a1003 a field was changed or added. The r10xx request-data
 * codes have no public mapping; Shipdock uses r1000 for a missing or unusable field, r1001 for
 * postal codes and r1002 for malformed country codes. A primary line CASS could not code (no street
 * number, no box number) is a1002, "could not verify", with the detail code that names the part.
 */
const DETAIL_CODES = {
  unsupported_country: { code: 'a1001', type: 'error' },
  minimum_postal_code_verification_failed: { code: 'a1002', type: 'error' },
  missing_house_number: { code: 'a1002', type: 'error' },
  invalid_house_number: { code: 'a1002', type: 'error' },
  street_does_not_match_unique_street_name: { code: 'a1002', type: 'error' },
  missing_box_number: { code: 'a1002', type: 'error' },
  invalid_box_number: { code: 'a1002', type: 'error' },
  address_not_found: { code: 'a1004', type: 'error' },
  city_locality_changed_or_added: { code: 'a1003', type: 'warning' },
  state_province_changed_or_added: { code: 'a1003', type: 'warning' },
  line1_min_max_length: { code: 'r1000', type: 'error' },
  invalid_postal_code: { code: 'r1001', type: 'error' },
  country_invalid_length: { code: 'r1002', type: 'error' },
} as const satisfies Record<string, { code: string; type: AddressMessageType }>;

export type AddressDetailCode = keyof typeof DETAIL_CODES;

export function addressMessage(detailCode: AddressDetailCode, message: string): AddressValidationMessage {
  const { code, type } = DETAIL_CODES[detailCode];
  return { code, message, type, detailCode };
}

/** A missing or unusable field the detail-code list has no entry for (city, state). */
export function fieldMessage(message: string): AddressValidationMessage {
  return { code: 'r1000', message, type: 'error', detailCode: null };
}

/** A fact about the address that is neither a change nor a problem (a PO Box, a military address). */
export function infoMessage(message: string): AddressValidationMessage {
  return { code: 'a1000', message, type: 'info', detailCode: null };
}
