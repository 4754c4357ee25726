// `shipdock sandbox snapshot save|list|restore|delete` against a data directory, as an operator runs it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../src/cli.ts';
import { openDatabase } from '../../src/db/index.ts';
import { createTag } from '../../src/domain/tags/tags.ts';
import { onlyOn } from '../helpers/skips.ts';

test('the CLI saves, lists, restores and deletes snapshots, with one-line errors', { skip: onlyOn('sqlite', 'runs the CLI against an embedded data directory') }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'shipdock-snap-cli-'));
  const env = { SHIPDOCK_DATA_DIR: dir, SHIPDOCK_API_KEY: 'TEST_cli_key' };
  const run = async (...args: string[]) => {
    const lines: string[] = [];
    const errors: string[] = [];
    const original = console.error;
    console.error = (line: string) => errors.push(line);
    try {
      const code = await runCli(args, env, (l) => lines.push(l));
      return { code, text: lines.join('\n'), error: errors.join('\n') };
    } finally {
      console.error = original;
    }
  };
  const tags = async (accountId: number) => {
    const database = await openDatabase({ databaseUrl: null, dataDir: dir });
    try {
      return (await database.db.selectFrom('tags').select('name').where('account_id', '=', accountId).orderBy('name').execute()).map((r) => r.name);
    } finally {
      await database.close();
    }
  };
  const addTag = async (accountId: number, name: string) => {
    const database = await openDatabase({ databaseUrl: null, dataDir: dir });
    try {
      await database.db.transaction().execute((tx) => createTag(tx, accountId, name, new Date().toISOString()));
    } finally {
      await database.close();
    }
  };
  try {
    const first = /account (\d+) created/.exec((await run('accounts', 'create', '--plan', 'standard')).text)![1]!;
    const id = /account (\d+) created/.exec((await run('accounts', 'create', '--plan', 'standard')).text)![1]!;
    await addTag(Number(id), 'kept');
    assert.match((await run('sandbox', 'snapshot', 'list', '--account', id)).text, new RegExp(`account ${id} has no snapshots`));
    const saved = await run('sandbox', 'snapshot', 'save', 'ci-base', '--account', id);
    assert.equal(saved.code, 0, saved.error);
    assert.match(saved.text, new RegExp(`account ${id}: snapshot ci-base saved \\(\\d+ rows, [\\d.]+ KB\\)`));
    assert.match((await run('sandbox', 'snapshot', 'list', '--account', id)).text, /^ci-base\t\d{4}-\d\d-\d\dT[\d:.]+Z\t\d+ rows\t[\d.]+ KB$/);

    await addTag(Number(id), 'added-later');
    assert.deepEqual(await tags(Number(id)), ['added-later', 'kept']);
    const restored = await run('sandbox', 'snapshot', 'restore', 'ci-base', '--account', id);
    assert.equal(restored.code, 0, restored.error);
    assert.match(restored.text, /snapshot ci-base restored \(\d+ rows in \d+ ms\)/);
    assert.deepEqual(await tags(Number(id)), ['kept']);

    // Another account has no snapshot of that name.
    const other = await run('sandbox', 'snapshot', 'restore', 'ci-base', '--account', first);
    assert.equal(other.code, 2);
    assert.equal(other.error, 'shipdock: snapshot ci-base was not found');
    for (const [args, message] of [
      [['sandbox', 'snapshot', 'save', '--account', id], /missing required argument 'name'/],
      [['sandbox', 'snapshot', 'save', 'no spaces', '--account', id], /name must be 1-64 letters/],
      [['sandbox', 'snapshot', 'rename', 'x', '--account', id], /unknown command 'rename'/],
      [['sandbox', 'snapshot', 'list', '--account', '999'], /account 999 does not exist/],
    ] as const) {
      const result = await run(...args);
      assert.equal(result.code, 2, args.join(' '));
      assert.match(result.error, message);
      assert.doesNotMatch(result.error, /\n\s+at /, 'no stack trace');
    }
    const deleted = await run('sandbox', 'snapshot', 'delete', 'ci-base', '--account', id);
    assert.equal(deleted.code, 0);
    assert.match((await run('sandbox', 'snapshot', 'list', '--account', id)).text, /has no snapshots/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
