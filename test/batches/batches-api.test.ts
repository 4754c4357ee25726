// Every batch operation on /v2 and ShipEngine /v1: happy paths, documented errors, tenancy.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { CREDENTIALS, startTestApp, type TestApp } from '../helpers/server.ts';
import { partnerCall } from '../partners/helpers.ts';
import { domesticShipment } from '../shipping/fixtures.ts';
import { carrierIds, createShipments, download, drainJobs, SURFACES, upsGround } from './helpers.ts';

describe('batches API', () => {
  let t: TestApp;
  let carriers: Record<string, string>;
  let other: Record<string, string>;
  before(async () => {
    t = await startTestApp();
    carriers = await carrierIds(t);
    const account = (await partnerCall(t, 'POST', '/v1/partners/accounts', {})).json();
    other = { 'api-key': account.api_key.encrypted_api_key };
  });
  after(() => t.close());

  for (const [surface, prefix] of SURFACES) {
    test(`${surface}: create, read, list, add/remove, process, errors, archive`, async () => {
      const [a, b, c] = await createShipments(t, [upsGround(carriers), upsGround(carriers), upsGround(carriers, { external_shipment_id: `ext-${surface}` })]);
      const rated = (await t.api('v2', 'POST', '/v2/rates', { shipment: domesticShipment(), rate_options: { carrier_ids: [carriers.fedex] } })).json();
      const rate = rated.rate_response.rates.find((r: { service_code: string }) => r.service_code === 'fedex_ground');

      const created = await t.api(surface, 'POST', `${prefix}/batches`, {
        external_batch_id: `morning-${surface}`,
        batch_notes: '2019-7-25 Morning Shipments',
        shipment_ids: [a, b],
        rate_ids: [rate.rate_id],
      });
      assert.equal(created.statusCode, 200, created.body);
      const batch = created.json();
      assert.match(batch.batch_id, /^se-\d+$/);
      assert.equal(batch.status, 'open');
      assert.equal(batch.count, 3);
      assert.deepEqual([batch.completed, batch.errors, batch.warnings, batch.forms], [0, 0, 0, 0]);
      assert.equal(batch.processed_at, null);
      assert.equal(batch.external_batch_id, `morning-${surface}`);
      assert.equal(batch.batch_notes, '2019-7-25 Morning Shipments');
      assert.equal(batch.batch_shipments_url.href, `http://shipdock.test${prefix}/shipments?batch_id=${batch.batch_id}`);
      assert.equal(batch.batch_labels_url.href, `http://shipdock.test${prefix}/labels?batch_id=${batch.batch_id}`);
      assert.equal(batch.batch_errors_url.href, `http://shipdock.test${prefix}/batches/${batch.batch_id}/errors`);
      assert.deepEqual(batch.label_download, {});

      const byId = (await t.api(surface, 'GET', `${prefix}/batches/${batch.batch_id}`)).json();
      assert.deepEqual(byId, batch);
      const byExternal = await t.api(surface, 'GET', `${prefix}/batches/external_batch_id/morning-${surface}`);
      assert.equal(byExternal.json().batch_id, batch.batch_id);
      assert.equal((await t.api(surface, 'GET', `${prefix}/batches/external_batch_id/nope`)).statusCode, 404);
      const duplicate = await t.api(surface, 'POST', `${prefix}/batches`, { external_batch_id: `morning-${surface}` });
      assert.equal(duplicate.statusCode, 400);
      assert.equal(duplicate.json().errors[0].error_code, 'identifier_conflict');

      // add and remove
      assert.equal((await t.api(surface, 'POST', `${prefix}/batches/${batch.batch_id}/add`, { shipment_ids: [c], rate_ids: [] })).statusCode, 204);
      assert.equal((await t.api(surface, 'GET', `${prefix}/batches/${batch.batch_id}`)).json().count, 4);
      assert.equal((await t.api(surface, 'POST', `${prefix}/batches/${batch.batch_id}/remove`, { rate_ids: [rate.rate_id] })).statusCode, 204);
      assert.equal((await t.api(surface, 'GET', `${prefix}/batches/${batch.batch_id}`)).json().count, 3);
      const unknown = await t.api(surface, 'POST', `${prefix}/batches/${batch.batch_id}/add`, { shipment_ids: ['se-999999'] });
      assert.equal(unknown.statusCode, 400);
      assert.equal(unknown.json().errors[0].error_code, 'invalid_identifier');
      assert.equal(unknown.json().errors[0].field_name, 'shipment_ids[0]');
      const notMember = await t.api(surface, 'POST', `${prefix}/batches/${batch.batch_id}/remove`, { shipment_ids: ['se-999999'] });
      assert.equal(notMember.statusCode, 400);
      const elsewhere = await t.api(surface, 'POST', `${prefix}/batches`, { shipment_ids: [a] });
      assert.equal(elsewhere.statusCode, 400, 'a shipment sits in one unprocessed batch at a time');
      assert.match(elsewhere.json().errors[0].message, new RegExp(`already in batch ${batch.batch_id}`));

      const listed = (await t.api(surface, 'GET', `${prefix}/shipments?batch_id=${batch.batch_id}`)).json();
      assert.deepEqual(listed.shipments.map((s: { shipment_id: string }) => s.shipment_id).sort(), [a, b, c].sort());

      // process: 204 at once; the job buys the labels
      const zplLetter = await t.api(surface, 'POST', `${prefix}/batches/${batch.batch_id}/process/labels`, { label_format: 'zpl', label_layout: 'letter' });
      assert.equal(zplLetter.statusCode, 400);
      assert.equal(zplLetter.json().errors[0].field_name, 'label_layout');
      const processed = await t.api(surface, 'POST', `${prefix}/batches/${batch.batch_id}/process/labels`, {
        ship_date: '2030-01-15T00:00:00Z',
        label_layout: 'letter',
        label_format: 'pdf',
      });
      assert.equal(processed.statusCode, 204, processed.body);
      const queued = (await t.api(surface, 'GET', `${prefix}/batches/${batch.batch_id}`)).json();
      assert.equal(queued.status, 'queued');
      assert.equal(queued.label_layout, 'letter');
      const refused = await t.api(surface, 'POST', `${prefix}/batches/${batch.batch_id}/add`, { shipment_ids: [a] });
      assert.equal(refused.statusCode, 400);
      assert.equal(refused.json().errors[0].error_code, 'batch_cannot_be_modified');
      assert.equal((await t.api(surface, 'PUT', `${prefix}/batches/${batch.batch_id}`)).json().errors[0].error_code, 'batch_cannot_be_modified');

      assert.ok((await drainJobs(t)) >= 1);
      const done = (await t.api(surface, 'GET', `${prefix}/batches/${batch.batch_id}`)).json();
      assert.equal(done.status, 'completed');
      assert.deepEqual([done.count, done.completed, done.errors], [3, 3, 0]);
      assert.ok(done.processed_at);
      assert.match(done.label_download.href, new RegExp(`^http://shipdock.test${prefix}/downloads/\\d+/[A-Za-z0-9_-]{16,}/batch-\\d+\\.pdf$`));
      const pdf = await download(t, done.label_download.pdf);
      assert.equal(pdf.statusCode, 200);
      assert.equal(pdf.headers['content-type'], 'application/pdf');
      assert.equal(pdf.rawPayload.subarray(0, 5).toString(), '%PDF-');
      assert.equal([...pdf.rawPayload.toString('latin1').matchAll(/MediaBox \[0 0 612 792\]/g)].length, 2, 'three labels, two per letter page');
      const tampered = await download(t, done.label_download.pdf.replace(/\/[A-Za-z0-9_-]{16,}\//, '/AAAAAAAAAAAAAAAAAAAAAA/'));
      assert.equal(tampered.statusCode, 404);

      const labels = (await t.api(surface, 'GET', `${prefix}/labels?batch_id=${batch.batch_id}`)).json().labels;
      assert.equal(labels.length, 3);
      for (const label of labels) {
        assert.equal(label.batch_id, batch.batch_id);
        assert.equal(label.ship_date, '2030-01-15T00:00:00Z');
        assert.equal(label.label_layout, 'letter');
      }
      const errors = await t.api(surface, 'GET', `${prefix}/batches/${batch.batch_id}/errors`);
      assert.equal(errors.statusCode, 200);
      assert.deepEqual(errors.json().errors, []);

      for (const [method, path, body] of [
        ['POST', 'add', { shipment_ids: [a] }],
        ['POST', 'remove', { shipment_ids: [a] }],
        ['POST', 'process/labels', {}],
      ] as const) {
        const res = await t.api(surface, method, `${prefix}/batches/${batch.batch_id}/${path}`, body);
        assert.equal(res.statusCode, 400, `${path} after processing`);
        assert.equal(res.json().errors[0].error_code, 'batch_cannot_be_modified');
        assert.equal(res.json().errors[0].error_type, 'business_rules');
      }

      // archive: PUT and DELETE both set archived (V2 spec); twice is fine
      assert.equal((await t.api(surface, 'PUT', `${prefix}/batches/${batch.batch_id}`)).statusCode, 204);
      assert.equal((await t.api(surface, 'GET', `${prefix}/batches/${batch.batch_id}`)).json().status, 'archived');
      assert.equal((await t.api(surface, 'DELETE', `${prefix}/batches/${batch.batch_id}`)).statusCode, 204);
      const open = (await t.api(surface, 'POST', `${prefix}/batches`, { shipment_ids: [a] })).json();
      assert.equal(open.count, 1, 'an archived batch no longer holds its shipments for another');
      assert.equal((await t.api(surface, 'DELETE', `${prefix}/batches/${open.batch_id}`)).statusCode, 204);
      assert.equal((await t.api(surface, 'GET', `${prefix}/batches/${open.batch_id}`)).json().status, 'archived');
    });

    test(`${surface}: add with process_labels queues the batch too; a PNG batch combines into one PDF`, async () => {
      const ids = await createShipments(t, [upsGround(carriers), upsGround(carriers)]);
      const batch = (await t.api(surface, 'POST', `${prefix}/batches`, {})).json();
      const added = await t.api(surface, 'POST', `${prefix}/batches/${batch.batch_id}/add`, {
        shipment_ids: ids,
        process_labels: { create_batch_and_process_labels: true, label_format: 'png' },
      });
      assert.equal(added.statusCode, 204, added.body);
      assert.equal((await t.api(surface, 'GET', `${prefix}/batches/${batch.batch_id}`)).json().status, 'queued');
      await drainJobs(t);
      const done = (await t.api(surface, 'GET', `${prefix}/batches/${batch.batch_id}`)).json();
      assert.deepEqual([done.status, done.label_format, done.completed], ['completed', 'png', 2]);
      assert.match(done.label_download.href, /batch-\d+\.pdf$/);
      const labels = (await t.api(surface, 'GET', `${prefix}/labels?batch_id=${batch.batch_id}`)).json().labels;
      assert.ok(labels.every((l: { label_format: string }) => l.label_format === 'png'), 'each label keeps the PNG format asked for');
    });

    test(`${surface}: list filters (batch_status and status), paging, sorting; 404s; tenancy`, async () => {
      const made: string[] = [];
      for (let i = 0; i < 4; i++) made.push((await t.api(surface, 'POST', `${prefix}/batches`, { batch_notes: `list ${surface} ${i}` })).json().batch_id);
      await t.api(surface, 'PUT', `${prefix}/batches/${made[0]}`);
      for (const key of ['batch_status', 'status']) {
        const archived = (await t.api(surface, 'GET', `${prefix}/batches?${key}=archived&page_size=100`)).json();
        assert.ok(archived.batches.every((b: { status: string }) => b.status === 'archived'));
        assert.ok(archived.batches.some((b: { batch_id: string }) => b.batch_id === made[0]));
      }
      const page = (await t.api(surface, 'GET', `${prefix}/batches?batch_status=open&page=1&page_size=2&sort_by=created_at&sort_dir=asc`)).json();
      assert.equal(page.batches.length, 2);
      assert.equal(page.page, 1);
      assert.equal(page.pages, Math.ceil(page.total / 2));
      assert.ok(page.links.next.href.includes('page=2'));
      const ids = page.batches.map((b: { batch_id: string }) => Number(b.batch_id.slice(3)));
      assert.ok(ids[0] < ids[1], 'ascending');
      const number = (await t.api(surface, 'GET', `${prefix}/batches?batch_number=${made[1].slice(3)}`)).json();
      assert.deepEqual(number.batches.map((b: { batch_id: string }) => b.batch_id), [made[1]]);
      assert.equal((await t.api(surface, 'GET', `${prefix}/batches?batch_status=bogus`)).statusCode, 400);

      assert.equal((await t.api(surface, 'GET', `${prefix}/batches/se-999999`)).statusCode, 404);
      assert.equal((await t.api(surface, 'POST', `${prefix}/batches/se-999999/add`, { shipment_ids: [] })).statusCode, 404);
      assert.equal((await t.api(surface, 'GET', `${prefix}/batches/se-999999/errors`)).statusCode, 404);
      const empty = await t.api(surface, 'POST', `${prefix}/batches/${made[1]}/process/labels`, {});
      assert.equal(empty.statusCode, 400, 'an empty batch has nothing to process');

      // another account sees none of it
      assert.equal((await t.api(surface, 'GET', `${prefix}/batches/${made[1]}`, undefined, other)).statusCode, 404);
      assert.equal((await t.api(surface, 'PUT', `${prefix}/batches/${made[1]}`, undefined, other)).statusCode, 404);
      assert.equal((await t.api(surface, 'GET', `${prefix}/batches`, undefined, other)).json().total, 0);
      const [mine] = await createShipments(t, [upsGround(carriers)]);
      const theirs = await t.api(surface, 'POST', `${prefix}/batches`, { shipment_ids: [mine] }, other);
      assert.equal(theirs.statusCode, 400, "another account's shipment is unknown");
      assert.ok(CREDENTIALS.apiKey);
    });
  }
});
