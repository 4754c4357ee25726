// Fees for shipment options: declared value / insurance and signature confirmation.
import type { Cents, Confirmation } from '../shipping-types.ts';
import { confirmationCharge, type Charge } from './charges.ts';
import { FEDEX_FEES, UPS_FEES, type SignatureFees } from './surcharge-schedules.ts';

const HUNDRED_DOLLARS = 10_000;

function hundredsOrPart(valueCents: Cents): number {
  return Math.ceil(valueCents / HUNDRED_DOLLARS);
}

/** FedEx declared value: free to $100, a flat fee to $300, then a fee per $100 (or part) above $300. */
export function fedexDeclaredValueFee(valueCents: Cents): Cents {
  const { freeUpTo, upTo300, per100Over300 } = FEDEX_FEES.declaredValue;
  if (valueCents <= freeUpTo) return 0;
  const above300 = Math.max(0, valueCents - 3 * HUNDRED_DOLLARS);
  return upTo300 + hundredsOrPart(above300) * per100Over300;
}

/** UPS declared value: free to $100, otherwise a rate per $100 (or part) of the whole value, with a minimum. */
export function upsDeclaredValueFee(valueCents: Cents): Cents {
  const { freeUpTo, per100, minimum } = UPS_FEES.declaredValue;
  if (valueCents <= freeUpTo) return 0;
  return Math.max(minimum, hundredsOrPart(valueCents) * per100);
}

/** Insurance priced per $100 (or part) above the coverage the service already includes (USPS, DHL). */
export function perHundredInsuranceFee(valueCents: Cents, includedCents: Cents, per100: Cents): Cents {
  return hundredsOrPart(Math.max(0, valueCents - includedCents)) * per100;
}

const SIGNATURE_KINDS: Partial<Record<Confirmation, { kind: keyof SignatureFees; description: string }>> = {
  signature: { kind: 'signature', description: 'Signature confirmation' },
  direct_signature: { kind: 'direct', description: 'Direct signature required' },
  adult_signature: { kind: 'adult', description: 'Adult signature required' },
};

/** The signature fee for a confirmation level, or null when the level is free (none, delivery). */
export function signatureCharge(confirmation: Confirmation, fees: SignatureFees): Charge | null {
  const signature = SIGNATURE_KINDS[confirmation];
  return signature ? confirmationCharge(signature.description, fees[signature.kind]) : null;
}
