// A CI job restores a known state before each test: a snapshot of a few thousand rows restores in
// well under a second. The figure is logged (machines differ; the assertion is on the rows).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, usingPostgres, type TestApp } from '../helpers/server.ts';
import { createShipments, carrierIds, upsGround } from '../batches/helpers.ts';
import { restoreSnapshot, saveSnapshot } from '../../src/domain/sandbox/snapshots.ts';
import { fullDump, rowCount, sandbox } from './helpers.ts';

let t: TestApp;
before(async () => {
  t = await startTestApp();
});
after(() => t.close());

const order = (n: number) => ({
  orderNumber: `SNAP-${n}`,
  orderKey: `snap-${n}`,
  orderDate: '2026-11-20T10:00:00',
  orderStatus: n % 3 === 0 ? 'awaiting_payment' : 'awaiting_shipment',
  customerEmail: `buyer${n % 200}@example.com`,
  billTo: { name: `Buyer ${n}` },
  shipTo: { name: `Buyer ${n}`, street1: '123 Atlantic Ave', city: 'Brooklyn', state: 'NY', postalCode: '11201', country: 'US' },
  items: [
    { sku: `SKU-${n % 50}`, name: 'Widget', quantity: 1 + (n % 3), unitPrice: 5 },
    { sku: `SKU-${(n + 7) % 50}`, name: 'Gadget', quantity: 1, unitPrice: 12.5 },
  ],
});

test('a snapshot of a few thousand rows restores in well under a second', async () => {
  for (let start = 0; start < 1000; start += 100) {
    const res = await t.v1('POST', '/orders/createorders', Array.from({ length: 100 }, (_, i) => order(start + i)));
    assert.equal(res.statusCode, 200);
    assert.equal(res.json().hasErrors, false);
  }
  const carriers = await carrierIds(t);
  await createShipments(t, Array.from({ length: 500 }, (_, i) => upsGround(carriers, { external_shipment_id: `snap-${i}` })));
  const saved = await fullDump(t, 1);
  const rows = rowCount(saved as never) - 3;
  assert.ok(rows >= 3500, `${rows} rows`);

  const db = t.ctx.database.db;
  let started = performance.now();
  await db.transaction().execute((tx) => saveSnapshot(tx, 1, 'big', t.ctx.clock.nowIso()));
  const saveMs = performance.now() - started;

  assert.equal((await sandbox(t, 'POST', '/sandbox/reset')).statusCode, 200);
  const times: number[] = [];
  const cpu = process.cpuUsage();
  for (let i = 0; i < 3; i++) {
    started = performance.now();
    const restored = await db.transaction().execute((tx) => restoreSnapshot(tx, 1, 'big', t.ctx.clock.nowIso()));
    times.push(performance.now() - started);
    assert.equal(restored.rowCount, rows);
  }
  const cpuMs = (({ user, system }) => (user + system) / 3000)(process.cpuUsage(cpu));
  // The usual CI pattern: a test changes a little, the next one restores.
  const partial: number[] = [];
  for (let i = 0; i < 3; i++) {
    const res = await t.v1('POST', '/orders/createorder', order(5000 + i));
    assert.equal(res.statusCode, 200, res.body);
    assert.equal((await sandbox(t, 'POST', '/sandbox/clock/advance', { duration: 'P1D' })).statusCode, 200);
    started = performance.now();
    await db.transaction().execute((tx) => restoreSnapshot(tx, 1, 'big', t.ctx.clock.nowIso()));
    partial.push(performance.now() - started);
  }
  assert.deepEqual(await fullDump(t, 1), saved);
  partial.sort((a, b) => a - b);

  assert.equal((await sandbox(t, 'POST', '/sandbox/reset')).statusCode, 200);
  started = performance.now();
  const viaApi = await sandbox(t, 'POST', '/sandbox/snapshots/big/restore');
  const apiMs = performance.now() - started;
  assert.equal(viaApi.statusCode, 200);
  assert.deepEqual(await fullDump(t, 1), saved);
  const orders = await t.v1('GET', '/orders?pageSize=1');
  assert.equal(orders.json().total, 1000);

  times.sort((a, b) => a - b);
  console.log(
    `# snapshot bench (${usingPostgres() ? 'PostgreSQL' : 'SQLite'}): ${rows} rows; save ${Math.round(saveMs)} ms; restore ${times.map((ms) => Math.round(ms)).join(' / ')} ms (median ${Math.round(times[1]!)}; ${Math.round(cpuMs)} ms of this process's CPU each) after a reset, median ${Math.round(partial[1]!)} ms after one new order; through the API after a reset ${Math.round(apiMs)} ms`,
  );
});
