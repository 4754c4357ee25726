// Credentials: V1 key/secret pairs (max two live, expiring) and V2/ShipEngine/partner API keys.
// Only digests are stored; the plain values are returned once, at creation.
import type { Executor } from '../../db/index.ts';
import { DomainError, notFound } from '../errors.ts';
import { generateKey, generateV1Credential, hashKey, hint } from './secrets.ts';

export const V1_KEY_MONTHS = [3, 6, 12] as const;
export const MAX_V1_KEY_PAIRS = 2;

export interface CreatedV1KeyPair {
  id: number;
  apiKey: string;
  apiSecret: string;
  expiresAt: string;
}

export interface CreatedApiKey {
  id: number;
  apiKey: string;
  createdAt: string;
  description: string;
}

export interface KeySummary {
  id: string;
  kind: 'v1' | 'api' | 'partner';
  accountId: number | null;
  partnerId: number | null;
  hint: string;
  description: string;
  createdAt: string;
  expiresAt: string | null;
}

export function addMonths(iso: string, months: number): string {
  const date = new Date(iso);
  date.setUTCMonth(date.getUTCMonth() + months);
  return date.toISOString();
}

export async function createV1KeyPair(
  ex: Executor,
  accountId: number,
  months: number,
  now: string,
  given?: { apiKey: string; apiSecret: string },
): Promise<CreatedV1KeyPair> {
  if (!(V1_KEY_MONTHS as readonly number[]).includes(months)) {
    throw new DomainError('validation', `V1 keys expire after 3, 6 or 12 months, not ${months}`);
  }
  const live = await ex
    .selectFrom('v1_key_pairs')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('account_id', '=', accountId)
    .where('deleted_at', 'is', null)
    .executeTakeFirstOrThrow();
  if (Number(live.n) >= MAX_V1_KEY_PAIRS) {
    throw new DomainError('business_rules', 'an account can have at most two V1 API key pairs; delete one first', 'forbidden');
  }
  const apiKey = given?.apiKey ?? generateV1Credential();
  const apiSecret = given?.apiSecret ?? generateV1Credential();
  const expiresAt = addMonths(now, months);
  const row = await ex
    .insertInto('v1_key_pairs')
    .values({
      account_id: accountId,
      key_hash: hashKey(apiKey),
      secret_hash: hashKey(apiSecret),
      key_hint: hint(apiKey),
      expires_at: expiresAt,
      created_at: now,
      deleted_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, apiKey, apiSecret, expiresAt };
}

export async function createApiKey(
  ex: Executor,
  owner: { accountId: number } | { partnerId: number },
  now: string,
  options: { description?: string; apiKey?: string } = {},
): Promise<CreatedApiKey> {
  const apiKey = options.apiKey ?? generateKey();
  const description = options.description ?? '';
  const row = await ex
    .insertInto('api_keys')
    .values({
      account_id: 'accountId' in owner ? owner.accountId : null,
      partner_id: 'partnerId' in owner ? owner.partnerId : null,
      key_hash: hashKey(apiKey),
      key_hint: hint(apiKey),
      description,
      created_at: now,
      expires_at: null,
      deleted_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, apiKey, createdAt: now, description };
}

export async function listKeys(ex: Executor, accountId?: number): Promise<KeySummary[]> {
  let v1 = ex.selectFrom('v1_key_pairs').selectAll().where('deleted_at', 'is', null);
  let api = ex.selectFrom('api_keys').selectAll().where('deleted_at', 'is', null);
  if (accountId !== undefined) {
    v1 = v1.where('account_id', '=', accountId);
    api = api.where('account_id', '=', accountId);
  }
  const [pairs, keys] = await Promise.all([v1.orderBy('id').execute(), api.orderBy('id').execute()]);
  return [
    ...pairs.map((p) => ({
      id: `v1-${p.id}`,
      kind: 'v1' as const,
      accountId: p.account_id,
      partnerId: null,
      hint: p.key_hint,
      description: '',
      createdAt: p.created_at,
      expiresAt: p.expires_at,
    })),
    ...keys.map((k) => ({
      id: `key-${k.id}`,
      kind: k.partner_id !== null ? ('partner' as const) : ('api' as const),
      accountId: k.account_id,
      partnerId: k.partner_id,
      hint: k.key_hint,
      description: k.description,
      createdAt: k.created_at,
      expiresAt: k.expires_at,
    })),
  ];
}

/** Deletes a key by its listed id (`v1-3`, `key-7`); deletion is permanent. */
export async function deleteKey(ex: Executor, listedId: string, now: string): Promise<void> {
  const match = /^(v1|key)-(\d+)$/.exec(listedId);
  if (!match) throw new DomainError('validation', `key ids look like v1-3 or key-7, not ${listedId}`);
  const id = Number(match[2]);
  const table = match[1] === 'v1' ? 'v1_key_pairs' : 'api_keys';
  const result = await ex
    .updateTable(table)
    .set({ deleted_at: now })
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) throw notFound('key', listedId);
}

export async function deleteAccountApiKey(ex: Executor, accountId: number, keyId: number, now: string): Promise<boolean> {
  const result = await ex
    .updateTable('api_keys')
    .set({ deleted_at: now })
    .where('id', '=', keyId)
    .where('account_id', '=', accountId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Deletes one of the account's V1 key pairs; another account's pair is not found. */
export async function deleteAccountV1KeyPair(ex: Executor, accountId: number, pairId: number, now: string): Promise<boolean> {
  const result = await ex
    .updateTable('v1_key_pairs')
    .set({ deleted_at: now })
    .where('id', '=', pairId)
    .where('account_id', '=', accountId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
