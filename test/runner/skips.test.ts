// scripts/run-tests.mjs on a scratch suite: skips are sorted (by design / missing tool / unlabelled),
// the install command is printed once, the counts stay last, and SHIPDOCK_REQUIRE_TOOLS turns
// tool skips into failures.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const skips = resolve('test/helpers/skips.ts');
const runner = resolve('scripts/run-tests.mjs');

function scratchSuite(files: Record<string, string>): string {
  mkdirSync('test-output', { recursive: true });
  const root = mkdtempSync(join(resolve('test-output'), 'runner-'));
  mkdirSync(join(root, 'test'));
  for (const [name, body] of Object.entries(files)) writeFileSync(join(root, 'test', name), body);
  return root;
}

function runSuite(root: string, extra: Record<string, string> = {}) {
  const env: NodeJS.ProcessEnv = { ...process.env, ...extra };
  // Never the caller's database: the runner drops every t_* schema in it.
  delete env.DATABASE_URL;
  delete env.NODE_TEST_CONTEXT; // else the inner run reports to this test runner instead of its stdout
  if (!('CI' in extra)) delete env.CI;
  if (!('SHIPDOCK_REQUIRE_TOOLS' in extra)) delete env.SHIPDOCK_REQUIRE_TOOLS;
  const result = spawnSync(process.execPath, [runner], { cwd: root, env, encoding: 'utf8' });
  return { status: result.status, out: result.stdout, lines: result.stdout.trimEnd().split('\n') };
}

const suite = {
  'tools.test.ts': `
import { test } from 'node:test';
import { onlyOn, requireTool } from '${skips}';
test('needs tool a', (t) => { if (!requireTool(t, 'shipdock-no-such-tool-a', 'fake-pkg-a')) return; });
test('needs tool b twice', (t) => { if (!requireTool(t, 'shipdock-no-such-tool-b', 'fake-pkg-b')) return; });
test('needs tool b again', (t) => { if (!requireTool(t, 'shipdock-no-such-tool-b', 'fake-pkg-b')) return; });
test('has sh', (t) => { if (!requireTool(t, 'sh', 'dash')) throw new Error('sh is everywhere'); });
test('postgres only', { skip: onlyOn('postgres', 'it needs two processes') }, () => {});
`,
};

test('locally: skips are named by class, the install command printed once, the counts last', () => {
  const root = scratchSuite(suite);
  try {
    const run = runSuite(root);
    assert.equal(run.status, 0, run.out);
    assert.match(run.out, /\nSkipped by design \(1\):\n {2}- test\/tools\.test\.ts: postgres only: PostgreSQL only \(set DATABASE_URL\): it needs two processes\n/);
    assert.match(run.out, /\nSkipped for a missing tool \(3\):\n {2}- test\/tools\.test\.ts: needs tool a: shipdock-no-such-tool-a \[fake-pkg-a\]\n/);
    assert.equal(run.out.split('sudo apt-get install').length, 2, 'the install command appears once');
    assert.match(run.out, /\n {2}sudo apt-get install fake-pkg-a fake-pkg-b\n/);
    assert.doesNotMatch(run.out, /without a reason class/);
    const last = run.lines.slice(-8).map((l) => l.replace(/^[#ℹ] /, '').split(' ')[0]);
    assert.deepEqual(last, ['tests', 'suites', 'pass', 'fail', 'cancelled', 'skipped', 'todo', 'duration_ms']);
    assert.ok(run.lines.includes('# skipped 4'), run.out);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('SHIPDOCK_REQUIRE_TOOLS=1: a missing tool fails the test and the run; by-design skips stay skips', () => {
  const root = scratchSuite(suite);
  try {
    const run = runSuite(root, { SHIPDOCK_REQUIRE_TOOLS: '1' });
    assert.equal(run.status, 1, run.out);
    assert.ok(run.lines.includes('# fail 3'), run.out);
    assert.ok(run.lines.includes('# skipped 1'), run.out);
    assert.match(run.out, /missing tool: shipdock-no-such-tool-a \[fake-pkg-a\]: SHIPDOCK_REQUIRE_TOOLS\/CI is set/);
    assert.match(run.lines.at(-1)!, /^# duration_ms /);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('an unlabelled skip is listed as such, and fails the run when tools are required', () => {
  const root = scratchSuite({ 'bare.test.ts': `import { test } from 'node:test';\ntest('bare', { skip: 'because' }, () => {});\n` });
  try {
    const local = runSuite(root);
    assert.equal(local.status, 0, local.out);
    assert.match(local.out, /Skipped without a reason class \(use onlyOn or requireTool from test\/helpers\/skips\.ts\) \(1\):\n {2}- test\/bare\.test\.ts: bare: because\n/);
    const ci = runSuite(root, { CI: 'true' });
    assert.equal(ci.status, 1, ci.out);
    assert.match(ci.out, /1 test\(s\) skipped for a reason other than design, so the run fails/);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
