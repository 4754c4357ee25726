import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cliScratch } from '../cli/helpers.ts';

test('the CLI creates accounts, V1 key pairs (max two), API keys, lists and deletes them', async () => {
  const cli = await cliScratch();
  const env = cli.env;
  const run = async (...args: string[]) => {
    const { code, out } = await cli.run(...args);
    return { code, text: out };
  };
  try {
    const account = await run('accounts', 'create', '--plan', 'standard');
    assert.equal(account.code, 0);
    const id = /account (\d+) created/.exec(account.text)![1];
    const pair = await run('keys', 'create', '--v1', '--months', '6', '--account', id);
    assert.match(pair.text, /API key: +[0-9a-f]{32}\n +API secret: +[0-9a-f]{32}/);
    assert.equal((await run('keys', 'create', '--v1', '--months', '12', '--account', id)).code, 0);
    assert.equal((await run('keys', 'create', '--v1', '--months', '12', '--account', id)).code, 2, 'a third pair is refused');
    assert.equal((await run('keys', 'create', '--v1', '--months', '7', '--account', id)).code, 2);
    const apiKey = await run('keys', 'create', '--account', id, '--description', 'ci');
    assert.match(apiKey.text, /API key key-\d+ for account/);
    const listed = await run('keys', 'list', '--account', id);
    assert.equal(listed.text.split('\n').length, 3);
    const v1Id = /^(v1-\d+)/m.exec(listed.text)![1];
    assert.equal((await run('keys', 'delete', v1Id)).code, 0);
    assert.equal((await run('keys', 'delete', v1Id)).code, 2, 'already deleted');
    assert.equal((await run('tags', 'create', 'VIP', '--account', id)).code, 0);
    assert.equal((await run('accounts', 'create', '--plan', 'gold')).code, 2);

    // The installed bin works too.
    const viaBin = execFileSync(process.execPath, ['bin/shipdock.js', 'accounts', 'list'], { env: { ...process.env, ...env } }).toString();
    assert.match(viaBin, new RegExp(`^${id}\\tstandard`, 'm'));
  } finally {
    await cli.close();
  }
});
