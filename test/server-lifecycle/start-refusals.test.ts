// A configuration error or a taken port stops the start with one line and exit code 2, before
// anything else is printed (no generated credentials, no stack trace).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:net';
import { startServer } from './spawn.ts';

async function refused(env: Record<string, string>) {
  const server = await startServer(env);
  try {
    const code = await server.exited;
    return { code, stdout: server.stdout(), stderr: server.stderr() };
  } finally {
    await server.cleanup();
  }
}

function assertOneLine(result: { code: number | null; stdout: string; stderr: string }, expected: RegExp) {
  assert.equal(result.code, 2);
  assert.equal(result.stdout, '', 'nothing on stdout');
  const lines = result.stderr.split('\n').filter(Boolean);
  assert.equal(lines.length, 1, `one line on stderr, got:\n${result.stderr}`);
  assert.match(lines[0]!, expected);
}

test('a bad LOG_LEVEL: one line naming it, exit 2', async () => {
  assertOneLine(await refused({ LOG_LEVEL: 'verbose' }), /^shipdock: configuration error: LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent, got "verbose"$/);
});

test('a bad PORT: one line naming it, exit 2', async () => {
  assertOneLine(await refused({ PORT: 'eighty' }), /^shipdock: configuration error: PORT must be a whole number, got "eighty"$/);
  assertOneLine(await refused({ PORT: '70000' }), /^shipdock: configuration error: PORT must be between 0 and 65535, got "70000"$/);
});

test('several bad values are named on the one line; secrets are not echoed', async () => {
  const result = await refused({ SHIPDOCK_RATE_LIMIT_V1: '-5', SHIPDOCK_ADMIN_PASSWORD: 'shortpw', SHIPDOCK_SANDBOX: 'maybe' });
  assertOneLine(result, /^shipdock: configuration error: /);
  assert.match(result.stderr, /SHIPDOCK_RATE_LIMIT_V1 must be between 0 and 1000000, got "-5"/);
  assert.match(result.stderr, /SHIPDOCK_SANDBOX must be true or false, got "maybe"/);
  assert.match(result.stderr, /SHIPDOCK_ADMIN_PASSWORD must be at least 8 characters/);
  assert.doesNotMatch(result.stderr, /shortpw/);
});

test('a DATABASE_URL of another kind is refused without printing its password', async () => {
  const result = await refused({ DATABASE_URL: 'mysql://root:hunter22@db/shop' });
  assertOneLine(result, /^shipdock: configuration error: DATABASE_URL must start with postgres:\/\/ or postgresql:\/\//);
  assert.doesNotMatch(result.stderr, /hunter22/);
});

test('a taken port: one line, exit 2, and no credentials printed first', async () => {
  const holder: Server = createServer();
  const port = await new Promise<number>((resolve) => holder.listen(0, '127.0.0.1', () => resolve((holder.address() as { port: number }).port)));
  try {
    const result = await refused({ PORT: String(port) });
    assertOneLine(result, new RegExp(`^shipdock: port already in use: 127\\.0\\.0\\.1:${port} `));
    assert.doesNotMatch(result.stderr, /EADDRINUSE|at .*\(.*:\d+:\d+\)/, 'no error code or stack trace');
  } finally {
    holder.close();
  }
});
