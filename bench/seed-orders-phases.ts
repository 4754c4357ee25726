// Phase timings of bench/seed-orders.ts on one engine (a scratch schema `seed_phases` on PostgreSQL,
// a scratch directory on SQLite), wall and CPU (PostgreSQL backends of the database, this process).
// Run: [DATABASE_URL=...] [ORDERS=1000000] [SLOW=ms] [KEEP=1] npm run bench -- seed-orders-phases
// SLOW lists every statement slower than that; KEEP leaves the schema for EXPLAIN and checks.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openDatabase } from '../src/db/index.ts';
import { ensureDefaultAccount } from '../src/domain/accounts/bootstrap.ts';
import { seedOrders } from './seed-orders.ts';

const ORDERS = Number(process.env.ORDERS ?? 1_000_000);
const url = process.env.DATABASE_URL || null;
const schema = 'seed_phases';
async function dropSchema() {
  if (!url) return;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`SET client_min_messages = warning; DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await admin.end();
}
await dropSchema();
// SLOW=ms: every statement slower than that, with its time (PostgreSQL).
const slow = Number(process.env.SLOW ?? 0);
if (slow > 0) {
  const query = pg.Client.prototype.query as (...args: any[]) => any;
  (pg.Client.prototype as any).query = function (this: pg.Client, ...args: any[]) {
    const started = performance.now();
    const result = query.apply(this, args);
    const text = String(typeof args[0] === 'string' ? args[0] : (args[0]?.text ?? '')).replace(/\s+/g, ' ');
    if (result && typeof result.then === 'function') {
      void result.then(() => {
        const ms = performance.now() - started;
        if (ms >= slow) console.log(`  ${ms.toFixed(0).padStart(6)} ms  ${text.slice(0, 140)}`);
      }, () => {});
    }
    return result;
  };
}
/** CPU seconds (user + system) of this database's PostgreSQL backends so far, and of this process. */
function cpu(): { db: number; node: number } {
  let ticks = 0;
  if (url) {
    const name = new URL(url).pathname.slice(1);
    for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
      try {
        if (!readFileSync(`/proc/${pid}/cmdline`, 'latin1').includes(` ${name} `)) continue;
        const fields = readFileSync(`/proc/${pid}/stat`, 'latin1').split(') ')[1].split(' ');
        ticks += Number(fields[11]) + Number(fields[12]);
      } catch {
        // gone meanwhile
      }
    }
  }
  const usage = process.cpuUsage();
  return { db: ticks / 100, node: (usage.user + usage.system) / 1e6 };
}
const dataDir = mkdtempSync(join(tmpdir(), 'shipdock-seed-phases-'));
const t0 = performance.now();
const database = await openDatabase({ databaseUrl: url, dataDir, schema: url ? schema : undefined, poolSize: 2 });
await ensureDefaultAccount(database.db, { v1ApiKey: 'k', v1ApiSecret: 's', apiKey: 'a', partnerApiKey: null }, new Date().toISOString());
const t1 = performance.now();
const phases: [string, number, ReturnType<typeof cpu>][] = [];
const cpu1 = cpu();
const n = await seedOrders(database.db, ORDERS, url !== null, (phase) => phases.push([phase, performance.now(), cpu()]));
const t2 = performance.now();
await database.close();
let last = t1;
let lastCpu = cpu1;
console.log(`migrate ${((t1 - t0) / 1000).toFixed(1)} s`);
for (const [phase, at, used] of phases) {
  console.log(`${phase.padEnd(16)} ${((at - last) / 1000).toFixed(1).padStart(6)} s wall, CPU postgres ${(used.db - lastCpu.db).toFixed(1).padStart(5)} s, node ${(used.node - lastCpu.node).toFixed(1).padStart(5)} s`);
  last = at;
  lastCpu = used;
}
console.log(`seed ${n} orders: ${((t2 - t1) / 1000).toFixed(1)} s`);
rmSync(dataDir, { recursive: true, force: true });
if (!process.env.KEEP) await dropSchema();
