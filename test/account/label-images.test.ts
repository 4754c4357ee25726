import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { startTestApp, type TestApp } from '../helpers/server.ts';
import { partnerCall } from '../partners/helpers.ts';
import { domesticShipment } from '../shipping/fixtures.ts';
import { decodeCode128, rasterisePdf, requireTool, scratchDir } from '../documents/document-tools.ts';
import { darkShare, halfBlackPng, hugePng, smallJpeg } from './images.ts';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

type Carrier = { carrier_id: string; carrier_code: string };

describe('account settings and label images', () => {
  let t: TestApp;
  let carriers: Record<string, string>;
  let other: Record<string, string>;
  before(async () => {
    t = await startTestApp();
    const list = (await t.api('v2', 'GET', '/v2/carriers')).json().carriers as Carrier[];
    carriers = Object.fromEntries(list.map((c) => [c.carrier_code, c.carrier_id]));
    const account = (await partnerCall(t, 'POST', '/v1/partners/accounts', {})).json();
    other = { 'api-key': account.api_key.encrypted_api_key };
  });
  after(() => t.close());

  const download = (url: string) => t.app.inject({ method: 'GET', url: url.replace('http://shipdock.test', '') });
  const png = halfBlackPng().toString('base64');

  for (const [surface, prefix] of [['v2', '/v2'], ['shipengine', '/v1']] as const) {
    test(`${surface}: settings; image create, get, list, update, delete`, async () => {
      const settings = await t.api(surface, 'GET', `${prefix}/account/settings`);
      assert.equal(settings.statusCode, 200);
      assert.deepEqual(settings.json(), { default_label_layout: '4x6' });

      const created = await t.api(surface, 'POST', `${prefix}/account/settings/images`, { name: 'Logo', image_content_type: 'image/png', image_data: png });
      assert.equal(created.statusCode, 200, created.body);
      const image = created.json();
      assert.match(image.label_image_id, /^img_\d+$/);
      assert.equal(image.is_default, false);
      assert.equal(image.image_data, png, 'the stored bytes come back unchanged');

      const got = await t.api(surface, 'GET', `${prefix}/account/settings/images/${image.label_image_id}`);
      assert.equal(got.statusCode, 200);
      assert.equal(got.json().name, 'Logo');

      const put = await t.api(surface, 'PUT', `${prefix}/account/settings/images/${image.label_image_id}`, { name: 'Renamed', is_default: true, image_content_type: 'image/jpeg', image_data: smallJpeg().toString('base64') });
      assert.equal(put.statusCode, 204, put.body);
      const updated = (await t.api(surface, 'GET', `${prefix}/account/settings/images/${image.label_image_id}`)).json();
      assert.equal(updated.name, 'Renamed');
      assert.equal(updated.is_default, true);
      assert.equal(updated.image_content_type, 'image/jpeg');

      const list = await t.api(surface, 'GET', `${prefix}/account/settings/images?page_size=100`);
      assert.equal(list.statusCode, 200);
      assert.ok(list.json().images.some((i: { label_image_id: string }) => i.label_image_id === image.label_image_id));
      assert.equal(list.json().total, list.json().images.length);

      assert.equal((await t.api(surface, 'DELETE', `${prefix}/account/settings/images/${image.label_image_id}`)).statusCode, 204);
      assert.equal((await t.api(surface, 'GET', `${prefix}/account/settings/images/${image.label_image_id}`)).statusCode, 404);
      assert.equal((await t.api(surface, 'DELETE', `${prefix}/account/settings/images/${image.label_image_id}`)).statusCode, 404);
      assert.equal((await t.api(surface, 'GET', `${prefix}/account/settings/images/se-1`)).statusCode, 404);
    });

    test(`${surface}: bad images are 400s naming the field`, async () => {
      const post = (body: Record<string, unknown>) => t.api(surface, 'POST', `${prefix}/account/settings/images`, { name: 'Bad', image_content_type: 'image/png', ...body });
      const gif = Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1').toString('base64');
      const cases: [Record<string, unknown>, string][] = [
        [{ image_data: gif }, 'image_data'],
        [{ image_data: smallJpeg().toString('base64') }, 'image_content_type'],
        [{ image_data: hugePng().toString('base64') }, 'image_data'],
        [{ image_data: Buffer.concat([halfBlackPng().subarray(0, 40), Buffer.alloc(40)]).toString('base64') }, 'image_data'],
        [{ image_data: 'not base64!' }, 'image_data'],
        [{ image_data: png, image_content_type: 'image/gif' }, 'image_content_type'],
        [{ image_data: png, name: '' }, 'name'],
      ];
      for (const [body, field] of cases) {
        const res = await post(body);
        assert.equal(res.statusCode, 400, `${JSON.stringify(body).slice(0, 80)}: ${res.body}`);
        assert.ok(res.json().errors.some((e: { field_name?: string; message: string }) => e.field_name === field || e.message.includes(field)), res.body);
      }
    });
  }

  test('one default per account; another account sees none of it', async () => {
    const make = async (isDefault: boolean) =>
      (await t.api('v2', 'POST', '/v2/account/settings/images', { name: 'D', is_default: isDefault, image_content_type: 'image/png', image_data: png })).json().label_image_id as string;
    const first = await make(true);
    const second = await make(true);
    const list = (await t.api('v2', 'GET', '/v2/account/settings/images?page_size=100')).json().images as { label_image_id: string; is_default: boolean }[];
    assert.deepEqual(list.filter((i) => i.is_default).map((i) => i.label_image_id), [second]);
    await t.api('v2', 'PUT', `/v2/account/settings/images/${first}`, { is_default: true });
    const again = (await t.api('v2', 'GET', '/v2/account/settings/images?page_size=100')).json().images as { label_image_id: string; is_default: boolean }[];
    assert.deepEqual(again.filter((i) => i.is_default).map((i) => i.label_image_id), [first]);

    assert.equal((await t.api('v2', 'GET', `/v2/account/settings/images/${first}`, undefined, other)).statusCode, 404);
    assert.equal((await t.api('shipengine', 'PUT', `/v1/account/settings/images/${first}`, { is_default: false }, other)).statusCode, 404);
    assert.equal((await t.api('shipengine', 'DELETE', `/v1/account/settings/images/${first}`, undefined, other)).statusCode, 404);
    assert.equal((await t.api('v2', 'GET', '/v2/account/settings/images', undefined, other)).json().total, 0);
    const theirs = ((await t.api('v2', 'GET', '/v2/carriers', undefined, other)).json().carriers as Carrier[]).find((c) => c.carrier_code === 'ups')!;
    const label = await t.api('v2', 'POST', '/v2/labels', { label_image_id: first, shipment: domesticShipment({ carrier_id: theirs.carrier_id, service_code: 'ups_ground' }) }, other);
    assert.equal(label.statusCode, 400, "another account's image cannot be printed");
    assert.equal(label.json().errors[0].field_name, 'label_image_id');
    // Clean up so later tests start without a default.
    for (const id of [first, second]) await t.api('v2', 'DELETE', `/v2/account/settings/images/${id}`);
  });

  test('a label bought with label_image_id prints the logo on PNG, PDF and ZPL; barcodes still scan', async (ctx) => {
    const logo = (await t.api('v2', 'POST', '/v2/account/settings/images', { name: 'Half', image_content_type: 'image/png', image_data: png })).json().label_image_id;
    const res = await t.api('v2', 'POST', '/v2/labels', { label_image_id: logo, shipment: domesticShipment({ carrier_id: carriers.ups, service_code: 'ups_ground' }) });
    assert.equal(res.statusCode, 200, res.body);
    const label = res.json();
    assert.equal(label.label_image_id, logo);
    const plain = (await t.api('v2', 'POST', '/v2/labels', { shipment: domesticShipment({ carrier_id: carriers.ups, service_code: 'ups_ground' }) })).json();
    assert.equal(plain.label_image_id, null, 'no default image: no logo');

    // The logo box is 168x168 dots at (16,16): the picture's black left half fills x 16-100.
    const branded = (await download(label.label_download.png)).rawPayload;
    assert.ok((await darkShare(branded, 20, 20, 96, 180)) > 0.97, 'black half of the logo');
    assert.ok((await darkShare(branded, 106, 20, 180, 180)) < 0.03, 'white half of the logo');
    const unbranded = (await download(plain.label_download.png)).rawPayload;
    assert.ok((await darkShare(unbranded, 20, 20, 96, 180)) < 0.5, 'no logo: the FROM text is there');

    const zpl = (await download(label.label_download.zpl)).body;
    const graphic = /\^FO16,16\^GFA,(\d+),(\d+),(\d+),([0-9A-F]+)\^FS/.exec(zpl);
    assert.ok(graphic, 'ZPL embeds the logo as a ^GFA graphic');
    assert.equal(Number(graphic[3]), 21);
    assert.equal(Number(graphic[1]), 21 * 168);
    assert.equal(graphic[4].length, 2 * 21 * 168);
    // Row 0: 84 black dots (10 bytes FF, then F0), the rest white.
    assert.equal(graphic[4].slice(0, 42), 'FF'.repeat(10) + 'F0' + '00'.repeat(10));
    // The plain UPS label's only graphic is its MaxiCode, never one in the logo box.
    assert.ok(!(await download(plain.label_download.zpl)).body.includes('^FO16,16^GFA'));

    if (!requireTool(ctx, 'zbarimg', 'zbar-tools') || !requireTool(ctx, 'pdftoppm', 'poppler-utils')) return;
    const dir = scratchDir(ctx);
    writeFileSync(join(dir, 'label.png'), branded);
    assert.ok(decodeCode128(join(dir, 'label.png')).some((d) => d.includes(label.tracking_number)), 'PNG barcode still decodes');
    const pages = rasterisePdf((await download(label.label_download.pdf)).rawPayload, dir);
    assert.equal(pages.length, 1);
    const page = readFileSync(pages[0]);
    assert.ok((await darkShare(page, 22, 22, 94, 178)) > 0.95, 'PDF logo black half');
    assert.ok((await darkShare(page, 108, 22, 178, 178)) < 0.05, 'PDF logo white half');
    assert.ok(decodeCode128(pages[0]).some((d) => d.includes(label.tracking_number)), 'PDF barcode still decodes');
    await t.api('v2', 'DELETE', `/v2/account/settings/images/${logo}`);
  });

  test('the default image is printed when a label names none; an unknown image is a 400', async () => {
    const logo = (await t.api('shipengine', 'POST', '/v1/account/settings/images', { name: 'Default', is_default: true, image_content_type: 'image/png', image_data: png })).json().label_image_id;
    const res = await t.api('shipengine', 'POST', '/v1/labels', { label_format: 'zpl', shipment: domesticShipment({ carrier_id: carriers.fedex, service_code: 'fedex_ground' }) });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().label_image_id, logo);
    assert.ok((await download(res.json().label_download.zpl)).body.includes('^FO16,16^GFA'));
    const unknown = await t.api('shipengine', 'POST', '/v1/labels', { label_image_id: 'img_999999', shipment: domesticShipment({ carrier_id: carriers.fedex, service_code: 'fedex_ground' }) });
    assert.equal(unknown.statusCode, 400);
    assert.equal(unknown.json().errors[0].field_name, 'label_image_id');
    await t.api('shipengine', 'DELETE', `/v1/account/settings/images/${logo}`);
  });
});
