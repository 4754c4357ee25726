// Request schemas and body mapping of the funding endpoints; the domain rules check amounts and
// currencies and name the limits in their messages.
import type { AutoFundingSettings } from '../../../domain/labels/auto-funding.ts';
import { checkCurrency, FUNDS_CURRENCY } from '../../../domain/carriers/funds.ts';
import { money, toCents, type MonetaryValue } from '../shared/money.ts';

const monetaryValue = (required: string[]) =>
  ({ type: 'object', required, properties: { currency: { type: 'string', minLength: 1, maxLength: 3 }, amount: { type: 'number' } } }) as const;

/** add_funds_to_carrier_request_body: a monetary_value, both fields required. */
export const addFundsBody = monetaryValue(['currency', 'amount']);

export interface AutoFundingBody {
  is_enabled: boolean;
  low_balance_purchase_threshold?: Partial<MonetaryValue> & { amount: number };
  purchase_amount?: (Partial<MonetaryValue> & { amount: number }) | number;
  maximum_purchases_per_day?: number;
}

/** Auto-funding is undocumented; amounts take a monetary value (currency defaults to usd) or, for purchase_amount, a bare number. */
export const autoFundingBody = {
  type: 'object',
  required: ['is_enabled'],
  properties: {
    is_enabled: { type: 'boolean' },
    low_balance_purchase_threshold: monetaryValue(['amount']),
    purchase_amount: { anyOf: [monetaryValue(['amount']), { type: 'number' }] },
    maximum_purchases_per_day: { type: 'integer', minimum: 0, maximum: 1000 },
  },
} as const;

/** A monetary value or bare number as cents, once its currency is known to be USD. */
function cents(field: string, value: AutoFundingBody['purchase_amount']): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'number') return toCents({ currency: FUNDS_CURRENCY, amount: value });
  checkCurrency(`${field}.currency`, value.currency ?? FUNDS_CURRENCY);
  return toCents({ currency: FUNDS_CURRENCY, amount: value.amount });
}

/** The body as a patch in the domain's shape; left-out fields stay undefined. */
export function fromAutoFundingBody(body: AutoFundingBody): Partial<AutoFundingSettings> {
  return {
    isEnabled: body.is_enabled,
    thresholdCents: cents('low_balance_purchase_threshold', body.low_balance_purchase_threshold),
    purchaseCents: cents('purchase_amount', body.purchase_amount),
    maximumPurchasesPerDay: body.maximum_purchases_per_day,
  };
}

export const toAutoFundingJson = (rules: AutoFundingSettings) => ({
  is_enabled: rules.isEnabled,
  low_balance_purchase_threshold: money(rules.thresholdCents),
  purchase_amount: money(rules.purchaseCents),
  maximum_purchases_per_day: rules.maximumPurchasesPerDay,
});
