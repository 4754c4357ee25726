import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../helpers/server.ts';
import { domesticShipment } from '../shipping/fixtures.ts';
import { isValidTrackingNumber } from '../../src/domain/tracking/index.ts';

const shipFrom = { name: 'Dock Manager', company: 'Shipdock Inc', street1: '500 W 2nd St', city: 'Austin', state: 'TX', postalCode: '78701', country: 'US', phone: '512-555-0100' };
const shipTo = { name: 'Jane Buyer', street1: '123 Atlantic Ave', city: 'Brooklyn', state: 'NY', postalCode: '11201', country: 'US', phone: '718-555-0199', residential: true };

describe('V1 labels', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
  });
  after(() => t.close());

  test('createlabel returns labelData (a real PDF) and a valid tracking number; voidlabel approves once', async () => {
    const res = await t.v1('POST', '/shipments/createlabel', {
      carrierCode: 'stamps_com', serviceCode: 'usps_priority_mail', packageCode: 'package', confirmation: 'delivery',
      shipDate: '2026-11-23', weight: { value: 24, units: 'ounces' }, dimensions: { length: 10, width: 8, height: 4, units: 'inches' },
      shipFrom, shipTo, testLabel: false,
    });
    assert.equal(res.statusCode, 200, res.body);
    const body = res.json();
    assert.equal(typeof body.shipmentId, 'number');
    assert.ok(body.shipmentCost > 0);
    assert.ok(isValidTrackingNumber('stamps_com', body.trackingNumber));
    assert.equal(Buffer.from(body.labelData, 'base64').subarray(0, 5).toString(), '%PDF-');
    assert.equal(body.formData, null);
    assert.equal(body.shipTo.street1, '123 Atlantic Ave');

    // The same label is a V2 label with the same number.
    const v2 = await t.api('v2', 'GET', `/v2/labels/se-${body.shipmentId}`);
    assert.equal(v2.json().tracking_number, body.trackingNumber);

    const voided = await t.v1('POST', '/shipments/voidlabel', { shipmentId: body.shipmentId });
    assert.deepEqual(voided.json().approved, true);
    const again = await t.v1('POST', '/shipments/voidlabel', { shipmentId: body.shipmentId });
    assert.deepEqual(again.json().approved, false);
  });

  test('createlabel input errors are V1 ModelState 400s', async () => {
    const missing = await t.v1('POST', '/shipments/createlabel', { carrierCode: 'ups' });
    assert.equal(missing.statusCode, 400);
    assert.equal(missing.json().Message, 'The request is invalid.');
    const unknownCarrier = await t.v1('POST', '/shipments/createlabel', { carrierCode: 'pony', serviceCode: 'x', shipDate: '2026-11-23', weight: { value: 1, units: 'pounds' }, shipFrom, shipTo });
    assert.equal(unknownCarrier.statusCode, 400);
    assert.ok(unknownCarrier.json().ModelState['request.carrierCode']);
  });

  test('GET /shipments lists V1 and V2 labels with filters and paging', async () => {
    await t.api('v2', 'POST', '/v2/labels', { shipment: domesticShipment({ carrier_id: 'se-3', service_code: 'fedex_ground' }) });
    for (let i = 0; i < 2; i++) {
      await t.v1('POST', '/shipments/createlabel', { carrierCode: 'ups', serviceCode: 'ups_ground', shipDate: '2026-11-24', weight: { value: 2, units: 'pounds' }, shipFrom, shipTo: { ...shipTo, name: `Buyer ${i}` } });
    }
    const all = (await t.v1('GET', '/shipments?pageSize=2&page=1')).json();
    assert.ok(all.total >= 4);
    assert.equal(all.shipments.length, 2);
    assert.equal(all.pages, Math.ceil(all.total / 2));
    const ups = (await t.v1('GET', '/shipments?carrierCode=ups')).json();
    assert.ok(ups.shipments.length >= 2 && ups.shipments.every((s: { carrierCode: string }) => s.carrierCode === 'ups'));
    const byName = (await t.v1('GET', '/shipments?recipientName=Buyer%201')).json();
    assert.equal(byName.total, 1);
    const byShipDate = (await t.v1('GET', '/shipments?shipDateStart=2026-11-24&shipDateEnd=2026-11-24')).json();
    assert.ok(byShipDate.shipments.every((s: { shipDate: string }) => s.shipDate.startsWith('2026-11-24')));
    assert.equal((await t.v1('GET', '/shipments?pageSize=501')).statusCode, 400);
    assert.equal((await t.v1('GET', '/shipments?createDateStart=notadate')).statusCode, 400);
  });
});
