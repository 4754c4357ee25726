// SIGTERM lets the request in flight finish, then the server logs its stop and exits 0; `npm start`
// leaves no process behind.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { API_KEY, ensureBuilt, freePort, freshDatabase, jsonLines, spawnProcess, startServer } from './spawn.ts';

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** Sends the headers and half the body now; `finish()` sends the rest and resolves with the raw response. */
function slowRequest(port: number, path: string, body: string) {
  const socket = connect(port, '127.0.0.1');
  let response = '';
  socket.on('data', (chunk) => (response += chunk.toString()));
  const ended = new Promise<string>((resolve) => socket.on('close', () => resolve(response)));
  const half = Math.floor(body.length / 2);
  socket.write(
    `POST ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nAPI-Key: ${API_KEY}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body.slice(0, half)}`,
  );
  return {
    finish() {
      socket.write(body.slice(half));
      return ended;
    },
  };
}

test('SIGTERM during a slow request: the request completes, then "Shipdock stopped" and exit 0', async () => {
  const server = await startServer();
  try {
    await server.waitForLine(/Shipdock listening on/);
    const body = JSON.stringify([{ name: 'Ada Lovelace', address_line1: '500 W 2nd St', city_locality: 'Austin', state_province: 'TX', postal_code: '78701', country_code: 'US' }]);
    const request = slowRequest(server.port, '/v1/addresses/validate', body);
    await new Promise((resolve) => setTimeout(resolve, 300));
    server.child.kill('SIGTERM');
    await server.waitForLine(/SIGTERM: stopping/);
    await new Promise((resolve) => setTimeout(resolve, 500));
    assert.equal(alive(server.child.pid!), true, 'still running while a request is in flight');

    const raw = await request.finish();
    assert.match(raw, /^HTTP\/1\.1 200 /);
    assert.match(raw, /"matched_address"/);
    assert.equal(await server.exited, 0);

    const messages = jsonLines(server.stdout()).map((entry) => String(entry.msg));
    const served = messages.findIndex((m) => m.startsWith('POST /v1/addresses/validate 200'));
    const stopped = messages.indexOf('Shipdock stopped');
    assert.ok(served >= 0 && stopped > served, `the request line precedes the stop line:\n${messages.join('\n')}`);
    assert.equal(server.stderr(), '');
  } finally {
    await server.stop();
    await server.cleanup();
  }
});

test('SIGINT stops an idle server the same way', async () => {
  const server = await startServer();
  try {
    await server.waitForLine(/Shipdock listening on/);
    server.child.kill('SIGINT');
    assert.equal(await server.exited, 0);
    assert.ok(jsonLines(server.stdout()).some((entry) => entry.msg === 'Shipdock stopped'));
  } finally {
    await server.cleanup();
  }
});

test('npm start: SIGTERM to npm stops the server and leaves no process behind', async () => {
  await ensureBuilt();
  const port = await freePort();
  const database = await freshDatabase();
  const npm = spawnProcess('npm', ['start', '--silent'], { SHIPDOCK_API_KEY: API_KEY, PORT: String(port), HOST: '127.0.0.1', ...database.env }, port);
  try {
    const banner = JSON.parse(await npm.waitForLine(/Shipdock listening on/)) as { pid: number };
    assert.notEqual(banner.pid, npm.child.pid, 'the server is npm’s child');
    const answer = await fetch(`${npm.url}/v2/warehouses`, { headers: { 'API-Key': API_KEY } });
    assert.equal(answer.status, 200);

    npm.child.kill('SIGTERM');
    await npm.exited;
    for (let i = 0; i < 50 && alive(banner.pid); i++) await new Promise((resolve) => setTimeout(resolve, 100));
    assert.equal(alive(banner.pid), false, 'the server process is gone');
    assert.ok(jsonLines(npm.stdout()).some((entry) => entry.msg === 'Shipdock stopped'), npm.stdout());
    await assert.rejects(fetch(`${npm.url}/v2/warehouses`), 'nothing listens any more');
  } finally {
    await npm.stop();
    await database.cleanup();
  }
});
