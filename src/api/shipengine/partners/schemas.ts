// Request schemas of the Partner API; the limits come from the domain rules.
import { PARTNER_ACCOUNT_LIMITS as L } from '../../../domain/partners/accounts.ts';
import { pagingQuery } from '../../v2/shared/query.ts';

const optionalString = (constraints: Record<string, unknown>) => ({ type: ['string', 'null'], ...constraints });

/** Every field is optional: partner clients (ShipWorks) create accounts with an empty body. */
export const createAccountBody = {
  type: 'object',
  properties: {
    first_name: optionalString({ maxLength: L.nameMax }),
    last_name: optionalString({ maxLength: L.nameMax }),
    company_name: optionalString({ maxLength: L.companyNameMax }),
    external_account_id: optionalString({ minLength: 1, maxLength: L.externalIdMax }),
    origin_country_code: optionalString({ pattern: '^[A-Z]{2}$' }),
    email: optionalString({ format: 'email', maxLength: L.emailMax }),
    password: optionalString({ minLength: L.passwordMin, maxLength: L.passwordMax }),
  },
} as const;

export const createApiKeyBody = {
  type: 'object',
  properties: { description: optionalString({ maxLength: 255 }) },
} as const;

/** Account ids are integers in the Partner API; the `se-` form of the docs' On-Behalf-Of example is accepted too. */
const accountIdProperty = { type: 'string', pattern: '^(se-)?[0-9]{1,15}$' } as const;

export const accountParams = {
  type: 'object',
  required: ['account_id'],
  properties: { account_id: accountIdProperty },
} as const;

export const apiKeyParams = {
  type: 'object',
  required: ['account_id', 'api_key_id'],
  properties: { account_id: accountIdProperty, api_key_id: { type: 'string', pattern: '^[0-9]{1,15}$' } },
} as const;

export const externalIdParams = {
  type: 'object',
  required: ['external_account_id'],
  properties: { external_account_id: { type: 'string', minLength: 1, maxLength: L.externalIdMax } },
} as const;

export const listAccountsQuery = {
  type: 'object',
  properties: {
    ...pagingQuery,
    external_account_id: { type: 'string', minLength: 1, maxLength: L.externalIdMax },
    active: { type: 'boolean' },
  },
} as const;
