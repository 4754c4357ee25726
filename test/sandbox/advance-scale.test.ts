import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp } from '../helpers/server.ts';
import { domesticShipment } from '../shipping/fixtures.ts';

test('1,000 tracked parcels advanced 30 days: every event raised once, in seconds', async () => {
  const t = await startTestApp();
  try {
    const call = (method: string, url: string, payload?: object) =>
      t.app.inject({ method: method as 'GET', url, payload, headers: { 'api-key': 'TEST_api_key_for_shipdock_tests' } });
    const carriers = (await call('GET', '/v2/carriers')).json().carriers as { carrier_code: string; carrier_id: string }[];
    const services: [string, string][] = [
      ['ups', 'ups_ground'],
      ['fedex', 'fedex_ground'],
      ['stamps_com', 'usps_priority_mail'],
    ];
    // Three real purchases, then 997 copies of them (buying 1,000 labels is not what is measured).
    const { db } = t.ctx.database;
    const bought = [];
    for (const [code, service] of services) {
      const res = await call('POST', '/v2/labels', { shipment: domesticShipment({ carrier_id: carriers.find((c) => c.carrier_code === code)!.carrier_id, service_code: service }) });
      assert.equal(res.statusCode, 200, res.body);
      bought.push(Number(res.json().label_id.slice(3)));
    }
    const rows = await db.selectFrom('labels').selectAll().where('id', 'in', bought).execute();
    const parcels = await db.selectFrom('tracked_parcels').selectAll().where('label_id', 'in', bought).orderBy('label_id').execute();
    assert.equal(parcels.length, 3, 'labels are tracked from purchase');
    await db.transaction().execute(async (tx) => {
      for (let i = 0; i < 997; i += 100) {
        const copies = Array.from({ length: Math.min(100, 997 - i) }, (_, k) => {
          const { id: _id, ...row } = rows[(i + k) % rows.length];
          return { ...row, download_token: `${row.download_token}-${i + k}` };
        });
        const ids = await tx.insertInto('labels').values(copies).returning('id').execute();
        await tx
          .insertInto('tracked_parcels')
          .values(ids.map(({ id }, k) => ({ ...parcels[(i + k) % parcels.length], id: undefined, label_id: id })))
          .execute();
      }
    });
    assert.equal(Number((await db.selectFrom('tracked_parcels').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n), 1000);
    await call('POST', '/v1/environment/webhooks', { event: 'track', url: 'http://127.0.0.1:9/never-called' });

    const started = Date.now();
    const move = await call('POST', '/sandbox/clock/advance', { duration: 'P30D' });
    const elapsed = Date.now() - started;
    assert.equal(move.statusCode, 200, move.body);
    const events = move.json().tracking_events;
    assert.ok(events >= 1000 * 4, `events passed: ${events}`);
    assert.ok(elapsed < 20_000, `took ${elapsed} ms`);
    const queued = await db.selectFrom('jobs').select((eb) => eb.fn.countAll().as('n')).where('kind', '=', 'webhook_delivery').executeTakeFirstOrThrow();
    assert.equal(Number(queued.n), events, 'one track delivery per event');
    const open = await db.selectFrom('tracked_parcels').select('id').where('next_event_at', 'is not', null).execute();
    assert.equal(open.length, 0, 'every parcel reached its last event');
    assert.equal((await call('POST', '/sandbox/clock/advance', { duration: 'P1D' })).json().tracking_events, 0);
    process.stderr.write(`1,000 parcels, ${events} events, 30 days: ${elapsed} ms\n`);
  } finally {
    await t.close();
  }
});
