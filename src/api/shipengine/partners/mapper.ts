// Partner API response bodies (docs: partners/accounts/*, partners/*-api-key*).
import type { CreatedApiKey } from '../../../domain/accounts/keys.ts';
import type { AccountApiKey } from '../../../domain/partners/api-keys.ts';
import type { PartnerAccount, PartnerAccountInput } from '../../../domain/partners/accounts.ts';

export interface CreateAccountBody {
  first_name?: string | null;
  last_name?: string | null;
  company_name?: string | null;
  external_account_id?: string | null;
  origin_country_code?: string | null;
  email?: string | null;
  password?: string | null;
}

export const fromCreateAccountBody = (body: CreateAccountBody): PartnerAccountInput => ({
  firstName: body.first_name,
  lastName: body.last_name,
  companyName: body.company_name,
  externalAccountId: body.external_account_id,
  originCountryCode: body.origin_country_code,
  email: body.email,
  password: body.password,
});

export const toAccountJson = (a: PartnerAccount) => ({
  account_id: a.id,
  external_account_id: a.externalAccountId,
  created_at: a.createdAt,
  modified_at: a.modifiedAt,
  active: a.active,
  email: a.email,
  company_name: a.companyName,
  first_name: a.firstName,
  last_name: a.lastName,
  origin_country_code: a.originCountryCode,
});

/** `encrypted_api_key` is the key itself, usable in the API-Key header; it is never shown again. */
export const toCreatedApiKeyJson = (key: CreatedApiKey, accountId: number) => ({
  encrypted_api_key: key.apiKey,
  created_at: key.createdAt,
  description: key.description,
  account_id: accountId,
  api_key_id: key.id,
});

/**
 * The docs list keys as a bare array of the create shape. Shipdock keeps only digests, so
 * `encrypted_api_key` cannot be shown and is left out.
 */
export const toListedApiKeyJson = (key: AccountApiKey) => ({
  created_at: key.createdAt,
  description: key.description,
  account_id: key.accountId,
  api_key_id: key.id,
});

/** The create response: the docs say names, company and email "will always be null in the response". */
export const toCreatedAccountJson = (account: PartnerAccount, key: CreatedApiKey) => ({
  api_key: toCreatedApiKeyJson(key, account.id),
  ...toAccountJson(account),
  email: null,
  company_name: null,
  first_name: null,
  last_name: null,
});
