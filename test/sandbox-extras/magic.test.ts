// Failure magic values: each produces its documented response on V2, ShipEngine and (where the
// operation exists) V1.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { CREDENTIALS, startTestApp, type TestApp } from '../helpers/server.ts';
import { orderBody } from '../v1/fixtures.ts';
import { brooklyn, domesticShipment } from '../shipping/fixtures.ts';
import { carrierIds, createShipments, drainJobs, SURFACES } from '../batches/helpers.ts';
import { FAILURE_MAGIC_VALUES } from '../../src/domain/sandbox/magic.ts';
import { TRACKING_MAGIC_VALUES } from '../../src/domain/tracking/magic-values.ts';

type Json = Record<string, any>;
const to = (name: string) => ({ ...brooklyn, name });
const v1ShipFrom = { name: 'Dock Manager', company: 'Shipdock Inc', street1: '500 W 2nd St', city: 'Austin', state: 'TX', postalCode: '78701', country: 'US', phone: '512-555-0100' };
const v1ShipTo = (name: string) => ({ name, street1: '123 Atlantic Ave', city: 'Brooklyn', state: 'NY', postalCode: '11201', country: 'US', phone: '718-555-0199', residential: true });
const v1Label = (name: string, carrierCode = 'ups', serviceCode = 'ups_ground') => ({
  carrierCode, serviceCode, shipDate: '2030-01-15', weight: { value: 2, units: 'pounds' }, shipFrom: v1ShipFrom, shipTo: v1ShipTo(name), testLabel: false,
});

