// Runs the README's client examples as printed (only the address is swapped) against a started
// server: the official ShipEngine SDK and fetch under plain Node, curl under bash.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { CREDENTIALS, startTestApp, usingPostgres, type TestApp } from '../helpers/server.ts';
import { README_BASE, readmeSnippets } from './snippets.ts';

const ROOT = new URL('../../', import.meta.url);
const OUT = new URL('test-output/readme/', ROOT);

function run(command: string, args: string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'], timeout: 60_000 });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe(`README client examples run as printed (${usingPostgres() ? 'PostgreSQL' : 'SQLite'})`, () => {
  let t: TestApp;
  let base: string;
  /** Requests the server answered while the current example ran. */
  let seen: { method: string; url: string; status: number }[] = [];
  const snippets = readmeSnippets();

  before(async () => {
    t = await startTestApp({ SHIPDOCK_PUBLIC_URL: 'http://127.0.0.1' });
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    t.app.server.on('request', (request, response) => {
      response.on('finish', () => seen.push({ method: request.method ?? '', url: request.url ?? '', status: response.statusCode }));
    });
    base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    mkdirSync(OUT, { recursive: true });
  });
  after(() => t.close());

  test('the README has the examples this test is about', () => {
    assert.ok(snippets.length >= 4, `${snippets.length} tested examples`);
    const all = snippets.map((s) => s.code).join('\n');
    assert.match(all, /new ShipEngine\(\{[^}]*baseURL: 'http:\/\/127\.0\.0\.1:8080',/, 'the ShipEngine SDK example with baseURL');
    assert.match(all, /-u "\$SHIPDOCK_V1_API_KEY:\$SHIPDOCK_V1_API_SECRET"/, 'a V1 curl example');
    assert.match(all, /\/v2\/rates/, 'a V2 fetch example');
    assert.match(all, /createlabelfororder/, 'a V1 fetch example');
  });

  const env = {
    SHIPDOCK_API_KEY: CREDENTIALS.apiKey,
    SHIPDOCK_V1_API_KEY: CREDENTIALS.v1Key,
    SHIPDOCK_V1_API_SECRET: CREDENTIALS.v1Secret,
    SHIPDOCK_PARTNER_API_KEY: CREDENTIALS.partnerKey,
  };
  // The V2 fetch example says it works on ShipEngine with /v1 in place of /v2: run it both ways.
  const runs = snippets.flatMap((snippet, index) => [
    { snippet, index, label: '', code: snippet.code },
    ...(snippet.lang === 'js' && snippet.code.includes("'/v2/rates'")
      ? [{ snippet, index, label: ' (on ShipEngine: /v1 for /v2)', code: snippet.code.replaceAll('/v2/', '/v1/') }]
      : []),
  ]);
  for (const [n, { snippet, index, label, code: printed }] of runs.entries()) {
    test(`README line ${snippet.line}: the ${snippet.lang} example succeeds against the server${label}`, async () => {
      assert.ok(printed.includes(README_BASE), 'the example names the default address');
      const code = printed.replaceAll(README_BASE, base);
      seen = [];
      let result;
      if (snippet.lang === 'js') {
        const file = new URL(`example-${usingPostgres() ? 'pg' : 'sqlite'}-${index}-${n}.mjs`, OUT);
        writeFileSync(file, code);
        result = await run(process.execPath, [file.pathname], env); // plain Node: no tsx loader
      } else {
        result = await run('bash', ['-euo', 'pipefail', '-c', code], env);
      }
      assert.equal(result.code, 0, `exit ${result.code}\nstdout:\n${result.stdout}\nstderr:\n${result.stderr}`);
      assert.ok(result.stdout.trim().length > 0, 'the example printed its result');
      assert.ok(seen.length > 0, 'the example reached Shipdock (not the real ShipStation or ShipEngine)');
      assert.deepEqual(seen.filter((r) => r.status >= 400), [], 'no call failed');
      if (code.includes("from 'shipengine'")) {
        // The SDK bought and voided a label on Shipdock's ShipEngine surface.
        assert.ok(seen.some((r) => r.method === 'POST' && r.url === '/v1/labels' && r.status === 200), JSON.stringify(seen));
        assert.ok(seen.some((r) => r.method === 'PUT' && /^\/v1\/labels\/se-\d+\/void$/.test(r.url)), JSON.stringify(seen));
        assert.match(result.stdout, /^se-\d+ \S+ \d+(\.\d+)? http:\/\/127\.0\.0\.1\/v1\/downloads\//m);
        assert.match(result.stdout, /^true /m, 'the void was approved');
      }
      if (code.includes('/rates')) {
        const surface = label ? '/v1' : '/v2';
        assert.ok(seen.some((r) => r.method === 'POST' && r.url.startsWith(`${surface}/labels/rates/se-`) && r.status === 200), JSON.stringify(seen));
      }
    });
  }
});
