// `Idempotency-Key` on purchase routes (Shipdock extension): runs `work` once per key, inside the
// caller's transaction, and answers retries with the stored response.
import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Executor } from '../../db/index.ts';
import { claimIdempotencyKey, storeIdempotentResponse } from '../../domain/idempotency/keys.ts';
import { actingAccount } from './context.ts';

export const idempotencyHeaderDoc =
  'Shipdock extension (not in ShipStation): send an `Idempotency-Key` header (1-255 visible ASCII characters) to make retries safe. The same key with the same request returns the stored response (header `Idempotent-Replayed: true`) without buying again; the same key with a different request is 400 `identifier_conflict`. Failed requests are not stored.';

export async function idempotent<T>(tx: Executor, request: FastifyRequest, reply: FastifyReply, now: string, work: () => Promise<T>, statusCode = 200): Promise<T> {
  const header = request.headers['idempotency-key'];
  if (header === undefined) return work();
  const key = Array.isArray(header) ? header[0] : header;
  const accountId = actingAccount(request).id;
  const operation = `${request.method} ${request.routeOptions.url}`;
  const hash = createHash('sha256').update(JSON.stringify({ params: request.params ?? null, body: request.body ?? null })).digest('hex');
  const stored = await claimIdempotencyKey(tx, accountId, key, operation, hash, now);
  if (stored) {
    reply.header('idempotent-replayed', 'true');
    return stored.body as T;
  }
  const body = await work();
  await storeIdempotentResponse(tx, accountId, key, { statusCode, body });
  return body;
}
