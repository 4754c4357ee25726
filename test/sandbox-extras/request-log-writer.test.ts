// The request log writer on both databases: a flush of a few hundred entries goes in as several
// multi-row inserts (compiled once per row count) and every entry reads back whole, in its columns.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../helpers/server.ts';
import { onlyOn } from '../helpers/skips.ts';
import { listRequestLog, REDACTED, RequestLogWriter, type RequestLogEntry } from '../../src/domain/sandbox/request-log.ts';

let t: TestApp;
before(async () => {
  t = await startTestApp({ SHIPDOCK_REQUEST_LOG_MAX: '0' });
});
after(() => t.close());

const entry = (i: number): RequestLogEntry => ({
  accountId: 1,
  at: new Date(Date.UTC(2026, 11, 7, 12, 0, 0, i)).toISOString(),
  surface: i % 2 ? 'v2' : 'v1',
  method: i % 3 ? 'GET' : 'POST',
  path: `/v2/warehouses/se-${i}`,
  status: 200 + (i % 5),
  durationMs: i,
  requestId: `writer-${i}`,
  requestHeaders: { 'api-key': 'secret', 'x-entry': String(i) },
  requestBody: i % 3 ? null : { name: `n${i}`, password: 'p' },
  responseBody: i % 4 ? JSON.stringify({ entry: i }) : null,
});

test('a flush of 250 entries writes each one whole, in its own columns', async () => {
  const writer = new RequestLogWriter(t.ctx.database.db, { maxPerAccount: 1000, maxAgeHours: 24 * 365 * 10 });
  for (let i = 0; i < 250; i++) writer.add(entry(i));
  await writer.flush();
  const rows = await listRequestLog(t.ctx.database.db, 1, { path: '/v2/warehouses/se-', limit: 1000 });
  assert.equal(rows.length, 250);
  for (const row of rows) {
    const i = row.durationMs;
    const e = entry(i);
    assert.deepEqual(
      { at: row.at, surface: row.surface, method: row.method, path: row.path, status: row.status, requestId: row.requestId },
      { at: e.at, surface: e.surface, method: e.method, path: e.path, status: e.status, requestId: e.requestId },
    );
    assert.deepEqual(row.requestHeaders, { 'api-key': REDACTED, 'x-entry': String(i) });
    assert.deepEqual(row.requestBody, i % 3 ? null : { name: `n${i}`, password: REDACTED });
    assert.deepEqual(row.responseBody, i % 4 ? { entry: i } : null);
  }
});

test('an account backlog beyond its limit writes only its newest entries, in order; other accounts keep theirs', async () => {
  const { db } = t.ctx.database;
  const highest = async () => Number((await db.selectFrom('request_log').select((eb) => eb.fn.max('id').as('id')).executeTakeFirstOrThrow()).id ?? 0);
  const before = await highest(); // ids are never handed out twice, so the next insert's come after it
  assert.ok(before > 0);
  await db.deleteFrom('request_log').execute();
  const writer = new RequestLogWriter(db, { maxPerAccount: 40, maxAgeHours: 24 * 365 * 10 });
  for (let i = 0; i < 130; i++) writer.add({ ...entry(i), requestId: `backlog-${i}` });
  for (let i = 0; i < 5; i++) writer.add({ ...entry(1000 + i), accountId: 2, requestId: `other-${i}` });
  await writer.flush();
  const ids = async (accountId: number) => (await db.selectFrom('request_log').select('request_id').where('account_id', '=', accountId).orderBy('id').execute()).map((r) => r.request_id);
  assert.deepEqual(await ids(1), Array.from({ length: 40 }, (_, k) => `backlog-${90 + k}`));
  assert.deepEqual(await ids(2), Array.from({ length: 5 }, (_, k) => `other-${k}`));
  // Only the kept entries were inserted: 45 new ids, not 135.
  assert.equal((await highest()) - before, 45);
});

test('entries added while a flush is queued go with it: one flush, not one per entry', async () => {
  const { db } = t.ctx.database;
  const writer = new RequestLogWriter(db, { maxPerAccount: 5000, maxAgeHours: 24 * 365 * 10 });
  let flushes = 0;
  const flush = writer.flush.bind(writer);
  writer.flush = (accountId?: number) => {
    flushes++;
    return flush(accountId);
  };
  for (let i = 0; i < 300; i++) writer.add({ ...entry(i), requestId: `queued-${i}` });
  // The flush queued at the 100th entry takes all 300; the 200 after it queue nothing more.
  assert.equal(flushes, 1);
  await writer.flush();
  assert.equal((await db.selectFrom('request_log').select('id').where('request_id', 'like', 'queued-%').execute()).length, 300);
});

test(
  'a flush of many statements is written in one go, not one event-loop turn per statement',
  { skip: onlyOn('sqlite', 'PostgreSQL statements wait on the network, a turn each whatever the writer does') },
  async () => {
    const writer = new RequestLogWriter(t.ctx.database.db, { maxPerAccount: 5000, maxAgeHours: 24 * 365 * 10 });
    for (let i = 0; i < 1000; i++) writer.add({ ...entry(i), requestId: `turns-${i}` });
    let turns = 0;
    let counting = true;
    const tick = () => {
      turns++;
      if (counting) setImmediate(tick);
    };
    setImmediate(tick);
    const started = performance.now();
    await writer.flush();
    const elapsed = performance.now() - started;
    counting = false;
    // Ten 100-row statements, written in slices of 10 ms (a turn between slices), not a turn each:
    // under a busy server each turn let ~50 requests in, and the log fell behind.
    assert.ok(turns <= Math.ceil(elapsed / 10) + 1, `${turns} event-loop turns for one flush of ${elapsed.toFixed(1)} ms`);
    assert.equal((await listRequestLog(t.ctx.database.db, 1, { path: '/v2/warehouses/se-', limit: 5000 })).filter((r) => r.requestId.startsWith('turns-')).length, 1000);
  },
);
