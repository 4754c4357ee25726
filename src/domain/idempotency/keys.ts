// Idempotency keys (a Shipdock extension): the first request with a key claims it inside its own
// transaction and stores its response there; a retry with the same key and body gets that
// response without running again. The unique (account_id, idempotency_key) index does the
// arbitration: on PostgreSQL a concurrent claim waits for the first transaction, then sees its row.
import type { Executor } from '../../db/index.ts';
import { DomainError } from '../errors.ts';

export const IDEMPOTENCY_HEADER = 'Idempotency-Key';

export interface StoredResponse {
  statusCode: number;
  body: unknown;
}

const conflict = (message: string) =>
  new DomainError('validation', message, 'identifier_conflict', [{ field: IDEMPOTENCY_HEADER, message, code: 'identifier_conflict' }]);

export function checkIdempotencyKey(key: string): void {
  if (key.length < 1 || key.length > 255 || /[^\x21-\x7e]/.test(key)) {
    throw new DomainError('validation', `${IDEMPOTENCY_HEADER} must be 1 to 255 visible ASCII characters`, 'invalid_field_value', [
      { field: IDEMPOTENCY_HEADER, message: `${IDEMPOTENCY_HEADER} must be 1 to 255 visible ASCII characters`, code: 'invalid_field_value' },
    ]);
  }
}

/**
 * Claims `key` for this request, or returns the response stored under it. A key reused with
 * another operation or body is refused (400 identifier_conflict).
 */
export async function claimIdempotencyKey(
  ex: Executor,
  accountId: number,
  key: string,
  operation: string,
  requestHash: string,
  now: string,
): Promise<StoredResponse | null> {
  checkIdempotencyKey(key);
  const inserted = await ex
    .insertInto('idempotency_keys')
    .values({ account_id: accountId, idempotency_key: key, operation, request_hash: requestHash, status_code: null, response_body: null, created_at: now })
    .onConflict((oc) => oc.columns(['account_id', 'idempotency_key']).doNothing())
    .returning('id')
    .executeTakeFirst();
  if (inserted) return null;
  const row = await ex
    .selectFrom('idempotency_keys')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('idempotency_key', '=', key)
    .executeTakeFirstOrThrow();
  if (row.operation !== operation || row.request_hash !== requestHash) {
    throw conflict(`${IDEMPOTENCY_HEADER} "${key}" was already used with a different request (${row.operation}); use a new key for a new request`);
  }
  if (row.status_code === null) throw new DomainError('conflict', `a request with ${IDEMPOTENCY_HEADER} "${key}" is still in progress`, 'identifier_conflict');
  return { statusCode: row.status_code, body: row.response_body === null ? null : (JSON.parse(row.response_body) as unknown) };
}

/** Stores the response of the request that claimed `key` (same transaction as its work). */
export async function storeIdempotentResponse(ex: Executor, accountId: number, key: string, response: StoredResponse): Promise<void> {
  await ex
    .updateTable('idempotency_keys')
    .set({ status_code: response.statusCode, response_body: response.body === null || response.body === undefined ? null : JSON.stringify(response.body) })
    .where('account_id', '=', accountId)
    .where('idempotency_key', '=', key)
    .execute();
}
