import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { CREDENTIALS, startTestApp, type TestApp } from '../helpers/server.ts';
import { assertContract } from '../helpers/contract.ts';
import { onlyOn } from '../helpers/skips.ts';

describe('rate limits', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp({ SHIPDOCK_RATE_LIMIT_V1: '3', SHIPDOCK_RATE_LIMIT_V2: '4' });
  });
  after(() => t.close());

  test('V1: X-Rate-Limit headers on every response, 429 when the pair is exhausted', async () => {
    const seen: number[] = [];
    for (let i = 0; i < 3; i++) {
      const res = await t.v1('GET', '/users');
      assert.equal(res.statusCode, 200);
      assert.equal(res.headers['x-rate-limit-limit'], '3');
      const reset = Number(res.headers['x-rate-limit-reset']);
      assert.ok(reset >= 1 && reset <= 60);
      seen.push(Number(res.headers['x-rate-limit-remaining']));
    }
    // A minute boundary may fall inside the loop; then the counter restarts, which is still right.
    assert.ok(seen[2] < seen[0] || seen[2] === 2);
    let limited = await t.v1('GET', '/users');
    if (limited.statusCode === 200) for (let i = 0; i < 3 && limited.statusCode === 200; i++) limited = await t.v1('GET', '/users');
    assert.equal(limited.statusCode, 429);
    assert.equal(limited.headers['x-rate-limit-remaining'], '0');
    assert.equal(typeof limited.json().Message, 'string');
  });

  for (const [surface, url] of [['v2', '/v2/tags'], ['shipengine', '/v1/tags']] as const) {
    test(`${surface}: 429 with Retry-After and rate_limit_exceeded`, async () => {
      // Each surface gets its own key so the budgets don't mix.
      const key = await t.ctx.database.db.transaction().execute(async (tx) => {
        const { createApiKey } = await import('../../src/domain/accounts/keys.ts');
        return createApiKey(tx, { accountId: 1 }, t.ctx.clock.nowIso());
      });
      let res;
      for (let i = 0; i < 9; i++) {
        res = await t.inject({ method: 'GET', url, headers: { 'api-key': key.apiKey } });
        if (res.statusCode === 429) break;
      }
      assert.equal(res!.statusCode, 429);
      const retryAfter = Number(res!.headers['retry-after']);
      assert.ok(retryAfter >= 1 && retryAfter <= 60);
      assertContract(surface, 'GET', url, 429, res!.json());
      assert.equal(res!.json().errors[0].error_code, 'rate_limit_exceeded');
    });
  }
});

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function startProcess(env: Record<string, string>): Promise<{ child: ChildProcess; url: string }> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('server did not start in 30 s')), 30_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('listening')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
  return { child, url: `http://127.0.0.1:${port}` };
}

test('the V2 limit holds across two server processes sharing one PostgreSQL', { skip: onlyOn('postgres', 'two processes share one database only on PostgreSQL') }, async () => {
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await admin.connect();
  await admin.query(`CREATE SCHEMA "${schema}"`);
  await admin.end();
  const url = new URL(process.env.DATABASE_URL!);
  url.searchParams.set('options', `-c search_path=${schema}`);
  const env = {
    DATABASE_URL: url.toString(),
    SHIPDOCK_API_KEY: CREDENTIALS.apiKey,
    SHIPDOCK_V1_API_KEY: CREDENTIALS.v1Key,
    SHIPDOCK_V1_API_SECRET: CREDENTIALS.v1Secret,
    SHIPDOCK_PARTNER_API_KEY: CREDENTIALS.partnerKey,
    SHIPDOCK_RATE_LIMIT_V2: '10',
  };
  const servers = await Promise.all([startProcess(env), startProcess(env)]);
  try {
    // Start right after a minute boundary is crossed would split the budget; wait if we're close.
    const msLeft = 60_000 - (Date.now() % 60_000);
    if (msLeft < 5_000) await new Promise((r) => setTimeout(r, msLeft + 100));
    const statuses: number[] = [];
    for (let i = 0; i < 16; i++) {
      const res = await fetch(`${servers[i % 2].url}/v2/tags`, { headers: { 'API-Key': CREDENTIALS.apiKey } });
      statuses.push(res.status);
      await res.arrayBuffer();
    }
    assert.equal(statuses.filter((s) => s === 200).length, 10, `statuses: ${statuses.join(',')}`);
    assert.equal(statuses.filter((s) => s === 429).length, 6);
  } finally {
    for (const { child } of servers) child.kill('SIGTERM');
    await Promise.all(servers.map(({ child }) => new Promise((r) => (child.exitCode !== null ? r(null) : child.once('exit', r)))));
  }
});
