// Address validation, USPS Pub 28 normalisation and free-text recognition (pure, no I/O beyond reference data).
export { validateAddress, type AddressValidation, type AddressValidationStatus } from './validate-address.ts';
export type { AddressValidationMessage, AddressMessageType } from './validation-messages.ts';
export { normalizeAddress, normalizeUsState } from './normalize.ts';
export { normalizeDeliveryLine, type DeliveryLine } from './delivery-line.ts';
export { residentialIndicator } from './residential.ts';
export { isUsDomestic, usesUsAddressing, isMilitaryAddress } from './us-domestic.ts';
export { isIsoCountryCode } from './countries.ts';
export { checkPostalCode, canonicalPostalCode, type PostalCodeCheck } from './postal-code-formats.ts';
export { lookupUsZip, type UsZipRecord } from './us-zip-directory.ts';
export { recognizeAddress, type RecognizedAddress, type RecognizedEntity } from './recognize-address.ts';
