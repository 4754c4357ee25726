import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cliScratch } from './helpers.ts';

const bin = (env: Record<string, string>, ...args: string[]) =>
  spawnSync(process.execPath, ['bin/shipdock.js', ...args], { env: { ...process.env, ...env }, encoding: 'utf8' });

test('the installed bin: --json output, and a bad account is one line with exit 2', async () => {
  const cli = await cliScratch();
  try {
    const made = bin(cli.env, 'accounts', 'create', '--plan', 'standard', '--json');
    assert.equal(made.status, 0, made.stderr);
    assert.equal(JSON.parse(made.stdout).plan, 'standard');
    const refused = bin(cli.env, 'keys', 'create', '--v1', '--months', '3', '--account', '99');
    assert.equal(refused.status, 2);
    assert.equal(refused.stdout, '');
    assert.equal(refused.stderr, 'shipdock: account 99 does not exist (see: shipdock accounts list)\n');
  } finally {
    await cli.close();
  }
});
