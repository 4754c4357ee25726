import type { Cents, CustomsInput } from '../shipping-types.ts';

export interface CustomsTotals {
  totalValueCents: Cents;
  totalQuantity: number;
}

/** Totals printed on CN22/CN23 and the commercial invoice. `valueCents` is the value of one
 *  unit (V2/ShipEngine `value`), so a line is worth value x quantity. */
export function customsTotals(customs: CustomsInput): CustomsTotals {
  return customs.items.reduce(
    (totals, item) => ({
      totalValueCents: totals.totalValueCents + item.valueCents * item.quantity,
      totalQuantity: totals.totalQuantity + item.quantity,
    }),
    { totalValueCents: 0, totalQuantity: 0 },
  );
}
