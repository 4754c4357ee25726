// The start banner and the request log, as a log collector sees them (stdout is a pipe: JSON lines).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { API_KEY, jsonLines, startServer } from './spawn.ts';

test('banner: where it listens, which database, dashboard and docs URLs, surfaces; one JSON line per request', async () => {
  const server = await startServer({ SHIPDOCK_PARTNER_API_KEY: 'lifecycle-partner-key' });
  try {
    const line = await server.waitForLine(/Shipdock listening on/);
    const banner = JSON.parse(line) as Record<string, unknown>;
    assert.equal(banner.listening, server.url);
    assert.equal(banner.dashboard, `${server.url}/app`);
    assert.equal(banner.docs, `${server.url}/docs`);
    assert.deepEqual(banner.surfaces, ['ShipStation V1 at /', 'ShipStation V2 at /v2', 'ShipEngine at /v1', 'sandbox controls at /sandbox']);
    if (process.env.DATABASE_URL) {
      const url = new URL(process.env.DATABASE_URL);
      assert.match(String(banner.database), new RegExp(`^PostgreSQL database "${url.pathname.slice(1)}" on ${url.hostname}:${url.port || 5432}`));
      if (url.password) assert.ok(!server.stdout().includes(url.password), 'no database password in the output');
    } else {
      assert.match(String(banner.database), /^embedded SQLite at \/.+\/shipdock\.sqlite$/);
    }
    // Nothing but the generated credentials block is plain text; every log line is JSON.
    const before = jsonLines(server.stdout()).length;

    const answers = await Promise.all([
      fetch(`${server.url}/v2/warehouses`, { headers: { 'API-Key': API_KEY } }),
      fetch(`${server.url}/v2/tags?token=abc123secret`, { headers: { 'API-Key': API_KEY } }),
      fetch(`${server.url}/v2/warehouses`), // no key: 401
      fetch(`${server.url}/v2/no-such-route`, { headers: { 'API-Key': API_KEY } }),
    ]);
    assert.deepEqual(answers.map((a) => a.status), [200, 200, 401, 404]);
    await Promise.all(answers.map((a) => a.arrayBuffer()));
    await new Promise((resolve) => setTimeout(resolve, 300));

    const requests = jsonLines(server.stdout()).slice(before);
    assert.equal(requests.length, 4, `one line per request:\n${requests.map((r) => JSON.stringify(r)).join('\n')}`);
    for (const entry of requests) {
      assert.equal(entry.method, 'GET');
      assert.match(String(entry.requestId), /^[0-9a-f-]{36}$/);
      assert.equal(typeof entry.durationMs, 'number');
      assert.match(String(entry.time), /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
      assert.equal(entry.msg, `GET ${entry.url} ${entry.status} ${entry.durationMs} ms`);
    }
    assert.deepEqual(requests.map((r) => `${r.url} ${r.status}`).sort(), [
      '/v2/no-such-route 404',
      '/v2/tags?token=*** 200',
      '/v2/warehouses 200',
      '/v2/warehouses 401',
    ]);
    // Request ids are distinct, and the log never holds a key or a credential-bearing query value.
    assert.equal(new Set(requests.map((r) => r.requestId)).size, 4);
    assert.ok(!server.stdout().includes('abc123secret'));
    assert.ok(!jsonLines(server.stdout()).some((entry) => JSON.stringify(entry).includes(API_KEY)));
  } finally {
    await server.stop();
    await server.cleanup();
  }
});

test('LOG_LEVEL=warn keeps request lines out but still prints the banner and the stop line', async () => {
  const server = await startServer({ LOG_LEVEL: 'warn' });
  try {
    await server.waitForLine(/Shipdock listening on/);
    const answer = await fetch(`${server.url}/v2/warehouses`, { headers: { 'API-Key': API_KEY } });
    assert.equal(answer.status, 200);
    assert.equal(await server.stop(), 0);
    const messages = jsonLines(server.stdout()).map((entry) => String(entry.msg));
    assert.equal(messages.filter((m) => m.startsWith('GET ')).length, 0);
    assert.ok(messages.includes('Shipdock stopped'));
  } finally {
    await server.cleanup();
  }
});
