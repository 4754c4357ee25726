// A batch being bought does not stop the server: a request over a real socket, sent while the
// job runs, is answered before the job ends (on the embedded database every query resolves
// without I/O, so a job that never yields would hold the event loop until it was done).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, CREDENTIALS, type TestApp } from '../helpers/server.ts';
import { carrierIds, createShipments, drainJobs } from './helpers.ts';

let t: TestApp;
let base: string;
before(async () => {
  t = await startTestApp();
  base = await t.app.listen({ port: 0, host: '127.0.0.1' });
});
after(() => t.close());

test('an API call made while a batch is bought is answered before the batch is done', async () => {
  const carriers = await carrierIds(t);
  // The bench's shipments (bench/batches.ts): Austin to Brooklyn by UPS Ground.
  const address = (name: string, line1: string, city: string, state: string, zip: string) => ({
    name, phone: '512-555-0100', address_line1: line1, city_locality: city, state_province: state, postal_code: zip, country_code: 'US',
  });
  const ids = await createShipments(
    t,
    Array.from({ length: 40 }, (_, i) => ({
      carrier_id: carriers.ups,
      service_code: 'ups_ground',
      ship_from: address('Dock', '500 W 2nd St', 'Austin', 'TX', '78701'),
      ship_to: address(`Buyer ${i}`, '123 Atlantic Ave', 'Brooklyn', 'NY', '11201'),
      packages: [{ weight: { value: 1 + (i % 20), unit: 'pound' } }],
    })),
  );
  const batch = (await t.api('v2', 'POST', '/v2/batches', { shipment_ids: ids })).json();
  assert.equal((await t.api('v2', 'POST', `/v2/batches/${batch.batch_id}/process/labels`, { label_format: 'pdf', label_layout: '4x6' })).statusCode, 204);

  const order: string[] = [];
  const job = drainJobs(t).then(() => order.push('batch done'));
  // A timer is the least a turn of the event loop runs: it fires only if the job lets the loop turn.
  const turned = new Promise<void>((resolve) => setTimeout(() => resolve(void order.push('event loop turned')), 0));
  const answer = await fetch(`${base}/v2/carriers`, { headers: { 'api-key': CREDENTIALS.apiKey } });
  order.push('api answered');
  assert.equal(answer.status, 200);
  await Promise.all([job, turned]);
  assert.deepEqual(order, ['event loop turned', 'api answered', 'batch done']);
  const done = (await t.api('v2', 'GET', `/v2/batches/${batch.batch_id}`)).json();
  assert.equal(done.status, 'completed');
  assert.equal(done.completed, 40);
});
