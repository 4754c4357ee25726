import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../src/cli.ts';
import { onlyOn } from '../helpers/skips.ts';

test('shipdock sandbox seed fills an account and refuses bad input with exit 2', { skip: onlyOn('sqlite', 'runs the CLI against an embedded data directory') }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'shipdock-seed-cli-'));
  const env = { SHIPDOCK_DATA_DIR: dir, SHIPDOCK_API_KEY: 'TEST_cli_key' };
  const run = async (...args: string[]) => {
    const lines: string[] = [];
    const code = await runCli(args, env, (l) => lines.push(l));
    return { code, text: lines.join('\n') };
  };
  try {
    const id = /account (\d+) created/.exec((await run('accounts', 'create', '--plan', 'standard')).text)![1];
    const seeded = await run('sandbox', 'seed', '--account', id, '--orders', '1000', '--seed', '9');
    assert.equal(seeded.code, 0, seeded.text);
    assert.match(seeded.text, new RegExp(`^account ${id} seeded \\(seed 9\\): 1000 orders \\(awaiting_payment \\d+, awaiting_shipment \\d+, pending_fulfillment \\d+, shipped \\d+, on_hold \\d+, cancelled \\d+\\), 4 stores, 250 customers, 40 products, 35 test labels$`));
    const counts = [...seeded.text.matchAll(/(awaiting_payment|awaiting_shipment|pending_fulfillment|shipped|on_hold|cancelled) (\d+)/g)].map((m) => Number(m[2]));
    assert.equal(counts.length, 6);
    assert.equal(counts.reduce((a, b) => a + b, 0), 1000);

    assert.equal((await run('sandbox', 'seed', '--account', id, '--orders', '10', '--seed', '9')).code, 2, 'same seed twice');
    for (const args of [['--orders', 'abc'], ['--orders', '0'], ['--orders', '1e3'], [], ['--orders', '5', '--seed', '-1'], ['--orders', '2000000']]) {
      assert.equal((await run('sandbox', 'seed', '--account', id, ...args)).code, 2, args.join(' '));
    }
    assert.equal((await run('sandbox', 'seed', '--account', '999', '--orders', '5')).code, 2, 'unknown account');
    const reset = await run('sandbox', 'reset', '--account', id);
    assert.match(reset.text, /1000 orders, 1000 shipments, 35 labels/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
