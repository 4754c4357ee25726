// `npm run bench`: one table of every figure of issue #11, each against the bare-Fastify ceiling
// measured at the start of the same run, on the embedded database and on PostgreSQL.
// `npm run bench -- rates labels` runs only those modules. A module joins the table by exporting
// `figures(run: BenchRun): Promise<BenchRow[]>`; a module without it is a standalone script, run
// only when named.
import { readdirSync, readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { cpus } from 'node:os';
import { pathToFileURL } from 'node:url';
import { LOAD, measure, medianOf, settleWrites, startNode, throwawayPostgres, type BenchRow, type Running, type BenchRun } from './lib.ts';

const SKIP = new Set(['lib.ts', 'run.ts', 'bare-server.ts', 'ceiling-server.ts', 'seed-orders.ts']);
const ORDER = ['foundation', 'labels', 'rates'];
const dir = new URL('.', import.meta.url);
const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const names = readdirSync(dir)
  .filter((f) => f.endsWith('.ts') && !SKIP.has(f))
  .map((f) => f.replace(/\.ts$/, ''))
  .filter((n) => wanted.length === 0 || wanted.includes(n))
  .sort((a, b) => (ORDER.indexOf(a) + 1 || 99) - (ORDER.indexOf(b) + 1 || 99) || a.localeCompare(b));
for (const n of wanted) if (!names.includes(n)) throw new Error(`no bench/${n}.ts`);

const exportsFigures = (name: string) => /export\s+(async\s+)?(function|const|let)\s+figures\b/.test(readFileSync(new URL(`${name}.ts`, dir), 'utf8'));
const tableModules = names.filter(exportsFigures);
const scripts = names.filter((n) => !exportsFigures(n));

const rows: BenchRow[] = [];
const notes: string[] = [];
if (tableModules.length > 0) {
  const started = Date.now();
  // PostgreSQL: DATABASE_URL, else a throwaway cluster, else the PostgreSQL rows say why not.
  let cluster: Awaited<ReturnType<typeof throwawayPostgres>> = null;
  if (!process.env.DATABASE_URL) {
    cluster = await throwawayPostgres();
    if (cluster) process.env.DATABASE_URL = cluster.url;
  }
  let bare: Running | null = null;
  const run: BenchRun = { engines: process.env.DATABASE_URL ? ['sqlite', 'postgres'] : ['sqlite'], bareRps: 0 };
  try {
    bare = await startNode('bench/bare-server.ts', {});
    const ceiling = await medianOf(3, () => measure('bare', { url: `${bare!.url}/bare`, ...LOAD }));
    run.bareRps = ceiling.rps;
    run.bareUrl = bare.url;
    for (const name of tableModules) {
      await settleWrites();
      const mod = (await import(pathToFileURL(new URL(`${name}.ts`, dir).pathname).href)) as { figures(run: BenchRun): Promise<BenchRow[]> };
      const got = await mod.figures(run);
      rows.push(...got);
      if (!run.engines.includes('postgres')) {
        const figures = [...new Set(got.filter((r) => r.engine === 'embedded').map((r) => r.figure))];
        for (const figure of figures) rows.push({ figure, engine: 'postgres', value: 'not run (no PostgreSQL)', target: '', met: false });
      }
    }
  } finally {
    await bare?.stop();
    cluster?.stop();
  }
  // One figure's engines side by side, figures in the order the modules gave them.
  const order = [...new Set(rows.map((r) => r.figure))];
  const engineOrder = ['embedded', 'postgres', 'in process'];
  rows.sort((a, b) => order.indexOf(a.figure) - order.indexOf(b.figure) || engineOrder.indexOf(a.engine) - engineOrder.indexOf(b.engine));
  printTable(run, rows);
  notes.push(`${((Date.now() - started) / 1000).toFixed(0)} s`);
  console.log(`\n${cpus().length} cores, loopback, ${LOAD.connections} connections, median of 3 runs of ${LOAD.duration} s; bare Fastify (1 KB JSON) = ${run.bareRps.toLocaleString('en-US')} req/s at the start; % of bare of the GET figures is against bare runs alternated with theirs (their bare in the value); took ${notes[0]}`);
  if (wanted.length === 0 && scripts.length > 0) console.log(`standalone (run by name): ${scripts.map((s) => `npm run bench -- ${s}`).join(', ')}`);
}

// Named modules without `figures` run as before, printing their own report.
for (const script of wanted.length > 0 ? scripts : []) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', `bench/${script}.ts`], { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

function printTable(run: BenchRun, table: BenchRow[]) {
  const head = ['figure', 'engine', 'value', '% of bare', 'target', 'met'];
  const cells = table.map((r) => [r.figure, r.engine, r.value, r.ofBare ?? '', r.target, r.value.startsWith('not run') ? '' : r.met ? 'yes' : 'no']);
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (c: string[]) => `| ${c.map((x, i) => x.padEnd(widths[i])).join(' | ')} |`;
  console.log(`\n${line(head)}\n|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const c of cells) console.log(line(c));
  void run;
}
