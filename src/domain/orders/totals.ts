// Figures ShipStation computes for an order rather than taking them from the caller.
import { weightInOunces } from '../products/products.ts';
import type { OrderItemInput, OrderWeight } from './types.ts';

/** orderTotal = sum(unitPrice x quantity) + taxAmount + shippingAmount. */
export function orderTotalCents(items: OrderItemInput[], taxAmountCents: number, shippingAmountCents: number): number {
  return items.reduce((sum, item) => sum + item.unitPriceCents * item.quantity, 0) + taxAmountCents + shippingAmountCents;
}

/** An order sent without a weight weighs what its items weigh (in ounces, as ShipStation shows it). */
export function orderWeight(given: OrderWeight | null, items: OrderItemInput[]): OrderWeight {
  if (given && given.value > 0) return given;
  const ounces = items.reduce((sum, item) => sum + (item.weight ? weightInOunces(item.weight) * item.quantity : 0), 0);
  return { value: Math.round(ounces * 100) / 100, units: 'ounces' };
}

/** What a line item is searched by (itemKeyword): SKU, name and options, one per line. */
export function itemKeywords(item: OrderItemInput): string {
  return [item.sku ?? '', item.name, ...item.options.map((o) => `${o.name}: ${o.value}`)].join('\n').toLowerCase();
}
