import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../helpers/server.ts';
import { requireTool } from '../helpers/skips.ts';
import { customs, domesticShipment, toronto, austin } from '../shipping/fixtures.ts';
import { isValidTrackingNumber } from '../../src/domain/tracking/index.ts';

type Carrier = { carrier_id: string; carrier_code: string };

describe('labels', () => {
  let t: TestApp;
  let carriers: Record<string, string>;
  before(async () => {
    t = await startTestApp();
    const list = (await t.api('v2', 'GET', '/v2/carriers')).json().carriers as Carrier[];
    carriers = Object.fromEntries(list.map((c) => [c.carrier_code, c.carrier_id]));
  });
  after(() => t.close());

  const download = (url: string) => t.inject({ method: 'GET', url: url.replace('http://shipdock.test', '') });

  for (const [surface, prefix] of [['v2', '/v2'], ['shipengine', '/v1']] as const) {
    test(`${surface}: buy a label from a full shipment; real PDF/PNG/ZPL downloads without an API key`, async () => {
      const res = await t.api(surface, 'POST', `${prefix}/labels`, {
        shipment: domesticShipment({ carrier_id: carriers.ups, service_code: 'ups_ground' }),
      });
      assert.equal(res.statusCode, 200, res.body);
      const label = res.json();
      assert.equal(label.status, 'completed');
      assert.ok(isValidTrackingNumber('ups', label.tracking_number), label.tracking_number);
      assert.ok(label.shipment_cost.amount > 0);
      assert.match(label.label_download.pdf, new RegExp(`^http://shipdock.test${prefix}/downloads/\\d+/[A-Za-z0-9_-]+/label-\\d+\\.pdf$`));
      const pdf = await download(label.label_download.pdf);
      assert.equal(pdf.statusCode, 200);
      assert.equal(pdf.headers['content-type'], 'application/pdf');
      assert.equal(pdf.rawPayload.subarray(0, 5).toString(), '%PDF-');
      assert.match(pdf.rawPayload.toString('latin1'), /MediaBox \[0 0 288 432\]/);
      const png = await download(label.label_download.png);
      assert.equal(png.headers['content-type'], 'image/png');
      assert.deepEqual([...png.rawPayload.subarray(1, 4)], [0x50, 0x4e, 0x47]);
      const zpl = await download(label.label_download.zpl);
      assert.match(zpl.body, /^\^XA[\s\S]*\^XZ\s*$/);
      assert.ok(zpl.body.includes(label.tracking_number));
      const shipment = (await t.api(surface, 'GET', `${prefix}/shipments/${label.shipment_id}/rates`));
      assert.equal(shipment.statusCode, 404, 'buying directly stores no rate response');
      const tampered = await download(label.label_download.pdf.replace(/\/[A-Za-z0-9_-]{16,}\//, '/AAAAAAAAAAAAAAAAAAAAAA/'));
      assert.equal(tampered.statusCode, 404);
    });
  }

  test('buy from a rate id and from a shipment id; the price is the rate engine price', async () => {
    const rated = (await t.api('v2', 'POST', '/v2/rates', { shipment: domesticShipment(), rate_options: { carrier_ids: [carriers.fedex] } })).json();
    const ground = rated.rate_response.rates.find((r: { service_code: string }) => r.service_code === 'fedex_ground');
    const res = await t.api('v2', 'POST', `/v2/labels/rates/${ground.rate_id}`, { label_format: 'zpl' });
    assert.equal(res.statusCode, 200, res.body);
    const label = res.json();
    const total = (r: Record<string, { amount: number }>) => Math.round((r.shipping_amount.amount + r.confirmation_amount.amount + r.other_amount.amount) * 100);
    assert.equal(Math.round(label.shipment_cost.amount * 100), total(ground));
    assert.equal(label.label_format, 'zpl');
    assert.ok(label.label_download.href.endsWith('.zpl'));
    const again = await t.api('v2', 'POST', `/v2/labels/rates/${ground.rate_id}`, {});
    assert.equal(again.statusCode, 400, 'a shipment with a live label cannot be labelled again');

    const shipment = (await t.api('v2', 'POST', '/v2/rates', { shipment: domesticShipment({ carrier_id: carriers.stamps_com, service_code: 'usps_priority_mail' }) })).json();
    // Not contract-checked: inline puts base64 in href (as documented) where the spec types a URL.
    const fromShipment = await t.inject({ method: 'POST', url: `/v2/labels/shipment/${shipment.shipment_id}`, payload: { label_download_type: 'inline' }, headers: { 'api-key': 'TEST_api_key_for_shipdock_tests' } });
    assert.equal(fromShipment.statusCode, 200, fromShipment.body);
    const inline = Buffer.from(fromShipment.json().label_download.href, 'base64');
    assert.equal(inline.subarray(0, 5).toString(), '%PDF-');
    assert.ok(isValidTrackingNumber('stamps_com', fromShipment.json().tracking_number));
  });

  test('letter layout: two 4x6 labels per US Letter page; ZPL cannot be letter', async () => {
    const res = await t.api('v2', 'POST', '/v2/labels', { label_layout: 'letter', shipment: domesticShipment({ carrier_id: carriers.usps ?? carriers.stamps_com, service_code: 'usps_ground_advantage' }) });
    assert.equal(res.statusCode, 200, res.body);
    const pdf = await download(res.json().label_download.pdf);
    assert.match(pdf.rawPayload.toString('latin1'), /MediaBox \[0 0 612 792\]/);
    const zpl = await t.api('v2', 'POST', '/v2/labels', { label_layout: 'letter', label_format: 'zpl', shipment: domesticShipment({ carrier_id: carriers.stamps_com, service_code: 'usps_ground_advantage' }) });
    assert.equal(zpl.statusCode, 400);
    assert.equal(zpl.json().errors[0].field_name, 'label_layout');
  });

  test('multi-package: one tracking number per package where the service allows it, refused otherwise', async () => {
    const two = [{ weight: { value: 2, unit: 'pound' } }, { weight: { value: 5, unit: 'pound' } }];
    const res = await t.api('v2', 'POST', '/v2/labels', { shipment: domesticShipment({ carrier_id: carriers.fedex, service_code: 'fedex_ground', packages: two }) });
    assert.equal(res.statusCode, 200, res.body);
    const label = res.json();
    assert.equal(label.packages.length, 2);
    const numbers = label.packages.map((p: { tracking_number: string }) => p.tracking_number);
    assert.notEqual(numbers[0], numbers[1]);
    for (const n of numbers) assert.ok(isValidTrackingNumber('fedex', n), n);
    // Read back (on PostgreSQL label and packages come in one query), packages in their order.
    const read = (await t.api('v2', 'GET', `/v2/labels/${label.label_id}`)).json();
    const ids = (l: { packages: { package_id: number; tracking_number: string }[] }) => l.packages.map((p) => [p.package_id, p.tracking_number]);
    assert.deepEqual(ids(read), ids(label));
    assert.equal(read.tracking_number, numbers[0]);
    assert.notEqual(label.packages[0].label_download.pdf, label.packages[1].label_download.pdf);
    const second = await download(label.packages[1].label_download.zpl);
    assert.ok(second.body.includes(numbers[1]) && !second.body.includes(numbers[0]));
    const usps = await t.api('v2', 'POST', '/v2/labels', { shipment: domesticShipment({ carrier_id: carriers.stamps_com, service_code: 'usps_priority_mail', packages: two }) });
    assert.equal(usps.statusCode, 400);
    assert.match(usps.json().errors[0].message, /one package/);
  });

  test('void: approved once, refused the second time and once the package moves', async () => {
    const label = (await t.api('v2', 'POST', '/v2/labels', { shipment: domesticShipment({ carrier_id: carriers.ups, service_code: 'ups_ground' }) })).json();
    const first = await t.api('v2', 'PUT', `/v2/labels/${label.label_id}/void`);
    assert.deepEqual(first.json().approved, true);
    assert.equal((await t.api('v2', 'GET', `/v2/labels/${label.label_id}`)).json().status, 'voided');
    const second = await t.api('v2', 'PUT', `/v2/labels/${label.label_id}/void`);
    assert.equal(second.json().approved, false);

    const moving = (await t.api('v2', 'POST', '/v2/labels', { shipment: domesticShipment({ carrier_id: carriers.ups, service_code: 'ups_ground' }) })).json();
    t.ctx.clock.advance(3 * 86_400_000);
    try {
      const refused = await t.api('v2', 'PUT', `/v2/labels/${moving.label_id}/void`);
      assert.equal(refused.json().approved, false);
      assert.match(refused.json().message, /in transit/);
    } finally {
      t.ctx.clock.advance(-3 * 86_400_000);
    }
  });

  test('return label: addresses swapped, own tracking number, linked to the outbound label', async () => {
    const outbound = (await t.api('v2', 'POST', '/v2/labels', { shipment: domesticShipment({ carrier_id: carriers.fedex, service_code: 'fedex_ground' }) })).json();
    const res = await t.api('v2', 'POST', `/v2/labels/${outbound.label_id}/return`, {});
    assert.equal(res.statusCode, 200, res.body);
    const ret = res.json();
    assert.equal(ret.is_return_label, true);
    assert.notEqual(ret.tracking_number, outbound.tracking_number);
    assert.equal(ret.ship_to.postal_code, austin.postal_code);
    const row = await t.ctx.database.db.selectFrom('labels').select('outbound_label_id').where('id', '=', Number(ret.label_id.slice(3))).executeTakeFirstOrThrow();
    assert.equal(row.outbound_label_id, Number(outbound.label_id.slice(3)));
  });

  test('rate shopper: cheapest and fastest pick what the rate engine computed', async () => {
    const rates = (await t.api('v2', 'POST', '/v2/rates', { shipment: domesticShipment() })).json().rate_response.rates as { shipping_amount: { amount: number }; confirmation_amount: { amount: number }; other_amount: { amount: number }; insurance_amount: { amount: number }; delivery_days?: number; service_code: string }[];
    const total = (r: (typeof rates)[number]) => Math.round((r.shipping_amount.amount + r.confirmation_amount.amount + r.other_amount.amount + r.insurance_amount.amount) * 100);
    const cheapest = Math.min(...rates.map(total));
    const fastestDays = Math.min(...rates.map((r) => r.delivery_days ?? 99));
    const fastestPrice = Math.min(...rates.filter((r) => (r.delivery_days ?? 99) === fastestDays).map(total));

    const c = (await t.api('v2', 'POST', '/v2/labels/rate_shopper_id/cheapest', { shipment: domesticShipment() })).json();
    assert.equal(Math.round((c.shipment_cost.amount + c.insurance_cost.amount) * 100), cheapest);
    const f = (await t.api('v2', 'POST', '/v2/labels/rate_shopper_id/fastest', { shipment: domesticShipment() })).json();
    assert.equal(Math.round((f.shipment_cost.amount + f.insurance_cost.amount) * 100), fastestPrice);
    assert.equal((await t.api('v2', 'POST', '/v2/labels/rate_shopper_id/slowest', { shipment: domesticShipment() })).statusCode, 400);
  });

  test('international: customs are required to buy, and the label has a customs form', async () => {
    const without = await t.api('v2', 'POST', '/v2/labels', { shipment: { ship_from: austin, ship_to: toronto, carrier_id: carriers.dhl_express, service_code: 'dhl_express_worldwide', packages: [{ weight: { value: 2, unit: 'pound' } }] } });
    assert.equal(without.statusCode, 400);
    const res = await t.api('v2', 'POST', '/v2/labels', { shipment: { ship_from: austin, ship_to: toronto, customs, carrier_id: carriers.dhl_express, service_code: 'dhl_express_worldwide', packages: [{ weight: { value: 2, unit: 'pound' } }] } });
    assert.equal(res.statusCode, 200, res.body);
    const label = res.json();
    assert.equal(label.is_international, true);
    const form = await download(label.form_download.href);
    assert.equal(form.headers['content-type'], 'application/pdf');
    assert.ok(isValidTrackingNumber('dhl_express', label.tracking_number));
  });

  test('the shipment of a label request: stored label_purchased with its label, not at all when the purchase fails', async () => {
    const shipments = async () => (await t.api('v2', 'GET', '/v2/shipments?page_size=1')).json().total as number;
    const before = await shipments();
    const refused = await t.api('v2', 'POST', '/v2/labels', {
      shipment: { ...domesticShipment({ carrier_id: carriers.ups, service_code: 'ups_ground' }), external_shipment_id: 'refused-1', ship_to: toronto },
    });
    assert.equal(refused.statusCode, 400, refused.body);
    assert.equal(await shipments(), before, 'the failed purchase took its shipment with it');
    const label = (await t.api('v2', 'POST', '/v2/labels', { shipment: { ...domesticShipment({ carrier_id: carriers.ups, service_code: 'ups_ground' }), external_shipment_id: 'refused-1' } })).json();
    assert.equal(await shipments(), before + 1);
    const shipment = (await t.api('v2', 'GET', `/v2/shipments/${label.shipment_id}`)).json();
    assert.equal(shipment.shipment_status, 'label_purchased');
    assert.equal(shipment.external_shipment_id, 'refused-1', 'the refused request left its external id free');
    const again = await t.api('v2', 'POST', `/v2/labels/shipment/${label.shipment_id}`, {});
    assert.equal(again.statusCode, 400, 'a second label for the same shipment is refused');
    assert.match(again.json().errors[0].message, /already has a label/);
  });

  test('list labels with filters and paging; tracking by label and by number', async () => {
    const label = (await t.api('v2', 'POST', '/v2/labels', { shipment: domesticShipment({ carrier_id: carriers.ups, service_code: 'ups_next_day_air' }) })).json();
    const byTracking = (await t.api('v2', 'GET', `/v2/labels?tracking_number=${label.tracking_number}`)).json();
    assert.equal(byTracking.total, 1);
    assert.equal(byTracking.labels[0].label_id, label.label_id);
    const voided = (await t.api('v2', 'GET', '/v2/labels?label_status=voided&page_size=1')).json();
    assert.ok(voided.labels.every((l: { status: string }) => l.status === 'voided'));
    const byService = (await t.api('v2', 'GET', `/v2/labels?service_code=ups_next_day_air&carrier_id=${carriers.ups}`)).json();
    assert.ok(byService.labels.every((l: { service_code: string }) => l.service_code === 'ups_next_day_air'));
    assert.equal((await t.api('v2', 'GET', '/v2/labels?label_status=lost')).statusCode, 400);

    const tracked = (await t.api('v2', 'GET', `/v2/labels/${label.label_id}/track`)).json();
    assert.ok(['UN', 'AC', 'NY'].includes(tracked.status_code), tracked.status_code);
    t.ctx.clock.advance(10 * 86_400_000);
    try {
      const later = (await t.api('v2', 'GET', `/v2/tracking?carrier_code=ups&tracking_number=${label.tracking_number}`)).json();
      assert.equal(later.status_code, 'DE');
      assert.ok(later.events.length > tracked.events.length);
    } finally {
      t.ctx.clock.advance(-10 * 86_400_000);
    }
    assert.equal((await t.api('v2', 'POST', `/v2/tracking/start?carrier_code=ups&tracking_number=${label.tracking_number}`)).statusCode, 204);
    assert.equal((await t.api('v2', 'POST', `/v2/tracking/stop?carrier_code=ups&tracking_number=${label.tracking_number}`)).statusCode, 204);
    assert.equal((await t.api('v2', 'POST', '/v2/tracking/start?carrier_code=ups&tracking_number=1Z123')).statusCode, 400);
  });
});

describe('label barcodes scan', () => {
  test('the PNG a user downloads decodes to the tracking number with a real barcode reader (all four carriers)', async (ctx) => {
    const { execFileSync } = await import('node:child_process');
    const { mkdtempSync, writeFileSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    if (!requireTool(ctx, 'zbarimg', 'zbar-tools')) return;
    const t = await startTestApp();
    const dir = mkdtempSync(join(tmpdir(), 'shipdock-scan-'));
    try {
      const list = (await t.api('v2', 'GET', '/v2/carriers')).json().carriers as Carrier[];
      const id = (code: string) => list.find((c) => c.carrier_code === code)!.carrier_id;
      const cases: [string, string, Record<string, unknown>][] = [
        ['stamps_com', 'usps_priority_mail', {}],
        ['ups', 'ups_ground', {}],
        ['fedex', 'fedex_ground', {}],
        ['dhl_express', 'dhl_express_worldwide', { ship_to: toronto, customs }],
      ];
      for (const [carrier, service, extra] of cases) {
        const label = (await t.api('v2', 'POST', '/v2/labels', { shipment: domesticShipment({ carrier_id: id(carrier), service_code: service, ...extra }) })).json();
        const png = await t.inject({ method: 'GET', url: label.label_download.png.replace('http://shipdock.test', '') });
        const file = join(dir, `${carrier}.png`);
        writeFileSync(file, png.rawPayload);
        const decoded = execFileSync('zbarimg', ['--raw', '-q', '--set', '*.enable=0', '--set', 'code128.enable=1', file]).toString();
        assert.ok(decoded.replace(/\D/g, '').includes(label.tracking_number.replace(/\D/g, '')) || decoded.includes(label.tracking_number), `${carrier}: ${decoded} vs ${label.tracking_number}`);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
      await t.close();
    }
  });
});
