import type { Cents } from '../../../domain/shipping-types.ts';

export interface MonetaryValue {
  currency: string;
  amount: number;
}

export const money = (cents: Cents, currency = 'usd'): MonetaryValue => ({ currency, amount: cents / 100 });

export const toCents = (value: MonetaryValue | null | undefined): Cents => (value ? Math.round(value.amount * 100) : 0);

export const moneySchema = {
  type: 'object',
  required: ['amount'],
  properties: { currency: { type: 'string', minLength: 3, maxLength: 3 }, amount: { type: 'number', minimum: 0, maximum: 10_000_000 } },
} as const;
