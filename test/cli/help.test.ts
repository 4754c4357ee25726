import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { runCli } from '../../src/cli.ts';

// An unreachable database: help and version must not open one.
const env = { DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' };

async function run(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, env, (l) => out.push(l), (l) => err.push(l));
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** The names listed under "Commands:" in a help text, without the implicit `help`. */
function commandsIn(help: string): string[] {
  const section = help.split(/^Commands:\n/m)[1] ?? '';
  return [...section.matchAll(/^ {2}([a-z][a-z0-9-]*)/gm)].map((m) => m[1]).filter((name) => name !== 'help');
}

test('--help on the command, every group and every subcommand exits 0 with its usage', async () => {
  const top = await run('--help');
  assert.equal(top.code, 0);
  assert.equal(top.err, '');
  const groups = commandsIn(top.out);
  assert.deepEqual(groups, ['accounts', 'keys', 'tags', 'rules', 'clock', 'sandbox', 'webhooks', 'webhook-keys']);
  let subcommands = 0;
  // A subcommand is either a command (with --json) or a nested group such as `sandbox snapshot`.
  const visit = async (path: string[]) => {
    for (const sub of commandsIn((await run(...path, '--help')).out)) {
      const forms = [[...path, sub, '--help'], [...path, sub, '-h'], [...path, 'help', sub]];
      const helps = [];
      for (const form of forms) {
        const sub_ = await run(...form);
        assert.equal(sub_.code, 0, form.join(' '));
        assert.match(sub_.out, new RegExp(`^Usage: shipdock ${[...path, sub].join(' ')} `), form.join(' '));
        helps.push(sub_.out);
      }
      if (commandsIn(helps[0]).length > 0) {
        await visit([...path, sub]);
        continue;
      }
      for (const help of helps) assert.match(help, /--json +print the result as JSON/, `${[...path, sub].join(' ')} has --json`);
      subcommands++;
    }
  };
  for (const group of groups) {
    const help = await run(group, '--help');
    assert.equal(help.code, 0, group);
    assert.match(help.out, new RegExp(`^Usage: shipdock ${group} `));
    assert.ok(commandsIn(help.out).length > 0, `${group} lists its subcommands`);
    await visit([group]);
  }
  assert.ok(subcommands >= 15, `every subcommand was visited (${subcommands})`);
  assert.equal((await run('help')).code, 0, '`shipdock help` is help, not an error');
});

test('--version prints the package version', async () => {
  const { version } = JSON.parse(readFileSync('package.json', 'utf8'));
  for (const flag of ['--version', '-V']) assert.deepEqual(await run(flag), { code: 0, out: version, err: '' });
});

test('a group without its subcommand shows the group help on stderr and exits 2', async () => {
  const bare = await run('keys');
  assert.equal(bare.code, 2);
  assert.equal(bare.out, '');
  assert.match(bare.err, /^Usage: shipdock keys \[options\] \[command\]/);
  assert.equal((await run()).code, 2);
});
