// A local webhook receiver (node:http on 127.0.0.1) that keeps raw bodies, and a verifier that
// checks a delivery's signature the way a receiver would: the JWKS served by Shipdock, the key
// named by x-shipengine-rsa-sha256-key-id, RSA-SHA256 over `${timestamp}.${raw body}`.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createPublicKey, verify, type JsonWebKey } from 'node:crypto';
import { createAccount } from '../../src/domain/accounts/accounts.ts';
import { createApiKey } from '../../src/domain/accounts/keys.ts';
import type { TestApp } from '../helpers/server.ts';

export interface SignedDelivery {
  raw: string;
  body: { resource_url: string; resource_type: string; data?: Record<string, any> };
  headers: IncomingHttpHeaders;
}

export interface SignedReceiver {
  url: string;
  deliveries: SignedDelivery[];
  /** Status answered to the next deliveries. */
  status: number;
  close(): Promise<void>;
}

export async function startSignedReceiver(): Promise<SignedReceiver> {
  const receiver = { deliveries: [] as SignedDelivery[], status: 200 } as SignedReceiver;
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (c: Buffer) => chunks.push(c));
    request.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      receiver.deliveries.push({ raw, body: JSON.parse(raw), headers: request.headers });
      response.writeHead(receiver.status).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  receiver.close = () => new Promise((resolve) => server.close(() => resolve()));
  return receiver;
}

/** Verifies a delivery against the JWKS Shipdock serves at /jwks (fetched without credentials). */
export async function verifyDelivery(t: TestApp, delivery: SignedDelivery): Promise<boolean> {
  const kid = delivery.headers['x-shipengine-rsa-sha256-key-id'] as string;
  const signature = delivery.headers['x-shipengine-rsa-sha256-signature'] as string;
  const timestamp = delivery.headers['x-shipengine-timestamp'] as string;
  if (!kid || !signature || !timestamp) return false;
  if (Math.abs(Date.now() - Date.parse(timestamp)) > 5 * 60_000) return false;
  const jwks = (await t.app.inject({ method: 'GET', url: '/jwks' })).json() as { keys: (JsonWebKey & { kid: string })[] };
  const jwk = jwks.keys.find((k) => k.kid === kid);
  if (!jwk) return false;
  const key = createPublicKey({ key: jwk, format: 'jwk' });
  return verify('sha256', Buffer.from(`${timestamp}.${delivery.raw}`, 'utf8'), key, Buffer.from(signature, 'base64'));
}

/** A second account with its own API key. */
export async function secondAccount(t: TestApp): Promise<{ accountId: number; apiKey: string }> {
  const now = new Date().toISOString();
  return t.ctx.database.db.transaction().execute(async (tx) => {
    const account = await createAccount(tx, { plan: 'standard' }, now);
    const key = await createApiKey(tx, { accountId: account.id }, now);
    return { accountId: account.id, apiKey: key.apiKey };
  });
}

/** The path and query of a resource_url, for calling it through the test app. */
export const localPath = (resourceUrl: string) => {
  const url = new URL(resourceUrl);
  return `${url.pathname}${url.search}`;
};
