import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../helpers/server.ts';
import { runDueJobs } from '../../src/jobs/runner.ts';
import { domesticShipment } from '../shipping/fixtures.ts';
import { startSignedReceiver, type SignedReceiver } from '../webhooks-v2/receiver.ts';

const SURFACES = [
  ['v2', '/v2'],
  ['shipengine', '/v1'],
] as const;

describe('tracking API', () => {
  let t: TestApp;
  let receiver: SignedReceiver;
  let ups: string;
  const call = (method: string, url: string, payload?: object) =>
    t.app.inject({ method: method as 'GET', url, payload, headers: { 'api-key': 'TEST_api_key_for_shipdock_tests' } });
  const buyLabel = async () => {
    const res = await t.api('v2', 'POST', '/v2/labels', { shipment: domesticShipment({ carrier_id: ups, service_code: 'ups_ground' }) });
    assert.equal(res.statusCode, 200, res.body);
    return res.json() as { label_id: string; tracking_number: string };
  };
  before(async () => {
    t = await startTestApp();
    receiver = await startSignedReceiver();
    const carriers = (await t.api('v2', 'GET', '/v2/carriers')).json().carriers as { carrier_code: string; carrier_id: string }[];
    ups = carriers.find((c) => c.carrier_code === 'ups')!.carrier_id;
  });
  after(async () => {
    await receiver.close();
    await t.close();
  });

  for (const [surface, prefix] of SURFACES) {
    test(`${surface}: GET /tracking follows the account clock; documented 400 and 404`, async () => {
      const label = await buyLabel();
      const query = `carrier_code=ups&tracking_number=${label.tracking_number}`;
      const now = await t.api(surface, 'GET', `${prefix}/tracking?${query}`);
      assert.equal(now.statusCode, 200, now.body);
      assert.notEqual(now.json().status_code, 'DE');
      assert.equal(now.json().tracking_number, label.tracking_number);
      await call('POST', '/sandbox/clock/advance', { duration: 'P30D' });
      const later = (await t.api(surface, 'GET', `${prefix}/tracking?${query}`)).json();
      assert.equal(later.status_code, 'DE');
      assert.ok(later.events.length > now.json().events.length);
      assert.equal(later.events[0].status_code, 'DE');
      assert.deepEqual(later, (await t.api(surface, 'GET', `${prefix}/labels/${label.label_id}/track`)).json());

      const unknown = await t.api(surface, 'GET', `${prefix}/tracking?carrier_code=ups&tracking_number=1Z999AA10123456784`);
      assert.equal(unknown.statusCode, 404, unknown.body);
      const invalid = await t.api(surface, 'GET', `${prefix}/tracking?carrier_code=ups&tracking_number=1Z123`);
      assert.equal(invalid.statusCode, 400);
      assert.equal(invalid.json().errors[0].field_name, 'tracking_number');
      assert.equal((await t.api(surface, 'GET', `${prefix}/tracking?carrier_code=ups`)).statusCode, 400);
    });
  }

  test('stop silences a parcel; start resumes it from its next event; track webhooks are really delivered', async () => {
    const hook = await call('POST', '/v1/environment/webhooks', { event: 'track', url: receiver.url });
    assert.equal(hook.statusCode, 200, hook.body);
    const label = await buyLabel();
    const query = `carrier_code=ups&tracking_number=${label.tracking_number}`;
    const mine = () => receiver.deliveries.filter((d) => d.body.data?.tracking_number === label.tracking_number);

    // Up to the first scans, whatever day the account's clock reads: no pickups on a weekend.
    let early = 0;
    for (let hours = 0; early === 0 && hours < 96; hours += 6) {
      await call('POST', '/sandbox/clock/advance', { duration: 'PT6H' });
      await runDueJobs(t.ctx);
      early = mine().length;
    }
    assert.ok(early >= 1, 'the first scans arrive as track webhooks');

    assert.equal((await t.api('shipengine', 'POST', `/v1/tracking/stop?${query}`)).statusCode, 204);
    await call('POST', '/sandbox/clock/advance', { duration: 'P1D' });
    await runDueJobs(t.ctx);
    assert.equal(mine().length, early, 'a stopped parcel raises nothing');

    assert.equal((await t.api('shipengine', 'POST', `/v1/tracking/start?${query}`)).statusCode, 204);
    const move = (await call('POST', '/sandbox/clock/advance', { duration: 'P30D' })).json();
    await runDueJobs(t.ctx);
    const all = mine();
    assert.equal(all.length, early + move.tracking_events);
    assert.ok(all.some((d) => d.body.data!.status_code === 'DE'));
    assert.ok(all.every((d) => d.body.resource_type === 'API_TRACK'));
    // Start and stop are idempotent, and numbers Shipdock never sold can be subscribed too.
    assert.equal((await t.api('v2', 'POST', `/v2/tracking/start?${query}`)).statusCode, 204);
    assert.equal((await t.api('v2', 'POST', '/v2/tracking/start?carrier_code=ups&tracking_number=1Z999AA10123456784')).statusCode, 204);
    assert.equal((await t.api('v2', 'POST', '/v2/tracking/stop?carrier_code=ups&tracking_number=1Z999AA10123456784')).statusCode, 204);
    assert.equal((await t.api('v2', 'POST', '/v2/tracking/stop?carrier_code=ups&tracking_number=1Z12')).statusCode, 400);
  });

  test('time passing alone (no clock move) raises the events too: the job runner sweeps tracked parcels', async () => {
    const label = await buyLabel();
    const mine = () => receiver.deliveries.filter((d) => d.body.data?.tracking_number === label.tracking_number);
    await runDueJobs(t.ctx);
    const before = mine().length;
    t.ctx.clock.advance(30 * 24 * 3600_000); // the server's own clock, as if a month went by
    await runDueJobs(t.ctx);
    const after = mine();
    assert.ok(after.length > before + 3, `${after.length} deliveries`);
    assert.ok(after.some((d) => d.body.data!.status_code === 'DE'));
    assert.equal(await runDueJobs(t.ctx), 0, 'nothing is raised twice');
  });
});
