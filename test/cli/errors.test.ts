import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cliScratch } from './helpers.ts';

test('bad input is one line on stderr and exit 2, never a stack trace', async () => {
  const cli = await cliScratch();
  try {
    assert.equal((await cli.run('accounts', 'create', '--plan', 'standard')).code, 0);
    const cases: [string[], RegExp][] = [
      [['keys', 'create', '--v1', '--months', '3', '--account', '99'], /^shipdock: account 99 does not exist/],
      [['keys', 'create', '--v1', '--months', '7'], /^shipdock: option '--months <months>' argument '7' is invalid\. Allowed choices are 3, 6, 12\.$/],
      [['keys', 'create', '--v1'], /^shipdock: --v1 needs --months 3\|6\|12$/],
      [['keys', 'create', '--months', '3'], /^shipdock: --months applies to --v1 key pairs only$/],
      [['keys', 'create', '--account', 'two'], /^shipdock: option '--account <id>' argument 'two' is invalid/],
      [['keys', 'create', '--account', '0'], /^shipdock: option '--account <id>' argument '0' is invalid/],
      [['keys', 'delete', 'key-999'], /^shipdock: key key-999 was not found$/],
      [['keys', 'delete', 'seven'], /^shipdock: key ids look like v1-3 or key-7, not seven$/],
      [['keys', 'list', '--account', '42'], /^shipdock: account 42 does not exist/],
      [['accounts', 'create', '--plan', 'gold'], /^shipdock: option '--plan <plan>' argument 'gold' is invalid/],
      [['accounts', 'create'], /^shipdock: required option '--plan <plan>' not specified$/],
      [['accounts', 'create', '--plan', 'standard', '--addon', 'pizza'], /argument 'pizza' is invalid/],
      [['acounts', 'list'], /^shipdock: unknown command 'acounts' \(Did you mean accounts\?\)$/],
      [['keys', 'rotate'], /^shipdock: unknown command 'rotate'/],
      [['keys', 'list', '--bogus'], /^shipdock: unknown option '--bogus'$/],
      [['keys', 'list', 'extra'], /^shipdock: too many arguments for 'list'/],
      [['tags', 'create'], /^shipdock: missing required argument 'name'$/],
      [['tags', 'create', 'VIP', '--color', 'red'], /^shipdock: --color must look like #FF0000, not red$/],
      [['rules', 'create', 'R', '--carrier', 'ups', '--service', 'ups_ground'], /^shipdock: --carrier must look like se-3, not ups$/],
      [['rules', 'create', 'R', '--carrier', 'se-1', '--service', 'ups_ground', '--max-weight-oz', 'ten'], /^shipdock: --max-weight-oz must be a number of ounces, not ten$/],
      [['rules', 'delete', 'se-404'], /^shipdock: /],
      [['clock', 'advance', 'three days'], /^shipdock: /],
      [['clock', 'set', '2020-01-01T00:00:00Z'], /^shipdock: /],
      [['clock', 'show', '--account', '999'], /^shipdock: account 999 does not exist/],
      [['sandbox', 'reset', '--account', '999'], /^shipdock: account 999 does not exist/],
      [['webhooks', 'trigger', 'no_such_event'], /^shipdock: /],
    ];
    for (const [args, message] of cases) {
      const result = await cli.run(...args);
      const label = `shipdock ${args.join(' ')}`;
      assert.equal(result.code, 2, `${label}: ${result.err}`);
      assert.equal(result.out, '', label);
      assert.equal(result.err.split('\n').length, 1, `${label} prints one line: ${result.err}`);
      assert.match(result.err, message, label);
      assert.doesNotMatch(result.err, /\n\s+at |Error:/, label);
    }
    // A refused command changed nothing.
    assert.deepEqual(await cli.json('keys', 'list'), []);
  } finally {
    await cli.close();
  }
});

test('an unreachable database is one line and exit 1', async () => {
  const err: string[] = [];
  const code = await (await import('../../src/cli.ts')).runCli(['accounts', 'list'], { DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' }, () => {}, (l) => err.push(l));
  assert.equal(code, 1);
  assert.equal(err.length, 1);
  assert.match(err[0], /^shipdock: unexpected error: .*ECONNREFUSED/);
});
