import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../helpers/server.ts';
import { partnerCall } from '../partners/helpers.ts';
import { domesticShipment } from '../shipping/fixtures.ts';
import { halfBlackPng } from '../account/images.ts';
import { assertError, TINY_PDF, v2Call } from './helpers.ts';

type Carrier = { carrier_id: string; carrier_code: string };

describe('label and shipment documents', () => {
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

  const buyLabel = async () => {
    const res = await t.api('v2', 'POST', '/v2/labels', { shipment: domesticShipment({ carrier_id: carriers.ups, service_code: 'ups_ground' }) });
    assert.equal(res.statusCode, 200, res.body);
    return res.json() as { label_id: string; shipment_id: string; tracking_number: string };
  };

  for (const kind of ['label', 'shipment'] as const) {
    test(`${kind} documents: register, list, delete; type and size checked by the bytes`, async () => {
      const label = await buyLabel();
      const base = `/v2/${kind}s/${kind === 'label' ? label.label_id : label.shipment_id}/documents`;
      const pdf = await v2Call(t, 'POST', base, { document_type: 'commercial_invoice', document_data: TINY_PDF.toString('base64') });
      assert.equal(pdf.statusCode, 200, pdf.body);
      const doc = pdf.json();
      assert.match(doc.document_id, /^se-\d+$/);
      assert.equal(doc[`${kind}_id`], kind === 'label' ? label.label_id : label.shipment_id);
      assert.equal(doc.content_type, 'application/pdf');
      assert.equal(doc.file_name, 'commercial_invoice.pdf');
      assert.equal(doc.size_bytes, TINY_PDF.length);
      assert.equal(Buffer.from(doc.document_data, 'base64').toString('latin1'), TINY_PDF.toString('latin1'));
      const png = await v2Call(t, 'POST', base, { file_name: 'photo.png', content_type: 'image/png', document_data: halfBlackPng().toString('base64') });
      assert.equal(png.statusCode, 200, png.body);
      assert.equal(png.json().document_type, 'other');

      const listed = (await v2Call(t, 'GET', base)).json().documents as { document_id: string }[];
      assert.deepEqual(listed.map((d) => d.document_id), [doc.document_id, png.json().document_id]);

      assertError(await v2Call(t, 'POST', base, { document_data: Buffer.from('GIF89a-------').toString('base64') }), 400, 'document_data');
      assertError(await v2Call(t, 'POST', base, { content_type: 'image/png', document_data: TINY_PDF.toString('base64') }), 400, 'content_type');
      const big = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(2 * 1024 * 1024)]);
      assertError(await v2Call(t, 'POST', base, { document_data: big.toString('base64') }), 400, 'document_data');
      assertError(await v2Call(t, 'POST', base, { document_type: 'selfie', document_data: TINY_PDF.toString('base64') }), 400);
      assertError(await v2Call(t, 'POST', base, { document_data: '***' }), 400, 'document_data');

      // Another account sees neither the owner nor its documents.
      assertError(await v2Call(t, 'GET', base, undefined, other), 404);
      assertError(await v2Call(t, 'POST', base, { document_data: TINY_PDF.toString('base64') }, other), 404);
      assertError(await v2Call(t, 'DELETE', `${base}/${doc.document_id}`, undefined, other), 404);

      assert.equal((await v2Call(t, 'DELETE', `${base}/${doc.document_id}`)).statusCode, 204);
      assertError(await v2Call(t, 'DELETE', `${base}/${doc.document_id}`), 404);
      assert.equal((await v2Call(t, 'GET', base)).json().documents.length, 1);
      assertError(await v2Call(t, 'GET', `/v2/${kind}s/se-999999/documents`), 404);
    });
  }

  test("a label's documents are attached to it alone, not to its shipment", async () => {
    const label = await buyLabel();
    await v2Call(t, 'POST', `/v2/labels/${label.label_id}/documents`, { document_data: TINY_PDF.toString('base64') });
    assert.equal((await v2Call(t, 'GET', `/v2/shipments/${label.shipment_id}/documents`)).json().documents.length, 0);
    const doc = (await v2Call(t, 'GET', `/v2/labels/${label.label_id}/documents`)).json().documents[0];
    assertError(await v2Call(t, 'DELETE', `/v2/shipments/${label.shipment_id}/documents/${doc.document_id}`), 404);
  });

  test('send records the send (no mail is delivered) and validates the address and documents', async () => {
    const label = await buyLabel();
    const url = `/v2/labels/${label.label_id}/documents/send`;
    assertError(await v2Call(t, 'POST', url, { email: 'buyer@example.com' }), 400);
    const a = (await v2Call(t, 'POST', `/v2/labels/${label.label_id}/documents`, { document_data: TINY_PDF.toString('base64') })).json();
    const b = (await v2Call(t, 'POST', `/v2/labels/${label.label_id}/documents`, { document_data: TINY_PDF.toString('base64') })).json();
    const all = await v2Call(t, 'POST', url, { email: 'buyer@example.com' });
    assert.equal(all.statusCode, 200, all.body);
    assert.equal(all.json().status, 'recorded');
    assert.deepEqual(all.json().document_ids, [a.document_id, b.document_id]);
    const one = await v2Call(t, 'POST', url, { email: 'customs@example.com', document_ids: [b.document_id] });
    assert.deepEqual(one.json().document_ids, [b.document_id]);
    const sends = await t.ctx.database.db.selectFrom('document_sends').selectAll().orderBy('id').execute();
    assert.deepEqual(sends.slice(-2).map((s) => [s.email, JSON.parse(s.document_ids).length]), [['buyer@example.com', 2], ['customs@example.com', 1]]);
    assertError(await v2Call(t, 'POST', url, { email: 'not-an-address' }), 400);
    assertError(await v2Call(t, 'POST', url, { email: 'a@example.com', document_ids: ['se-999999'] }), 400, 'document_ids');
    assertError(await v2Call(t, 'POST', url, { email: 'a@example.com' }, other), 404);
    await t.api('v2', 'PUT', `/v2/labels/${label.label_id}/void`);
    assertError(await v2Call(t, 'POST', url, { email: 'buyer@example.com' }), 400);
  });
});
