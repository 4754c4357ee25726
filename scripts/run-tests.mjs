#!/usr/bin/env node
// Runs every test/**/*.test.ts with Node's test runner (Node 20 has no --test globbing), then
// sorts the skipped tests: by design (the other database engine) or a missing system tool. Under
// SHIPDOCK_REQUIRE_TOOLS=1 (set by .ci/run) or CI, any skip that is not by design fails the run;
// locally the install command for the missing tools is printed once. The counts stay the last lines.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { tmpdir } from 'node:os';
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { availableParallelism } from 'node:os';

function collect(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return collect(path);
    return name.endsWith('.test.ts') ? [path] : [];
  });
}

/**
 * On PostgreSQL every test app migrates its own schema. Schemas are dropped here, before the run,
 * never during it: Kysely's migrator introspects every schema, and a DROP in another session
 * mid-introspection fails that migration.
 */
async function dropTestSchemas() {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  const { rows } = await client.query("SELECT nspname FROM pg_namespace WHERE nspname LIKE 't\\_%'");
  for (const { nspname } of rows) await client.query(`DROP SCHEMA "${nspname}" CASCADE`);
  await client.end();
}

if (process.env.DATABASE_URL) await dropTestSchemas();

const filter = process.argv.slice(2);
const files = collect('test').filter((f) => filter.length === 0 || filter.some((p) => f.includes(p))).sort();
const toolsRequired = Boolean(process.env.SHIPDOCK_REQUIRE_TOOLS || process.env.CI);
const scratch = mkdtempSync(join(tmpdir(), 'shipdock-tests-'));
const skipsFile = join(scratch, 'skips.jsonl');
const tty = Boolean(process.stdout.isTTY);

const child = spawn(
  process.execPath,
  [
    '--import', 'tsx', '--test', `--test-concurrency=${Math.max(2, availableParallelism())}`,
    // What Node would pick itself for this terminal, plus the skip collector.
    `--test-reporter=${tty ? 'spec' : 'tap'}`, '--test-reporter-destination=stdout',
    `--test-reporter=${new URL('./skip-reporter.mjs', import.meta.url).href}`, `--test-reporter-destination=${skipsFile}`,
    ...files,
  ],
  { stdio: ['inherit', 'pipe', 'inherit'], env: tty && !process.env.NO_COLOR ? { FORCE_COLOR: '1', ...process.env } : process.env },
);

// The final counts ("ℹ tests 12" in spec, "# tests 12" in TAP) are held back to be printed last.
const plain = (line) => line.replace(/\x1b\[[0-9;]*m/g, '');
const isCount = (line) => /^(?:ℹ|#) (?:tests|suites|pass|fail|cancelled|skipped|todo|duration_ms) [\d.]+$/.test(plain(line));
const counts = [];
for await (const line of createInterface({ input: child.stdout, crlfDelay: Infinity })) {
  if (isCount(line)) counts.push(line);
  else process.stdout.write(`${line}\n`);
}
const status = await new Promise((resolve) => (child.exitCode !== null ? resolve(child.exitCode) : child.once('close', (code) => resolve(code))));

let skips = [];
try {
  skips = readFileSync(skipsFile, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line));
} catch {
  // no skip file: the run ended before reporting
}
rmSync(scratch, { recursive: true, force: true });

const where = (s) => `${s.file ? `${relative(process.cwd(), s.file.replace(/^file:\/\//, ''))}: ` : ''}${s.name}`;
const byDesign = skips.filter((s) => s.reason.startsWith('by design:'));
const tools = skips.filter((s) => s.reason.startsWith('missing tool:'));
const other = skips.filter((s) => !byDesign.includes(s) && !tools.includes(s));
const section = (title, list, why) => {
  if (!list.length) return;
  console.log(`\n${title} (${list.length}):`);
  for (const s of list) console.log(`  - ${where(s)}: ${why(s)}`);
};
section('Skipped by design', byDesign, (s) => s.reason.replace(/^by design: /, ''));
section('Skipped for a missing tool', tools, (s) => s.reason.replace(/^missing tool: /, ''));
section('Skipped without a reason class (use onlyOn or requireTool from test/helpers/skips.ts)', other, (s) => s.reason || 'no reason');
const packages = [...new Set(tools.map((s) => /\[([^\]]+)\]$/.exec(s.reason)?.[1]).filter(Boolean))].sort();
if (packages.length) console.log(`\nInstall the missing tools, then run the tests again:\n  sudo apt-get install ${packages.join(' ')}`);
let failed = false;
if (toolsRequired && tools.length + other.length > 0) {
  console.log(`\nSHIPDOCK_REQUIRE_TOOLS/CI is set: ${tools.length + other.length} test(s) skipped for a reason other than design, so the run fails.`);
  failed = true;
}
if (counts.length) console.log('');
for (const line of counts) console.log(line);
process.exit(failed && status === 0 ? 1 : (status ?? 1));
