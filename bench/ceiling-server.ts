// A bare Fastify GET by id that does only the work a Shipdock GET by id must do, layer by layer
// (LAYERS, comma-separated): `select`, one prepared SQLite select of a warehouse row; `log`, the
// sandbox request log's share (each call's headers and response body, inserted 100 rows at a time a
// quarter second later, as src/domain/sandbox/request-log.ts does); `pg`, the same select on
// PostgreSQL (DATABASE_URL) as a named statement over a pool of 10, as Shipdock's pool is;
// `work:N`, N microseconds of plain CPU work. No auth, hooks or query builder.
import Fastify from 'fastify';
import Database from 'better-sqlite3';
import pg from 'pg';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const layers = new Set((process.env.LAYERS ?? 'select').split(','));
const workUs = Number([...layers].find((l) => l.startsWith('work:'))?.slice(5) ?? 0);
const db = new Database(join(mkdtempSync(join(tmpdir(), 'shipdock-ceiling-')), 'db.sqlite'));
db.pragma('journal_mode = WAL');
db.pragma('synchronous = NORMAL');
db.exec(`create table warehouses (id integer primary key, account_id integer not null, name text not null, origin_address text not null, created_at text not null);
  create table request_log (id integer primary key autoincrement, account_id integer not null, at text not null, path text not null, status integer not null,
    request_headers text not null, response_body text);`);
const address = { name: 'Dock', phone: '512-555-0100', address_line1: '500 W 2nd St', city_locality: 'Austin', state_province: 'TX', postal_code: '78701', country_code: 'US' };
const warehouse = ['Main', JSON.stringify(address), '2026-01-01T00:00:00.000Z'];
db.prepare('insert into warehouses (account_id, name, origin_address, created_at) values (1, ?, ?, ?)').run(...warehouse);
const byId = db.prepare('select * from warehouses where id = ? and account_id = ?');
const insertRows = new Map<number, Database.Statement>();
const insertOf = (n: number) => {
  let statement = insertRows.get(n);
  if (!statement) {
    const rows = Array.from({ length: n }, () => '(1, ?, ?, 200, ?, ?)').join(', ');
    insertRows.set(n, (statement = db.prepare(`insert into request_log (account_id, at, path, status, request_headers, response_body) values ${rows}`)));
  }
  return statement;
};

let pool: pg.Pool | null = null;
if (layers.has('pg')) {
  pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
  await pool.query('create table warehouses (id serial primary key, account_id integer not null, name text not null, origin_address text not null, created_at text not null)');
  await pool.query('insert into warehouses (account_id, name, origin_address, created_at) values (1, $1, $2, $3)', warehouse);
}

type Row = { id: number; name: string; origin_address: string; created_at: string };
/** The warehouse as stored, for the rows that read no database (`work:N` alone). */
const constantRow: Row = { id: 1, name: warehouse[0], origin_address: warehouse[1], created_at: warehouse[2] };

/** The row from PostgreSQL (a promise), from SQLite, or the constant: only the layers asked for. */
function readRow(id: number): Row | Promise<Row> {
  if (pool) return pool.query<Row>({ name: 'by_id', text: 'select * from warehouses where id = $1 and account_id = $2', values: [id, 1] }).then((r) => r.rows[0]);
  return layers.has('select') ? (byId.get(id, 1) as Row) : constantRow;
}

/** CPU work that the optimizer cannot drop: the clock is read until the time is spent. */
function work(us: number) {
  const end = performance.now() + us / 1000;
  while (performance.now() < end);
}

let pending: unknown[][] = [];
let timer: NodeJS.Timeout | null = null;
function flush() {
  timer = null;
  while (pending.length > 0) {
    const rows = pending.splice(0, 100);
    insertOf(rows.length).run(rows.flat());
  }
}

const app = Fastify();
app.get<{ Params: { id: string } }>('/warehouses/:id', async (request, reply) => {
  if (workUs) work(workUs);
  const found = readRow(Number(request.params.id));
  const row = found instanceof Promise ? await found : found;
  const body = JSON.stringify({ warehouse_id: `se-${row.id}`, name: row.name, created_at: row.created_at, origin_address: JSON.parse(row.origin_address), return_address: JSON.parse(row.origin_address), is_default: true });
  if (layers.has('log')) {
    pending.push([new Date().toISOString(), request.url, JSON.stringify(request.headers), body]);
    timer ??= setTimeout(flush, 250);
  }
  return reply.type('application/json; charset=utf-8').send(body);
});
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
console.log('listening');
process.on('SIGTERM', () => process.exit(0));
