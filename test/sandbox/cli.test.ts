import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cliScratch } from '../cli/helpers.ts';

test('the CLI moves an account clock, resets its data and rotates the webhook key', async () => {
  const cli = await cliScratch();
  const run = async (...args: string[]) => {
    const { code, out, err } = await cli.run(...args);
    return { code, text: out || err };
  };
  try {
    const first = /account (\d+) created/.exec((await run('accounts', 'create', '--plan', 'standard')).text)![1];
    const id = /account (\d+) created/.exec((await run('accounts', 'create', '--plan', 'standard')).text)![1];
    const advanced = await run('clock', 'advance', 'P3D', '--account', id);
    assert.equal(advanced.code, 0, advanced.text);
    assert.match(advanced.text, new RegExp(`account ${id} clock: .*; 0 tracking event\\(s\\) raised`));
    const shown = await run('clock', 'show', '--account', id);
    assert.match(shown.text, /\((25[0-9]{7}) ms ahead\)/);
    assert.equal((await run('clock', 'set', '2020-01-01T00:00:00Z', '--account', id)).code, 2, 'never backwards');
    assert.equal((await run('clock', 'advance', 'three days', '--account', id)).code, 2);
    assert.equal((await run('clock', 'show', '--account', '999')).code, 2);
    const other = await run('clock', 'show', '--account', first);
    assert.match(other.text, /\(0 ms ahead\)/, "another account's clock did not move");
    const reset = await run('sandbox', 'reset', '--account', id);
    assert.equal(reset.code, 0, reset.text);
    assert.match(reset.text, /0 orders, 0 shipments, 0 labels, 0 webhooks deleted; carriers and balances restored/);
    const rotated = await run('webhook-keys', 'rotate');
    assert.match(rotated.text, /signed with key shipdock-\d{4}-\d{2}-\d{2}-[0-9a-f]{8}/);
  } finally {
    await cli.close();
  }
});
