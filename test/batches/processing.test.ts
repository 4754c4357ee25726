// A batch of 200 with 3 bad shipments; its combined PDF, ZPL and customs forms as a printer sees them.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { startTestApp, type TestApp } from '../helpers/server.ts';
import { decodeCode128, pdfText, requireTool, scratchDir, trackingBarcodes } from '../documents/document-tools.ts';
import { batchFile, batchProgress } from '../../src/domain/batches/index.ts';
import { badShipments, carrierIds, createShipments, download, drainJobs, international, SURFACES, upsGround } from './helpers.ts';

/** Rasterises the chosen pages (1-based) at 203 dpi and decodes each page's Code 128 symbols. */
function barcodesOfPages(pdf: Buffer, dir: string, pages: number[]): string[][] {
  const pdfPath = join(dir, 'batch.pdf');
  writeFileSync(pdfPath, pdf);
  return pages.map((page) => {
    const out = join(dir, `p${page}`);
    const result = spawnSync('pdftoppm', ['-r', '203', '-png', '-singlefile', '-f', String(page), '-l', String(page), pdfPath, out], { encoding: 'utf8' });
    assert.equal(result.status, 0, `pdftoppm failed: ${result.stderr}`);
    return trackingBarcodes(decodeCode128(`${out}.png`));
  });
}

const pageCount = (pdf: Buffer) => [...pdf.toString('latin1').matchAll(/\/Type \/Page\b/g)].length;

