import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import zipcodes from 'zipcodes';
import { startTestApp, type TestApp } from '../helpers/server.ts';
import { SURFACES, otherAccountKey } from '../insurance/accounts.ts';
import { domesticShipment } from '../shipping/fixtures.ts';
import { pdfText, requireTool, scratchDir } from '../documents/document-tools.ts';

const metersBetween = (a: { lat: number; long: number }, b: { lat: number; long: number }) => {
  const rad = Math.PI / 180;
  const h = Math.sin(((b.lat - a.lat) * rad) / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(((b.long - a.long) * rad) / 2) ** 2;
  return 2 * 6_371_008.8 * Math.asin(Math.sqrt(h));
};

describe('service points', () => {
  let t: TestApp;
  let carriers: Record<string, string>;
  before(async () => {
    t = await startTestApp();
    const listed = (await t.api('shipengine', 'GET', '/v1/carriers')).json().carriers as { carrier_id: string; carrier_code: string }[];
    carriers = Object.fromEntries(listed.map((c) => [c.carrier_code, c.carrier_id]));
  });
  after(() => t.close());

  const austin = zipcodes.lookup('78701')!;

  for (const { surface, prefix } of SURFACES) {
    const list = (body: unknown, headers?: Record<string, string>) => t.api(surface, 'POST', `${prefix}/service_points/list`, body, headers);

    test(`${surface}: points near a ZIP are within the radius, nearest first, from every carrier with points`, async () => {
      const res = await list({ address: { postal_code: '78701', country_code: 'US' }, radius: 5, max_results: 20 });
      assert.equal(res.statusCode, 200, res.body);
      const body = res.json();
      assert.deepEqual([body.lat, body.long], [austin.latitude, austin.longitude]);
      const points = body.service_points;
      assert.ok(points.length >= 5 && points.length <= 20, `${points.length} points`);
      let last = 0;
      for (const p of points) {
        const meters = metersBetween({ lat: austin.latitude, long: austin.longitude }, p);
        assert.ok(meters <= 5000, `${p.service_point_id} is ${meters} m away`);
        assert.ok(Math.abs(meters - p.distance_in_meters) < 1, 'distance_in_meters is the distance');
        assert.ok(p.distance_in_meters >= last);
        last = p.distance_in_meters;
        assert.equal(p.country_code, 'US');
        assert.equal(p.state_province, 'TX');
        assert.match(p.postal_code, /^7\d{4}$/);
        assert.match(p.address_line1, /^\d+ \w/);
        assert.ok(p.service_codes.length > 0);
        assert.ok(p.features.length > 0);
        assert.ok(Array.isArray(p.hours_of_operation.monday));
      }
      const codes = new Set(points.map((p: { carrier_code: string }) => p.carrier_code));
      assert.ok(codes.size >= 2, [...codes].join());
      assert.ok([...codes].every((c) => ['stamps_com', 'ups', 'fedex', 'dhl_express'].includes(c as string)));
    });

    test(`${surface}: by coordinates and by free text; max_results and providers narrow the list`, async () => {
      const byText = await list({ address_query: '500 W 2nd St, Austin, TX 78701', radius: 3 });
      assert.equal(byText.statusCode, 200, byText.body);
      const byCoords = await list({ lat: austin.latitude, long: austin.longitude, radius: 3 });
      assert.deepEqual(byCoords.json(), byText.json(), 'same centre, same points');
      const upsOnly = await list({ lat: austin.latitude, long: austin.longitude, radius: 10, max_results: 3, providers: [{ carrier_id: carriers.ups }] });
      assert.equal(upsOnly.statusCode, 200, upsOnly.body);
      assert.equal(upsOnly.json().service_points.length, 3);
      assert.ok(upsOnly.json().service_points.every((p: { carrier_code: string }) => p.carrier_code === 'ups'));
      const noService = await list({ lat: austin.latitude, long: austin.longitude, providers: [{ carrier_id: carriers.ups, service_code: ['ups_worldwide_express'] }] });
      assert.deepEqual(noService.json().service_points, []);
      const byCity = await list({ address: { city_locality: 'Austin', state_province: 'TX', country_code: 'US' }, radius: 2 });
      assert.equal(byCity.statusCode, 200, byCity.body);
    });

    test(`${surface}: the same id always gives the same point, equal to the listed one`, async () => {
      const [listed] = (await list({ address: { postal_code: '78701', country_code: 'US' }, providers: [{ carrier_id: carriers.fedex }] })).json().service_points;
      const url = `${prefix}/service_points/fedex/US/${listed.service_point_id}`;
      const first = await t.api(surface, 'GET', url);
      assert.equal(first.statusCode, 200, first.body);
      const { distance_in_meters: _distance, ...withoutDistance } = listed;
      assert.deepEqual(first.json().service_point, withoutDistance);
      assert.deepEqual((await t.api(surface, 'GET', url)).json(), first.json());
      // A second app (a fresh database) rebuilds the very same point from the id.
      const again = await startTestApp();
      try {
        assert.deepEqual((await again.api(surface, 'GET', url)).json(), first.json());
      } finally {
        await again.close();
      }
    });

    test(`${surface}: unknown ids, another carrier's or another country's path are 404`, async () => {
      const [point] = (await list({ address: { postal_code: '78701', country_code: 'US' }, providers: [{ carrier_id: carriers.ups }] })).json().service_points;
      const id = point.service_point_id as string;
      const tampered = `${id.slice(0, -1)}${id.endsWith('0') ? '1' : '0'}`;
      for (const url of [`ups/US/${tampered}`, `fedex/US/${id}`, `ups/CA/${id}`, 'ups/US/12345']) {
        const res = await t.api(surface, 'GET', `${prefix}/service_points/${url}`);
        assert.equal(res.statusCode, 404, url);
        assert.equal(res.json().errors[0].error_code, 'invalid_identifier');
      }
    });

    test(`${surface}: Canada by postal code has no USPS points; bad searches are 400; another account's carrier is 404`, async () => {
      const toronto = await list({ address: { postal_code: 'M5H 2N2', country_code: 'CA' }, radius: 3 });
      assert.equal(toronto.statusCode, 200, toronto.body);
      const points = toronto.json().service_points;
      assert.ok(points.length > 0);
      assert.ok(points.every((p: any) => p.country_code === 'CA' && p.state_province === 'ON' && /^M\d[A-Z] \d[A-Z]\d$/.test(p.postal_code) && p.carrier_code !== 'stamps_com'));
      for (const body of [
        {},
        { lat: 30 },
        { lat: 95, long: 0 },
        { lat: 30, long: -97, radius: 0 },
        { lat: 30, long: -97, radius: 500 },
        { lat: 30, long: -97, max_results: 1000 },
        { address: { postal_code: '00000', country_code: 'US' } },
        { address_query: 'somewhere nice' },
        { lat: 30, long: -97, providers: [{ carrier_id: 'ups' }] },
      ]) {
        const res = await list(body);
        assert.equal(res.statusCode, 400, JSON.stringify(body));
      }
      // Shipdock maps the US and Canada: elsewhere (Paris, with its APO ZIP) there is nothing to find.
      const paris = await list({ lat: 48.8566, long: 2.3522, radius: 100 });
      assert.equal(paris.statusCode, 200, paris.body);
      assert.deepEqual(paris.json().service_points, []);
      assert.equal((await list({ address: { postal_code: '75001', country_code: 'FR' } })).statusCode, 400);
      const other = await otherAccountKey(t);
      const res = await list({ lat: 30.27, long: -97.74, providers: [{ carrier_id: carriers.ups }] }, other);
      assert.equal(res.statusCode, 404);
    });

    test(`${surface}: a label can go to a point of its carrier on a service that delivers there`, async (tc) => {
      const [ups] = (await list({ address: { postal_code: '11201', country_code: 'US' }, providers: [{ carrier_id: carriers.ups }] })).json().service_points;
      const [usps] = (await list({ address: { postal_code: '11201', country_code: 'US' }, providers: [{ carrier_id: carriers.stamps_com }] })).json().service_points;
      const shipment = domesticShipment({ carrier_id: carriers.ups, service_code: 'ups_ground' });
      const ok = await t.api(surface, 'POST', `${prefix}/labels`, { shipment, ship_to_service_point_id: ups.service_point_id });
      assert.equal(ok.statusCode, 200, ok.body);
      // The parcel goes to the point, for the recipient: their name over the point's address.
      if (requireTool(tc, 'pdftotext', 'poppler-utils')) {
        const href = new URL(ok.json().label_download.pdf);
        const pdf = await t.app.inject({ method: 'GET', url: href.pathname + href.search });
        assert.equal(pdf.statusCode, 200);
        const text = pdfText(pdf.rawPayload, scratchDir(tc)).replace(/\s+/g, ' ');
        for (const line of ['JANE BUYER', ups.company_name.toUpperCase(), ups.address_line1.toUpperCase(), ups.postal_code]) assert.ok(text.includes(line), `${line} in ${text}`);
        assert.ok(!text.includes('123 ATLANTIC AVE'), 'not the home address');
      }
      const stored = await t.ctx.database.db.selectFrom('labels').select('body').where('id', '=', Number(ok.json().label_id.slice(3))).executeTakeFirstOrThrow();
      assert.equal(JSON.parse(stored.body).shipToServicePointId, ups.service_point_id);
      for (const [body, pattern] of [
        [{ shipment, ship_to_service_point_id: usps.service_point_id }, /another carrier/],
        [{ shipment, ship_to_service_point_id: 'U0000000000' }, /does not exist/],
        [{ shipment: { ...shipment, service_code: 'ups_next_day_air_early_am' }, ship_to_service_point_id: ups.service_point_id }, /does not deliver to service points/],
      ] as const) {
        const res = await t.api(surface, 'POST', `${prefix}/labels`, body);
        assert.equal(res.statusCode, 400, res.body);
        assert.match(res.json().errors[0].message, pattern);
      }
    });
  }
});
