// RSA-SHA256 signatures on outgoing webhooks, as ShipStation documents them ("Webhook Validation"):
// the signed text is `${x-shipengine-timestamp}.${raw body}`, the signature is base64 in
// x-shipengine-rsa-sha256-signature, and x-shipengine-rsa-sha256-key-id names the key in the JWKS
// served at /jwks. The key pair is made once, kept in the database and rotated from the CLI; a
// retired key stays published for a week so deliveries signed with it still verify.
import { createPrivateKey, generateKeyPair, randomBytes, sign, type KeyObject } from 'node:crypto';
import { promisify } from 'node:util';
import type { Executor } from '../../db/index.ts';

const RETIRED_KEY_PUBLISHED_MS = 7 * 24 * 3600_000;

export interface SigningKey {
  kid: string;
  privateKey: KeyObject;
}

export interface PublicJwk {
  kty: string;
  n: string;
  e: string;
  kid: string;
  alg: 'RS256';
  use: 'sig';
}

const parsed = new Map<string, KeyObject>();

const generateRsa = promisify(generateKeyPair);

async function newKeyPair(now: string) {
  const { publicKey, privateKey } = await generateRsa('rsa', { modulusLength: 2048 });
  const kid = `shipdock-${now.slice(0, 10)}-${randomBytes(4).toString('hex')}`;
  const jwk = { ...(publicKey.export({ format: 'jwk' }) as { kty: string; n: string; e: string }), kid, alg: 'RS256' as const, use: 'sig' as const };
  return { kid, private_pem: privateKey.export({ type: 'pkcs8', format: 'pem' }) as string, public_jwk: JSON.stringify(jwk), created_at: now, retired_at: null };
}

const newestActive = (ex: Executor) =>
  ex.selectFrom('signing_keys').select(['kid', 'private_pem']).where('retired_at', 'is', null).orderBy('created_at', 'desc').orderBy('kid').executeTakeFirst();

/** One key creation at a time in this process: concurrent first deliveries share it. */
let creating: Promise<void> | null = null;

/** The key deliveries are signed with: the newest one not retired, made on first need. */
export async function activeSigningKey(ex: Executor, now: string): Promise<SigningKey> {
  let row = await newestActive(ex);
  if (!row) {
    creating ??= (async () => {
      const fresh = await newKeyPair(now);
      if (!(await newestActive(ex))) await ex.insertInto('signing_keys').values(fresh).execute();
    })().finally(() => {
      creating = null;
    });
    await creating;
    row = (await newestActive(ex))!;
  }
  let key = parsed.get(row.kid);
  if (!key) {
    key = createPrivateKey(row.private_pem);
    parsed.set(row.kid, key);
  }
  return { kid: row.kid, privateKey: key };
}

/** Makes a new active key and retires the others (still published for a week). Returns the new kid. */
export async function rotateSigningKey(ex: Executor, now: string): Promise<string> {
  await ex.updateTable('signing_keys').set({ retired_at: now }).where('retired_at', 'is', null).execute();
  const fresh = await newKeyPair(now);
  await ex.insertInto('signing_keys').values(fresh).execute();
  return fresh.kid;
}

/** The JWKS document: active keys and keys retired less than a week ago. */
export async function publicKeySet(ex: Executor, now: Date): Promise<{ keys: PublicJwk[] }> {
  const since = new Date(now.getTime() - RETIRED_KEY_PUBLISHED_MS).toISOString();
  const rows = await ex
    .selectFrom('signing_keys')
    .select('public_jwk')
    .where((eb) => eb.or([eb('retired_at', 'is', null), eb('retired_at', '>', since)]))
    .orderBy('created_at', 'desc')
    .execute();
  return { keys: rows.map((r) => JSON.parse(r.public_jwk) as PublicJwk) };
}

/** The three signature headers for one raw body. */
export function signatureHeaders(key: SigningKey, rawBody: string, timestamp: string): Record<string, string> {
  const signature = sign('sha256', Buffer.from(`${timestamp}.${rawBody}`, 'utf8'), key.privateKey).toString('base64');
  return {
    'x-shipengine-rsa-sha256-key-id': key.kid,
    'x-shipengine-rsa-sha256-signature': signature,
    'x-shipengine-timestamp': timestamp,
  };
}