describe('sandbox failure magic values', () => {
  let t: TestApp;
  let carriers: Record<string, string>;
  before(async () => {
    t = await startTestApp();
    carriers = await carrierIds(t);
  });
  after(() => t.close());

  test('no failure trigger collides with a tracking magic name (either way round)', () => {
    for (const f of FAILURE_MAGIC_VALUES) {
      for (const m of TRACKING_MAGIC_VALUES) {
        assert.ok(!f.trigger.includes(m.trigger) && !m.trigger.includes(f.trigger), `${f.trigger} / ${m.trigger}`);
      }
    }
  });

  for (const [surface, prefix] of SURFACES) {
    const source = surface === 'v2' ? 'ShipStation' : 'shipengine';

    test(`${surface}: INVALID ADDRESS fails validation (a1004) and a validated label`, async () => {
      const res = await t.api(surface, 'POST', `${prefix}/addresses/validate`, [{ ...to('Pat INVALID ADDRESS'), address_residential_indicator: 'unknown' }, brooklyn]);
      assert.equal(res.statusCode, 200, res.body);
      const [bad, good] = res.json();
      assert.equal(bad.status, 'error');
      assert.equal(bad.matched_address, null);
      assert.equal(bad.messages[0].code, 'a1004');
      assert.equal(bad.messages[0].detail_code, 'address_not_found');
      assert.equal(good.status, 'verified');
      // Also in an address line.
      const line = (await t.api(surface, 'POST', `${prefix}/addresses/validate`, [{ ...brooklyn, address_line2: 'invalid address' }])).json();
      assert.equal(line[0].status, 'error');
      const label = await t.api(surface, 'POST', `${prefix}/labels`, {
        shipment: domesticShipment({ ship_to: to('INVALID ADDRESS'), carrier_id: carriers.ups, service_code: 'ups_ground' }),
        validate_address: 'validate_only',
      });
      assert.equal(label.statusCode, 400, label.body);
      assert.equal(label.json().errors[0].error_code, 'invalid_address');
    });

    test(`${surface}: CARRIER DOWN <code> — that carrier's rates are an error, the others rate; its label is a 500 carrier error`, async () => {
      const res = await t.api(surface, 'POST', `${prefix}/rates`, { shipment: domesticShipment({ ship_to: to('Sam CARRIER DOWN ups') }), rate_options: { carrier_ids: [carriers.ups, carriers.fedex] } });
      assert.equal(res.statusCode, 200, res.body);
      const body = res.json().rate_response;
      assert.equal(body.status, 'partial');
      assert.ok(body.rates.length > 0 && body.rates.every((r: Json) => r.carrier_code === 'fedex'));
      assert.equal(body.errors.length, 1);
      assert.equal(body.errors[0].error_source, 'carrier');
      assert.equal(body.errors[0].error_type, 'system');
      if (surface === 'shipengine') assert.equal(body.errors[0].carrier_code, 'ups');
      assert.match(body.errors[0].message, /^UPS did not respond in time/);
      const label = await t.api(surface, 'POST', `${prefix}/labels`, { shipment: domesticShipment({ ship_to: to('CARRIER DOWN ups'), carrier_id: carriers.ups, service_code: 'ups_ground' }) });
      assert.equal(label.statusCode, 500, label.body);
      assert.match(label.json().request_id, /^[0-9a-f-]{36}$/);
      assert.deepEqual(
        { ...label.json().errors[0], message: undefined },
        { error_source: 'carrier', error_type: 'system', error_code: 'unspecified', message: undefined },
      );
      // Another carrier still sells labels to that name.
      const fedex = await t.api(surface, 'POST', `${prefix}/labels`, { shipment: domesticShipment({ ship_to: to('CARRIER DOWN ups'), carrier_id: carriers.fedex, service_code: 'fedex_ground' }) });
      assert.equal(fedex.statusCode, 200, fedex.body);
    });

    test(`${surface}: NO RATES <code> — that carrier's services are invalid_rates with the reason`, async () => {
      const res = await t.api(surface, 'POST', `${prefix}/rates`, { shipment: domesticShipment({ ship_to: to('NO RATES fedex') }), rate_options: { carrier_ids: [carriers.ups, carriers.fedex] } });
      const body = res.json().rate_response;
      assert.ok(body.rates.every((r: Json) => r.carrier_code === 'ups') && body.rates.length > 0);
      const invalid = body.invalid_rates.filter((r: Json) => r.carrier_code === 'fedex');
      assert.ok(invalid.length > 0);
      const refused = invalid.filter((r: Json) => /returned no rates/.test(r.error_messages[0]));
      assert.ok(refused.some((r: Json) => r.service_code === 'fedex_ground'));
      assert.ok(refused.every((r: Json) => r.validation_status === 'invalid'));
      const label = await t.api(surface, 'POST', `${prefix}/labels`, { shipment: domesticShipment({ ship_to: to('NO RATES fedex'), carrier_id: carriers.fedex, service_code: 'fedex_ground' }) });
      assert.equal(label.statusCode, 400);
      assert.match(label.json().errors[0].message, /returned no rates/);
    });

    test(`${surface}: METER FAILURE — rating works, the label is a 400 carrier meter_failure, nothing charged`, async () => {
      const rates = (await t.api(surface, 'POST', `${prefix}/rates`, { shipment: domesticShipment({ ship_to: to('METER FAILURE') }), rate_options: { carrier_ids: [carriers.ups] } })).json();
      assert.ok(rates.rate_response.rates.length > 0);
      const label = await t.api(surface, 'POST', `${prefix}/labels`, { shipment: domesticShipment({ ship_to: to('METER FAILURE'), carrier_id: carriers.ups, service_code: 'ups_ground' }) });
      assert.equal(label.statusCode, 400, label.body);
      assert.deepEqual([label.json().errors[0].error_source, label.json().errors[0].error_type, label.json().errors[0].error_code], ['carrier', 'business_rules', 'meter_failure']);
      const shipment = (await t.api(surface, 'GET', `${prefix}/labels?shipment_id=${rates.shipment_id}`)).json();
      assert.equal(shipment.labels.length, 0);
    });

    test(`${surface}: INSUFFICIENT FUNDS — refused whatever the balance`, async () => {
      const label = await t.api(surface, 'POST', `${prefix}/labels`, { shipment: domesticShipment({ ship_to: to('INSUFFICIENT FUNDS'), carrier_id: carriers.ups, service_code: 'ups_ground' }) });
      assert.equal(label.statusCode, 400, label.body);
      assert.deepEqual([label.json().errors[0].error_source, label.json().errors[0].error_code], [source, 'insufficient_funds']);
    });

    test(`${surface}: VOID REFUSED — approved false with the carrier's message; the label stays`, async () => {
      const label = (await t.api(surface, 'POST', `${prefix}/labels`, { shipment: domesticShipment({ ship_to: to('VOID REFUSED'), carrier_id: carriers.ups, service_code: 'ups_ground' }) })).json();
      const voided = await t.api(surface, 'PUT', `${prefix}/labels/${label.label_id}/void`);
      assert.equal(voided.statusCode, 200, voided.body);
      assert.equal(voided.json().approved, false);
      assert.match(voided.json().message, /refused to void/);
      assert.equal((await t.api(surface, 'GET', `${prefix}/labels/${label.label_id}`)).json().status, 'completed');
    });

    test(`${surface}: BATCH FAILURE — that shipment fails inside a batch, the others get labels`, async () => {
      const ups = (name: string) => domesticShipment({ ship_to: to(name), carrier_id: carriers.ups, service_code: 'ups_ground' });
      const ids = await createShipments(t, [ups('Ann'), ups('Bob BATCH FAILURE'), ups('Cy')]);
      const batch = (await t.api(surface, 'POST', `${prefix}/batches`, { shipment_ids: ids })).json();
      assert.equal((await t.api(surface, 'POST', `${prefix}/batches/${batch.batch_id}/process/labels`, { label_format: 'pdf', label_layout: '4x6' })).statusCode, 204);
      await drainJobs(t);
      const done = (await t.api(surface, 'GET', `${prefix}/batches/${batch.batch_id}`)).json();
      assert.deepEqual([done.count, done.completed, done.errors], [3, 2, 1]);
      const errors = (await t.api(surface, 'GET', `${prefix}/batches/${batch.batch_id}/errors`)).json().errors;
      assert.equal(errors.length, 1);
      assert.equal(errors[0].shipment_id, ids[1]);
      assert.match(errors[0].error, /meter/);
      // The same name outside a batch buys fine.
      assert.equal((await t.api(surface, 'POST', `${prefix}/labels`, { shipment: ups('BATCH FAILURE') })).statusCode, 200);
    });
  }

  test('V1: label failures are {Message} with the live status; void refusal is approved false', async () => {
    const down = await t.v1('POST', '/shipments/createlabel', v1Label('CARRIER DOWN ups'));
    assert.equal(down.statusCode, 500, down.body);
    assert.match(down.json().Message, /did not respond in time/);
    const meter = await t.v1('POST', '/shipments/createlabel', v1Label('METER FAILURE'));
    assert.equal(meter.statusCode, 400);
    assert.match(meter.json().Message, /meter/);
    const funds = await t.v1('POST', '/shipments/createlabel', v1Label('insufficient funds'));
    assert.equal(funds.statusCode, 400);
    assert.match(funds.json().Message, /Insufficient funds/);
    const refused = (await t.v1('POST', '/shipments/createlabel', v1Label('VOID REFUSED'))).json();
    const voided = await t.v1('POST', '/shipments/voidlabel', { shipmentId: refused.shipmentId });
    assert.equal(voided.statusCode, 200);
    assert.equal(voided.json().approved, false);
    assert.match(voided.json().message, /refused to void/);
    const order = (await t.v1('POST', '/orders/createorder', orderBody({ orderKey: 'magic-addr', orderNumber: 'MAG-1', shipTo: { ...orderBody().shipTo, name: 'Invalid Address' } }))).json();
    assert.equal(order.shipTo.addressVerified, 'Address validation failed');
  });

  test('GET /sandbox/magic-values lists failure and tracking names; /docs documents them', async () => {
    const list = (await t.app.inject({ method: 'GET', url: '/sandbox/magic-values', headers: { 'api-key': CREDENTIALS.apiKey } })).json().magic_values;
    assert.equal(list.length, FAILURE_MAGIC_VALUES.length + TRACKING_MAGIC_VALUES.length);
    assert.ok(list.some((m: Json) => m.trigger === 'CARRIER DOWN' && m.per_carrier));
    const docs = JSON.stringify((await t.app.inject({ method: 'GET', url: '/docs/openapi/sandbox.json' })).json());
    assert.ok(docs.includes('METER FAILURE') && docs.includes('VOID REFUSED'));
  });
});
