// Idempotency-Key on label purchase and batch processing: concurrent identical requests buy
// once; a different request with the same key is refused.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../helpers/server.ts';
import { domesticShipment } from '../shipping/fixtures.ts';
import { carrierIds, createShipments, drainJobs, SURFACES } from '../batches/helpers.ts';
import { addFunds, balanceOf, register } from '../funds/helpers.ts';

type Json = Record<string, any>;
const amountOf = (b: any): number => (typeof b === 'number' ? b : b.amount);
const v1ShipFrom = { name: 'Dock Manager', street1: '500 W 2nd St', city: 'Austin', state: 'TX', postalCode: '78701', country: 'US', phone: '512-555-0100' };
const v1ShipTo = { name: 'Jane Buyer', street1: '123 Atlantic Ave', city: 'Brooklyn', state: 'NY', postalCode: '11201', country: 'US', phone: '718-555-0199', residential: true };

describe('Idempotency-Key', () => {
  let t: TestApp;
  let carriers: Record<string, string>;
  let funded: string;
  const debits = async () =>
    (await t.ctx.database.db.selectFrom('carrier_ledger').select('amount_cents').where('kind', '=', 'label').execute()).length;
  const labelCount = async () => (await t.ctx.database.db.selectFrom('labels').select('id').execute()).length;
  before(async () => {
    t = await startTestApp();
    carriers = await carrierIds(t);
    funded = await register(t, 'stamps_com');
    await addFunds(t, funded, 500);
  });
  after(() => t.close());

  for (const [surface, prefix] of SURFACES) {
    test(`${surface}: 10 concurrent identical label purchases charge once and answer the same label`, async () => {
      const body = { shipment: domesticShipment({ carrier_id: funded, service_code: 'usps_priority_mail', external_shipment_id: `idem-${surface}` }) };
      const [labelsBefore, debitsBefore, balanceBefore] = [await labelCount(), await debits(), await balanceOf(t, funded)];
      const headers = { 'Idempotency-Key': `buy-${surface}-1` };
      const answers = await Promise.all(Array.from({ length: 10 }, () => t.api(surface, 'POST', `${prefix}/labels`, body, headers)));
      for (const a of answers) assert.equal(a.statusCode, 200, a.body);
      const ids = new Set(answers.map((a) => a.json().label_id));
      assert.equal(ids.size, 1, 'one label');
      assert.equal(answers.filter((a) => a.headers['idempotent-replayed'] === 'true').length, 9);
      assert.equal((await labelCount()) - labelsBefore, 1);
      assert.equal((await debits()) - debitsBefore, 1, 'charged once');
      const cost = answers[0].json().shipment_cost.amount;
      assert.ok(cost > 0);
      assert.equal(Math.round((amountOf(await balanceOf(t, funded)) - amountOf(balanceBefore)) * 100), -Math.round(cost * 100));
      const again = await t.api(surface, 'POST', `${prefix}/labels`, body, headers);
      assert.equal(again.json().label_id, [...ids][0]);
      assert.equal(again.json().tracking_number, answers[0].json().tracking_number);
      const other = await t.api(surface, 'POST', `${prefix}/labels`, { shipment: { ...body.shipment, external_shipment_id: 'changed' } }, headers);
      assert.equal(other.statusCode, 400);
      assert.deepEqual([other.json().errors[0].error_code, other.json().errors[0].field_name], ['identifier_conflict', 'Idempotency-Key']);
      // Without a key every call buys.
      const plain = { shipment: { ...body.shipment, external_shipment_id: `plain-${surface}` } };
      await t.api(surface, 'POST', `${prefix}/labels`, plain);
      assert.equal((await labelCount()) - labelsBefore, 2);
      assert.equal((await t.api(surface, 'POST', `${prefix}/labels`, body, { 'Idempotency-Key': '' })).statusCode, 400);
    });

    test(`${surface}: a failed purchase is not stored; batch processing with a key answers 204 again`, async () => {
      const headers = { 'Idempotency-Key': `fail-${surface}` };
      const failing = { shipment: domesticShipment({ carrier_id: carriers.ups, service_code: 'ups_ground', ship_to: { ...domesticShipment().ship_to, name: 'METER FAILURE' } }) };
      assert.equal((await t.api(surface, 'POST', `${prefix}/labels`, failing, headers)).statusCode, 400);
      assert.equal((await t.api(surface, 'POST', `${prefix}/labels`, failing, headers)).json().errors[0].error_code, 'meter_failure', 'ran again');
      const ids = await createShipments(t, [domesticShipment({ carrier_id: carriers.ups, service_code: 'ups_ground' })]);
      const batch = (await t.api(surface, 'POST', `${prefix}/batches`, { shipment_ids: ids })).json() as Json;
      const process = () => t.api(surface, 'POST', `${prefix}/batches/${batch.batch_id}/process/labels`, { label_format: 'pdf', label_layout: '4x6' }, { 'Idempotency-Key': `batch-${surface}` });
      const answers = await Promise.all([process(), process(), process()]);
      assert.deepEqual(answers.map((a) => a.statusCode), [204, 204, 204]);
      await drainJobs(t);
      const done = (await t.api(surface, 'GET', `${prefix}/batches/${batch.batch_id}`)).json();
      assert.deepEqual([done.status, done.completed], ['completed', 1]);
      assert.equal((await process()).statusCode, 204, 'still the stored answer after completion');
    });
  }

  test('V1 createlabel: same key, one label', async () => {
    const body = { carrierCode: 'ups', serviceCode: 'ups_ground', shipDate: '2030-01-15', weight: { value: 2, units: 'pounds' }, shipFrom: v1ShipFrom, shipTo: v1ShipTo };
    const before = await labelCount();
    const answers = await Promise.all(Array.from({ length: 10 }, () => t.v1('POST', '/shipments/createlabel', body, { 'Idempotency-Key': 'v1-buy' })));
    for (const a of answers) assert.equal(a.statusCode, 200, a.body);
    assert.equal(new Set(answers.map((a) => a.json().shipmentId)).size, 1);
    assert.equal((await labelCount()) - before, 1);
    const changed = await t.v1('POST', '/shipments/createlabel', { ...body, shipDate: '2030-01-16' }, { 'Idempotency-Key': 'v1-buy' });
    assert.equal(changed.statusCode, 400);
    assert.ok(changed.json().ModelState['request.Idempotency-Key']);
  });
});