describe('processing batches', () => {
  let t: TestApp;
  let carriers: Record<string, string>;
  before(async () => {
    t = await startTestApp();
    carriers = await carrierIds(t);
  });
  after(() => t.close());

  test('200 shipments, 3 of them bad: completed_with_errors, 197 labels, 3 documented errors, one combined PDF', async (t2) => {
    const bad = await badShipments(t, carriers);
    const shipments = Array.from({ length: 197 }, (_, i) => upsGround(carriers, { external_shipment_id: `good-${i}` }));
    shipments.splice(10, 0, bad[0]);
    shipments.splice(100, 0, bad[1]);
    shipments.splice(150, 0, bad[2]);
    const ids = await createShipments(t, shipments);
    const batch = (await t.api('v2', 'POST', '/v2/batches', { shipment_ids: ids })).json();
    assert.equal(batch.count, 200);
    assert.equal((await t.api('v2', 'POST', `/v2/batches/${batch.batch_id}/process/labels`, { label_format: 'pdf', label_layout: '4x6' })).statusCode, 204);
    const started = performance.now();
    await drainJobs(t);
    t2.diagnostic(`200 shipments processed in ${(performance.now() - started).toFixed(0)} ms`);

    const done = (await t.api('v2', 'GET', `/v2/batches/${batch.batch_id}`)).json();
    assert.equal(done.status, 'completed_with_errors');
    assert.deepEqual([done.count, done.completed, done.errors, done.warnings, done.forms], [200, 197, 3, 0, 0]);
    const progress = await batchProgress(t.ctx.database.db, 1, Number(batch.batch_id.slice(3)));
    assert.deepEqual([progress.status, progress.completed, progress.errors, progress.pending], ['completed_with_errors', 197, 3, 0]);

    const first = (await t.api('v2', 'GET', `/v2/batches/${batch.batch_id}/errors?page=1&pagesize=2`)).json();
    const second = (await t.api('shipengine', 'GET', `/v1/batches/${batch.batch_id}/errors?page=2&pagesize=2`)).json();
    const errors = [...first.errors, ...second.errors];
    assert.equal(errors.length, 3);
    assert.deepEqual(errors.map((e: { shipment_id: string }) => e.shipment_id), [ids[10], ids[100], ids[150]]);
    assert.deepEqual(errors.map((e: { external_shipment_id: string }) => e.external_shipment_id), ['too-heavy', 'no-customs', 'no-funds']);
    assert.match(errors[0].error, /exceeds the 150 lb maximum/);
    assert.match(errors[1].error, /customs/);
    assert.match(errors[2].error, /Insufficient funds/);
    assert.ok(first.links.next.href.includes('page=2'));

    const bought = (await t.api('v2', 'GET', `/v2/labels?batch_id=${batch.batch_id}&page_size=500&sort_dir=asc`)).json();
    assert.equal(bought.total, 197);
    const trackingByShipment = new Map(bought.labels.map((l: { shipment_id: string; tracking_number: string }) => [l.shipment_id, l.tracking_number]));
    assert.equal(new Set(bought.labels.map((l: { shipment_id: string }) => l.shipment_id)).size, 197, 'one label per shipment');
    const shipmentsOf = (await t.api('v2', 'GET', `/v2/shipments?batch_id=${batch.batch_id}&page_size=500`)).json();
    assert.equal(shipmentsOf.total, 200);
    assert.equal(shipmentsOf.shipments.filter((s: { shipment_status: string }) => s.shipment_status === 'label_purchased').length, 197);

    const pdf = await download(t, done.label_download.href);
    assert.equal(pdf.statusCode, 200);
    assert.equal(pageCount(pdf.rawPayload), 197);
    const file = await batchFile(t.ctx.database.db, 1, Number(batch.batch_id.slice(3)));
    assert.equal(file.document.byteSize, pdf.rawPayload.length);
    assert.equal(file.document.pageCount, 197);
    if (!requireTool(t2, 'pdftoppm', 'poppler-utils') || !requireTool(t2, 'zbarimg', 'zbar-tools')) return;
    const good = ids.filter((_, i) => ![10, 100, 150].includes(i));
    const decoded = barcodesOfPages(pdf.rawPayload, scratchDir(t2), [1, 2, 100, 197]);
    assert.deepEqual(decoded, [[trackingByShipment.get(good[0])], [trackingByShipment.get(good[1])], [trackingByShipment.get(good[99])], [trackingByShipment.get(good[196])]]);
  });

  for (const [surface, prefix] of SURFACES) {
    test(`${surface}: a ZPL batch gets one ZPL file; customs forms come combined in form_download`, async (t2) => {
      const zplIds = await createShipments(t, [upsGround(carriers), upsGround(carriers), upsGround(carriers)]);
      const zplBatch = (await t.api(surface, 'POST', `${prefix}/batches`, { shipment_ids: zplIds, process_labels: { create_batch_and_process_labels: true, label_format: 'zpl' } })).json();
      assert.equal(zplBatch.status, 'queued', 'created and queued in one call');
      await drainJobs(t);
      const zplDone = (await t.api(surface, 'GET', `${prefix}/batches/${zplBatch.batch_id}`)).json();
      assert.equal(zplDone.status, 'completed');
      assert.equal(zplDone.label_format, 'zpl');
      assert.match(zplDone.label_download.href, /batch-\d+\.zpl$/);
      const zpl = (await download(t, zplDone.label_download.zpl)).body;
      assert.equal(zpl.match(/\^XA/g)?.length, 3);
      const labels = (await t.api(surface, 'GET', `${prefix}/labels?batch_id=${zplBatch.batch_id}`)).json().labels;
      for (const label of labels) assert.ok(zpl.includes(label.tracking_number));

      const [abroad, home] = await createShipments(t, [international(carriers), upsGround(carriers)]);
      const formsBatch = (await t.api(surface, 'POST', `${prefix}/batches`, { shipment_ids: [abroad, home] })).json();
      await t.api(surface, 'POST', `${prefix}/batches/${formsBatch.batch_id}/process/labels`, {});
      await drainJobs(t);
      const formsDone = (await t.api(surface, 'GET', `${prefix}/batches/${formsBatch.batch_id}`)).json();
      assert.deepEqual([formsDone.status, formsDone.completed, formsDone.forms], ['completed', 2, 1]);
      assert.match(formsDone.form_download.href, /batch-forms-\d+\.pdf$/);
      const forms = await download(t, formsDone.form_download.href);
      assert.equal(forms.statusCode, 200);
      assert.equal(forms.rawPayload.subarray(0, 5).toString(), '%PDF-');
      if (!requireTool(t2, 'pdftotext', 'poppler-utils')) return;
      const abroadLabel = labels && (await t.api(surface, 'GET', `${prefix}/labels?shipment_id=${abroad}`)).json().labels[0];
      const text = pdfText(forms.rawPayload, scratchDir(t2));
      assert.match(text, /CN ?2[23]/);
      assert.ok(text.includes(abroadLabel.tracking_number));
    });
  }
});
