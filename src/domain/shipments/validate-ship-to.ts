// The `validate_address` option of shipment requests: check the recipient's address, and with
// validate_and_clean store the standardised one. A failed check is reported, never thrown: the
// shipment is still saved so it can be corrected later, as ShipStation does.
import { validateAddress, type AddressValidation } from '../addresses/index.ts';
import type { ShipmentBody } from './types.ts';

export type ValidateAddressOption = 'no_validation' | 'validate_only' | 'validate_and_clean';

export interface ShipToValidation {
  body: ShipmentBody;
  /** null when the request asked for no validation. */
  validation: AddressValidation | null;
  /** The messages of a failed validation, as the shipment's errors. */
  errors: string[];
}

export function validateShipTo(body: ShipmentBody, option: ValidateAddressOption = 'no_validation'): ShipToValidation {
  if (option === 'no_validation') return { body, validation: null, errors: [] };
  const validation = validateAddress(body.shipTo);
  const errors =
    validation.status === 'error'
      ? validation.messages.filter((m) => m.type === 'error').map((m) => `ship_to: ${m.message}`)
      : [];
  const cleaned = option === 'validate_and_clean' && validation.matched ? { ...body, shipTo: validation.matched } : body;
  return { body: cleaned, validation, errors };
}
