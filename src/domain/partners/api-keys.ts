// API keys of partner-owned accounts. Only digests are stored, so a key's value is shown once, at
// creation; deleting a key is permanent.
import type { Executor } from '../../db/index.ts';
import { createApiKey, deleteAccountApiKey, type CreatedApiKey } from '../accounts/keys.ts';
import { notFound } from '../errors.ts';
import { getPartnerAccount } from './accounts.ts';

export interface AccountApiKey {
  id: number;
  accountId: number;
  description: string;
  createdAt: string;
}

export async function createPartnerAccountApiKey(
  ex: Executor,
  partnerId: number,
  accountId: number,
  description: string,
  now: string,
): Promise<CreatedApiKey> {
  await getPartnerAccount(ex, partnerId, accountId);
  return createApiKey(ex, { accountId }, now, { description });
}

export async function listPartnerAccountApiKeys(ex: Executor, partnerId: number, accountId: number): Promise<AccountApiKey[]> {
  await getPartnerAccount(ex, partnerId, accountId);
  const rows = await ex
    .selectFrom('api_keys')
    .select(['id', 'account_id', 'description', 'created_at'])
    .where('account_id', '=', accountId)
    .where('deleted_at', 'is', null)
    .orderBy('id')
    .execute();
  return rows.map((row) => ({ id: row.id, accountId, description: row.description, createdAt: row.created_at }));
}

export async function deletePartnerAccountApiKey(ex: Executor, partnerId: number, accountId: number, keyId: number, now: string): Promise<void> {
  await getPartnerAccount(ex, partnerId, accountId);
  if (!(await deleteAccountApiKey(ex, accountId, keyId, now))) throw notFound('API key', keyId);
}
