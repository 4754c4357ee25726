import type { RateOptions } from '../../../domain/rates/shop.ts';
import { parseSeId } from '../../common/ids.ts';

export interface V2RateOptions {
  carrier_ids?: string[];
  service_codes?: string[];
  package_types?: string[];
  calculate_tax_amount?: boolean;
  preferred_currency?: string;
  is_return?: boolean;
}

export const rateOptionsSchema = {
  type: 'object',
  properties: {
    carrier_ids: { type: 'array', items: { type: 'string', pattern: '^se-[0-9]{1,15}$' }, maxItems: 50 },
    service_codes: { type: 'array', items: { type: 'string', minLength: 1 }, maxItems: 100 },
    package_types: { type: 'array', items: { type: 'string', minLength: 1 }, maxItems: 100 },
    calculate_tax_amount: { type: 'boolean' },
    preferred_currency: { type: 'string', enum: ['usd', 'USD'] },
    is_return: { type: 'boolean' },
  },
} as const;

export const toRateOptions = (options: V2RateOptions | undefined): RateOptions => ({
  carrierIds: options?.carrier_ids?.map((id) => parseSeId(id)!),
  serviceCodes: options?.service_codes,
  packageTypes: options?.package_types,
});
