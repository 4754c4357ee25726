// POST /documents/combined_labels and GET /documents/{document_id}/download on both surfaces.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { CREDENTIALS, startTestApp, type TestApp } from '../helpers/server.ts';
import { decodeCode128, rasterisePdf, requireTool, scratchDir, trackingBarcodes } from '../documents/document-tools.ts';
import { carrierIds, download, SURFACES, upsGround } from './helpers.ts';

describe('combined label documents', () => {
  let t: TestApp;
  let labels: { label_id: string; tracking_number: string }[];
  before(async () => {
    t = await startTestApp();
    const carriers = await carrierIds(t);
    labels = [];
    for (let i = 0; i < 3; i++) labels.push((await t.api('v2', 'POST', '/v2/labels', { shipment: upsGround(carriers) })).json());
  });
  after(() => t.close());

  const raw = (method: 'GET' | 'POST', url: string, payload?: unknown) =>
    t.app.inject({ method, url, payload: payload as object, headers: { 'api-key': CREDENTIALS.apiKey } });

  for (const [surface, prefix] of SURFACES) {
    test(`${surface}: label ids -> one PDF, pages in the order asked; URL and API downloads`, async (t2) => {
      const order = [labels[2], labels[0], labels[1]];
      const res = await t.api(surface, 'POST', `${prefix}/documents/combined_labels`, { label_ids: order.map((l) => l.label_id), label_format: 'pdf', label_download_type: 'url' });
      assert.equal(res.statusCode, 200, res.body);
      const { label_download } = res.json();
      assert.match(label_download.href, new RegExp(`^http://shipdock.test${prefix}/downloads/\\d+/[A-Za-z0-9_-]{16,}/combined-\\d+\\.pdf$`));
      assert.equal(label_download.pdf, label_download.href);
      const pdf = await download(t, label_download.href);
      assert.equal(pdf.statusCode, 200);
      assert.equal(pdf.headers['content-type'], 'application/pdf');
      const documentId = /combined-(\d+)\.pdf$/.exec(label_download.href)![1];
      const viaApi = await raw('GET', `${prefix}/documents/se-${documentId}/download`);
      assert.equal(viaApi.statusCode, 200);
      assert.deepEqual(viaApi.rawPayload, pdf.rawPayload);
      assert.equal((await t.app.inject({ method: 'GET', url: `${prefix}/documents/se-${documentId}/download` })).statusCode, 401, 'the API route needs a key');
      assert.equal((await raw('GET', `${prefix}/documents/se-999999/download`)).statusCode, 404);
      if (!requireTool(t2, 'pdftoppm', 'poppler-utils') || !requireTool(t2, 'zbarimg', 'zbar-tools')) return;
      const pages = rasterisePdf(pdf.rawPayload, scratchDir(t2));
      assert.deepEqual(pages.map((page) => trackingBarcodes(decodeCode128(page))), order.map((l) => [l.tracking_number]));
    });

    test(`${surface}: inline answers base64; ZPL; unknown, voided and missing labels are 400s`, async () => {
      // Not contract-checked: inline puts base64 in href (as documented) where the spec types a URL.
      const inline = await raw('POST', `${prefix}/documents/combined_labels`, { label_ids: [labels[0].label_id], label_download_type: 'inline' });
      assert.equal(inline.statusCode, 200, inline.body);
      assert.equal(Buffer.from(inline.json().label_download.href, 'base64').subarray(0, 5).toString(), '%PDF-');
      const zpl = await t.api(surface, 'POST', `${prefix}/documents/combined_labels`, { label_ids: labels.map((l) => l.label_id), label_format: 'zpl', label_download_type: 'url' });
      assert.equal(zpl.statusCode, 200, zpl.body);
      const text = (await download(t, zpl.json().label_download.zpl)).body;
      assert.equal(text.match(/\^XA/g)?.length, 3);
      for (const label of labels) assert.ok(text.includes(label.tracking_number));

      const unknown = await t.api(surface, 'POST', `${prefix}/documents/combined_labels`, { label_ids: [labels[0].label_id, 'se-999999'] });
      assert.equal(unknown.statusCode, 400);
      assert.equal(unknown.json().errors[0].field_name, 'label_ids[1]');
      assert.equal((await t.api(surface, 'POST', `${prefix}/documents/combined_labels`, { label_ids: [] })).statusCode, 400);
      assert.equal((await t.api(surface, 'POST', `${prefix}/documents/combined_labels`, {})).statusCode, 400);
    });
  }

  test('a voided label cannot be combined', async () => {
    const carriers = await carrierIds(t);
    const label = (await t.api('v2', 'POST', '/v2/labels', { shipment: upsGround(carriers) })).json();
    assert.equal((await t.api('v2', 'PUT', `/v2/labels/${label.label_id}/void`)).statusCode, 200);
    const res = await t.api('v2', 'POST', '/v2/documents/combined_labels', { label_ids: [label.label_id] });
    assert.equal(res.statusCode, 400);
    assert.equal(res.json().errors[0].error_code, 'invalid_status');
  });
});
