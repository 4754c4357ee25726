// What a CN22 / CN23 customs declaration states, derived from the shipment's customs data
// (reference/domain/customs.md). Rendering lives in render-customs-pdf.ts.
import type { CustomsInput, PostalAddress, Weight } from '../shipping-types.ts';

/** UPU: CN22 up to 300 SDR, taken as US$400; above it the larger CN23. */
export const CN22_MAX_VALUE_CENTS = 40_000;

export interface CustomsFormInput {
  trackingNumber: string;
  carrierName: string;
  serviceName: string;
  shipFrom: PostalAddress;
  shipTo: PostalAddress;
  /**
   * Item `valueCents` and `weight` are for one unit (V2/ShipEngine `value`, as in
   * domain/customs customsTotals); the form prints line totals = unit x quantity.
   */
  customs: CustomsInput;
  /** Required when contents is "other". */
  contentsExplanation?: string | null;
  /** YYYY-MM-DD */
  shipDate: string;
  postageCents?: number;
  invoiceNumber?: string | null;
  importerReference?: string | null;
  /** Defaults to the sender's name. */
  signerName?: string | null;
}

export type CustomsFormType = 'CN22' | 'CN23';

export const CUSTOMS_CATEGORIES = [
  { contents: 'gift', label: 'Gift' },
  { contents: 'sample', label: 'Commercial sample' },
  { contents: 'documents', label: 'Documents' },
  { contents: 'returned_goods', label: 'Returned goods' },
  { contents: 'merchandise', label: 'Sale of goods' },
  { contents: 'other', label: 'Other' },
] as const;

export const NON_DELIVERY_OPTIONS = [
  { nonDelivery: 'return_to_sender', label: 'Return to sender' },
  { nonDelivery: 'treat_as_abandoned', label: 'Treat as abandoned' },
] as const;

/** One row of the form; weight and value are for the whole line. */
export interface CustomsLine {
  quantity: number;
  description: string;
  weightLb: number | null;
  valueCents: number;
  tariffCode: string;
  countryOfOrigin: string;
}

export interface CustomsDeclaration {
  formType: CustomsFormType;
  /** One of CUSTOMS_CATEGORIES' contents; anything unknown is declared as "other". */
  category: string;
  nonDelivery: string;
  lines: CustomsLine[];
  /** Null when no item declares a weight. */
  totalWeightLb: number | null;
  totalValueCents: number;
}

const POUNDS_PER_UNIT: Record<Weight['unit'], number> = {
  ounce: 1 / 16,
  pound: 1,
  gram: 1 / 453.59237,
  kilogram: 1 / 0.45359237,
};

function weightInPounds(weight: Weight): number {
  return weight.value * POUNDS_PER_UNIT[weight.unit];
}

export function customsFormType(totalValueCents: number): CustomsFormType {
  return totalValueCents < CN22_MAX_VALUE_CENTS ? 'CN22' : 'CN23';
}

export function buildCustomsDeclaration(input: CustomsFormInput): CustomsDeclaration {
  const lines = input.customs.items.map((item) => ({
    quantity: item.quantity,
    description: item.description,
    weightLb: item.weight ? weightInPounds(item.weight) * item.quantity : null,
    valueCents: item.valueCents * item.quantity,
    tariffCode: item.harmonizedTariffCode ?? '',
    countryOfOrigin: item.countryOfOrigin?.toUpperCase() ?? '',
  }));
  const totalValueCents = lines.reduce((sum, line) => sum + line.valueCents, 0);
  const weighed = lines.filter((line) => line.weightLb !== null);
  const known = CUSTOMS_CATEGORIES.some((category) => category.contents === input.customs.contents);
  return {
    formType: customsFormType(totalValueCents),
    category: known ? input.customs.contents : 'other',
    nonDelivery: input.customs.nonDelivery,
    lines,
    totalWeightLb: weighed.length === 0 ? null : weighed.reduce((sum, line) => sum + (line.weightLb ?? 0), 0),
    totalValueCents,
  };
}
