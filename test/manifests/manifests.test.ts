import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../helpers/server.ts';
import { decodeCode128, pdfText, rasterisePdf, requireTool, scratchDir } from '../documents/document-tools.ts';
import { brooklyn } from '../shipping/fixtures.ts';
import { assertFieldError, buyLabel, carrierIds, createWarehouse, download, NOW, otherAccount, SURFACES, TODAY, voidLabel } from './helpers.ts';

const MANIFEST_FIELDS = ['manifest_id', 'form_id', 'created_at', 'ship_date', 'shipments', 'label_ids', 'warehouse_id', 'submission_id', 'carrier_id', 'manifest_download'];

describe('manifests', () => {
  let t: TestApp;
  let carriers: Record<string, string>;
  before(async () => {
    t = await startTestApp();
    t.ctx.clock.set(NOW);
    carriers = await carrierIds(t);
  });
  after(() => t.close());

  for (const [surface, prefix] of SURFACES) {
    test(`${surface}: by carrier, warehouse and ship date: that day's unmanifested, unvoided labels; the request form; nothing left is a 400`, async () => {
      const home = await createWarehouse(t, surface, prefix);
      const elsewhere = await createWarehouse(t, surface, prefix, brooklyn);
      const a = await buyLabel(t, surface, prefix, carriers.stamps_com, 'stamps_com', home);
      const b = await buyLabel(t, surface, prefix, carriers.stamps_com, 'stamps_com', home);
      const voided = await buyLabel(t, surface, prefix, carriers.stamps_com, 'stamps_com', home);
      await voidLabel(t, surface, prefix, voided.label_id);
      const otherCarrier = await buyLabel(t, surface, prefix, carriers.ups, 'ups', home);
      const otherWarehouse = await buyLabel(t, surface, prefix, carriers.stamps_com, 'stamps_com', elsewhere);
      const excluded = await buyLabel(t, surface, prefix, carriers.stamps_com, 'stamps_com', home);

      const res = await t.api(surface, 'POST', `${prefix}/manifests`, {
        carrier_id: carriers.stamps_com,
        warehouse_id: home,
        ship_date: `${TODAY}T00:00:00Z`,
        excluded_label_ids: [excluded.label_id],
      });
      assert.equal(res.statusCode, 200, res.body);
      const body = res.json();
      assert.equal(body.manifests.length, 1);
      const [manifest] = body.manifests;
      assert.deepEqual(manifest.label_ids, [a.label_id, b.label_id]);
      assert.equal(manifest.shipments, 2);
      assert.equal(manifest.carrier_id, carriers.stamps_com);
      assert.equal(manifest.warehouse_id, home);
      assert.equal(manifest.ship_date, `${TODAY}T00:00:00Z`);
      assert.equal(manifest.form_id, manifest.manifest_id);
      assert.match(manifest.submission_id, /^\d{22}$/);
      // The deprecated flat fields repeat the first manifest.
      for (const field of MANIFEST_FIELDS) assert.deepEqual(body[field], manifest[field], field);
      const requestId = surface === 'v2' ? body.manifest_request_id : body.manifest_requests[0].manifest_request_id;
      assert.equal(surface === 'v2' ? body.status : body.manifest_requests[0].status, 'completed');
      assert.deepEqual(body.errors, []);

      const fetched = await t.api(surface, 'GET', `${prefix}/manifests/${manifest.manifest_id}`);
      assert.equal(fetched.statusCode, 200, fetched.body);
      assert.deepEqual(fetched.json(), manifest);
      const status = await t.api(surface, 'GET', `${prefix}/manifests/requests/${requestId}`);
      assert.equal(status.statusCode, 200, status.body);
      assert.deepEqual(status.json().manifests, [manifest]);
      assert.deepEqual(status.json().manifest_requests, [{ manifest_request_id: requestId, status: 'completed' }]);

      // Every eligible label is now on a manifest, except the excluded one; a second run takes just that.
      const again = await t.api(surface, 'POST', `${prefix}/manifests`, { carrier_id: carriers.stamps_com, warehouse_id: home, ship_date: TODAY });
      assert.equal(again.statusCode, 200, again.body);
      assert.deepEqual(again.json().label_ids, [excluded.label_id]);
      const empty = await t.api(surface, 'POST', `${prefix}/manifests`, { carrier_id: carriers.stamps_com, warehouse_id: home, ship_date: TODAY });
      assertFieldError(empty, 400, null, /No eligible labels for a manifest: no unmanifested label of carrier .* on 2027-05-26/);
      assert.equal(empty.json().errors[0].error_type, 'validation');
      // Labels of the other carrier and the other warehouse were left alone.
      const listed = (await t.api(surface, 'GET', `${prefix}/manifests?label_ids=${otherCarrier.label_id},${otherWarehouse.label_id}`)).json();
      assert.equal(listed.total, 0);
    });

    test(`${surface}: by label ids: one manifest per carrier and warehouse; voided labels left out; a label joins one manifest only`, async () => {
      const home = await createWarehouse(t, surface, prefix);
      const elsewhere = await createWarehouse(t, surface, prefix, brooklyn);
      const ups = await buyLabel(t, surface, prefix, carriers.ups, 'ups', home);
      const usps = await buyLabel(t, surface, prefix, carriers.stamps_com, 'stamps_com', home);
      const usps2 = await buyLabel(t, surface, prefix, carriers.stamps_com, 'stamps_com', elsewhere);
      const voided = await buyLabel(t, surface, prefix, carriers.stamps_com, 'stamps_com', home);
      await voidLabel(t, surface, prefix, voided.label_id);

      const res = await t.api(surface, 'POST', `${prefix}/manifests`, { label_ids: [ups.label_id, usps.label_id, usps2.label_id, voided.label_id] });
      assert.equal(res.statusCode, 200, res.body);
      const groups = res.json().manifests.map((m: { carrier_id: string; warehouse_id: string; label_ids: string[] }) => [m.carrier_id, m.warehouse_id, m.label_ids]);
      assert.deepEqual(
        groups.sort((x: string[], y: string[]) => String(x).localeCompare(String(y))),
        [
          [carriers.ups, home, [ups.label_id]],
          [carriers.stamps_com, home, [usps.label_id]],
          [carriers.stamps_com, elsewhere, [usps2.label_id]],
        ].sort((x, y) => String(x).localeCompare(String(y))),
      );
      const manifestOfUps = res.json().manifests.find((m: { carrier_id: string }) => m.carrier_id === carriers.ups).manifest_id;

      const twice = await t.api(surface, 'POST', `${prefix}/manifests`, { label_ids: [ups.label_id] });
      assertFieldError(twice, 400, 'label_ids', new RegExp(`Label ${ups.label_id} is already on manifest ${manifestOfUps}`));
      const onlyVoided = await t.api(surface, 'POST', `${prefix}/manifests`, { label_ids: [voided.label_id] });
      assertFieldError(onlyVoided, 400, null, /No eligible labels for a manifest: none of the given labels/);
      // POST /manifests documents no 404: unknown ids are field errors.
      const unknown = await t.api(surface, 'POST', `${prefix}/manifests`, { label_ids: [ups.label_id, 'se-99999999'] });
      assertFieldError(unknown, 400, 'label_ids', /label se-99999999 was not found/);
      assert.equal(unknown.json().errors[0].error_code, 'invalid_identifier');
      assertFieldError(await t.api(surface, 'POST', `${prefix}/manifests`, { label_ids: ['se-99999999999'] }), 400, 'label_ids', /was not found/);
      const returned = await t.api(surface, 'POST', `${prefix}/labels/${usps.label_id}/return`, {});
      assert.equal(returned.statusCode, 200, returned.body);
      assertFieldError(await t.api(surface, 'POST', `${prefix}/manifests`, { label_ids: [returned.json().label_id] }), 400, null, /voided, return and unfinished labels are left out/);
      const noWarehouse = await buyLabel(t, surface, prefix, carriers.stamps_com, 'stamps_com', null);
      assertFieldError(await t.api(surface, 'POST', `${prefix}/manifests`, { label_ids: [noWarehouse.label_id] }), 400, 'label_ids', /not shipped from a warehouse/);
    });

    test(`${surface}: the database keeps a label on one manifest even if the rules are bypassed`, async () => {
      const home = await createWarehouse(t, surface, prefix);
      const label = await buyLabel(t, surface, prefix, carriers.fedex, 'fedex', home);
      const made = (await t.api(surface, 'POST', `${prefix}/manifests`, { label_ids: [label.label_id] })).json();
      const labelId = Number(label.label_id.slice(3));
      const manifestId = Number(made.manifest_id.slice(3));
      await assert.rejects(t.ctx.database.db.insertInto('manifest_labels').values({ label_id: labelId, manifest_id: manifestId }).execute());
    });

    test(`${surface}: two requests racing for the same labels: one manifest takes them, the other is refused`, async () => {
      const home = await createWarehouse(t, surface, prefix);
      const labels = [await buyLabel(t, surface, prefix, carriers.ups, 'ups', home), await buyLabel(t, surface, prefix, carriers.ups, 'ups', home)];
      const ids = labels.map((l) => l.label_id);
      const results = await Promise.all([
        t.api(surface, 'POST', `${prefix}/manifests`, { label_ids: ids }),
        t.api(surface, 'POST', `${prefix}/manifests`, { label_ids: [...ids].reverse() }),
        t.api(surface, 'POST', `${prefix}/manifests`, { carrier_id: carriers.ups, warehouse_id: home, ship_date: TODAY }),
      ]);
      assert.deepEqual(results.map((r) => r.statusCode).sort(), [200, 400, 400], results.map((r) => r.body).join('\n'));
      const listed = (await t.api(surface, 'GET', `${prefix}/manifests?warehouse_id=${home}`)).json();
      assert.equal(listed.total, 1);
      assert.deepEqual(listed.manifests[0].label_ids, ids);
    });

    test(`${surface}: the form is a PS 5630-style PDF whose Code 128 barcode scans to the form id; no API key, unguessable link`, async (ctx) => {
      const home = await createWarehouse(t, surface, prefix);
      const labels = [
        await buyLabel(t, surface, prefix, carriers.stamps_com, 'stamps_com', home),
        await buyLabel(t, surface, prefix, carriers.stamps_com, 'stamps_com', home),
      ];
      const manifest = (await t.api(surface, 'POST', `${prefix}/manifests`, { label_ids: labels.map((l) => l.label_id) })).json();
      const href: string = manifest.manifest_download.href;
      assert.match(href, new RegExp(`^http://shipdock.test${prefix}/downloads/\\d+/[A-Za-z0-9_-]{16,}/manifest-\\d+\\.pdf$`));
      const pdf = await download(t, href);
      assert.equal(pdf.statusCode, 200);
      assert.equal(pdf.headers['content-type'], 'application/pdf');
      assert.equal(pdf.rawPayload.subarray(0, 5).toString(), '%PDF-');
      const tampered = await download(t, href.replace(/\/[A-Za-z0-9_-]{16,}\//, '/AAAAAAAAAAAAAAAAAAAAAA/'));
      assert.equal(tampered.statusCode, 404);
      const wrongId = await download(t, href.replace(/manifest-\d+/, 'manifest-999999'));
      assert.equal(wrongId.statusCode, 404);
      if (!requireTool(ctx, 'pdftoppm', 'poppler-utils') || !requireTool(ctx, 'zbarimg', 'zbar-tools')) return;
      const dir = scratchDir(ctx);
      const [page] = rasterisePdf(pdf.rawPayload, dir);
      assert.deepEqual(decodeCode128(page), [manifest.form_id]);
      const text = pdfText(pdf.rawPayload, dir);
      assert.match(text, /SHIPMENT CONFIRMATION ACCEPTANCE NOTICE/);
      assert.match(text, /PS Form 5630/);
      assert.match(text, /Dock Manager/);
      assert.match(text, /500 W 2nd St/);
      assert.match(text, new RegExp(`Date of mailing\\s+${TODAY}`));
      assert.match(text, /usps_priority_mail\s+2\b/);
      assert.match(text, /Total\s+2\b/);
      for (const label of labels) assert.ok(text.includes(label.tracking_number), label.tracking_number);
      assert.ok(text.includes(manifest.submission_id));
    });

    test(`${surface}: list filters and paging`, async () => {
      const home = await createWarehouse(t, surface, prefix);
      const first = await buyLabel(t, surface, prefix, carriers.ups, 'ups', home);
      const second = await buyLabel(t, surface, prefix, carriers.fedex, 'fedex', home);
      const made = (await t.api(surface, 'POST', `${prefix}/manifests`, { label_ids: [first.label_id, second.label_id] })).json().manifests;
      assert.equal(made.length, 2);
      const list = async (query: string) => {
        const res = await t.api(surface, 'GET', `${prefix}/manifests?${query}`);
        assert.equal(res.statusCode, 200, res.body);
        return res.json();
      };
      const byWarehouse = await list(`warehouse_id=${home}`);
      assert.equal(byWarehouse.total, 2);
      assert.deepEqual(byWarehouse.manifests.map((m: { manifest_id: string }) => m.manifest_id).sort(), made.map((m: { manifest_id: string }) => m.manifest_id).sort());
      const ups = await list(`warehouse_id=${home}&carrier_id=${carriers.ups}`);
      assert.deepEqual(ups.manifests.map((m: { label_ids: string[] }) => m.label_ids), [[first.label_id]]);
      assert.equal((await list(`label_ids=${second.label_id}`)).manifests[0].carrier_id, carriers.fedex);
      assert.equal((await list(`warehouse_id=${home}&ship_date_start=${TODAY}T00:00:00Z&ship_date_end=${TODAY}T23:59:59Z`)).total, 2);
      assert.equal((await list(`warehouse_id=${home}&ship_date_start=2027-05-27T00:00:00Z`)).total, 0);
      assert.equal((await list(`warehouse_id=${home}&created_at_end=2027-05-25T00:00:00Z`)).total, 0);
      assert.equal((await list(`warehouse_id=${home}&created_at_start=${TODAY}T00:00:00Z`)).total, 2);
      const paged = await list(`warehouse_id=${home}&page=2&page_size=1`);
      assert.equal(paged.manifests.length, 1);
      assert.equal(paged.pages, 2);
      assert.ok(paged.links.prev.href.includes('page=1'));
      assert.equal(paged.links.next.href, undefined);
      assertFieldError(await t.api(surface, 'GET', `${prefix}/manifests?created_at_start=yesterday`), 400, 'created_at_start', /date-time/);
    });

    test(`${surface}: request errors name the field`, async () => {
      assertFieldError(await t.api(surface, 'POST', `${prefix}/manifests`, {}), 400, 'label_ids', /label_ids is required/);
      assertFieldError(await t.api(surface, 'POST', `${prefix}/manifests`, { carrier_id: carriers.ups, ship_date: TODAY }), 400, 'warehouse_id', /warehouse_id is required/);
      assertFieldError(await t.api(surface, 'POST', `${prefix}/manifests`, { carrier_id: carriers.ups, warehouse_id: 'se-1', ship_date: '2027-02-30' }), 400, 'ship_date', /ISO 8601/);
      assertFieldError(await t.api(surface, 'POST', `${prefix}/manifests`, { label_ids: ['label-1'] }), 400, null, /label_ids/);
      assertFieldError(await t.api(surface, 'POST', `${prefix}/manifests`, { carrier_id: 'se-99999999', warehouse_id: 'se-1', ship_date: TODAY }), 400, 'carrier_id', /carrier se-99999999 was not found/);
      assertFieldError(await t.api(surface, 'POST', `${prefix}/manifests`, { carrier_id: carriers.ups, warehouse_id: 'se-99999999', ship_date: TODAY }), 400, 'warehouse_id', /warehouse se-99999999 was not found/);
      assert.equal((await t.api(surface, 'GET', `${prefix}/manifests/se-99999999`)).statusCode, 404);
      assert.equal((await t.api(surface, 'GET', `${prefix}/manifests/requests/se-99999999`)).statusCode, 404);
    });

    test(`${surface}: another account's manifests and requests are 404; its labels and carriers are unknown ids in a body`, async () => {
      const home = await createWarehouse(t, surface, prefix);
      const label = await buyLabel(t, surface, prefix, carriers.ups, 'ups', home);
      const made = (await t.api(surface, 'POST', `${prefix}/manifests`, { label_ids: [label.label_id] })).json();
      const requestId = surface === 'v2' ? made.manifest_request_id : made.manifest_requests[0].manifest_request_id;
      const stranger = await otherAccount(t);
      assert.equal((await t.api(surface, 'GET', `${prefix}/manifests/${made.manifest_id}`, undefined, stranger)).statusCode, 404);
      assert.equal((await t.api(surface, 'GET', `${prefix}/manifests/requests/${requestId}`, undefined, stranger)).statusCode, 404);
      // In a POST body they are field errors (the operation documents no 404).
      assertFieldError(await t.api(surface, 'POST', `${prefix}/manifests`, { label_ids: [label.label_id] }, stranger), 400, 'label_ids', /was not found/);
      assertFieldError(await t.api(surface, 'POST', `${prefix}/manifests`, { carrier_id: carriers.ups, warehouse_id: home, ship_date: TODAY }, stranger), 400, 'carrier_id', /was not found/);
      assert.equal((await t.api(surface, 'GET', `${prefix}/manifests`, undefined, stranger)).json().total, 0);
    });
  }
});
