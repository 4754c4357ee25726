import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startTestApp, type TestApp } from '../helpers/server.ts';
import { partnerCall } from '../partners/helpers.ts';
import { requireTool, scratchDir } from '../documents/document-tools.ts';
import { addFunds, balanceOf, register } from '../funds/helpers.ts';
import { toronto } from '../shipping/fixtures.ts';
import { assertFieldError, countRows, mailingCall, piece, stamp, type Headers } from './helpers.ts';

describe('V2 mailing: envelopes, mail labels and NetStamps paid from the USPS balance', () => {
  let t: TestApp;
  let usps: string;
  let other: Headers;
  let poor: string;
  before(async () => {
    t = await startTestApp();
    usps = await register(t, 'stamps_com');
    await addFunds(t, usps, 100);
    const account = (await partnerCall(t, 'POST', '/v1/partners/accounts', {})).json();
    other = { 'api-key': account.api_key.encrypted_api_key };
  });
  after(() => t.close());

  const mailingLedger = async () =>
    (await t.ctx.database.db.selectFrom('carrier_ledger').select(['amount_cents', 'kind', 'mailing_id']).where('carrier_id', '=', Number(usps.slice(3))).where('kind', '=', 'mailing').orderBy('id').execute()).map((r) => ({
      amount_cents: Number(r.amount_cents),
      mailing_id: r.mailing_id,
    }));

  test('an envelope: metered letter postage, one debit, an IMb to the recipient ZIP, a #10 PDF only its account can fetch', async (tc) => {
    const before = await balanceOf(t, usps);
    const ledgerBefore = (await mailingLedger()).length;
    const res = await mailingCall(t, 'POST', '/v2/mailing/envelopes', { shipment: piece(2, { carrier_id: usps, external_shipment_id: 'env-1' }) });
    assert.equal(res.statusCode, 200, res.body);
    const envelope = res.json();
    assert.match(envelope.mail_piece_id, /^se-\d+$/);
    assert.equal(envelope.status, 'completed');
    assert.equal(envelope.carrier_id, usps);
    assert.equal(envelope.carrier_code, 'stamps_com');
    assert.equal(envelope.service_code, 'usps_first_class_mail');
    assert.equal(envelope.package_code, 'letter');
    assert.equal(envelope.external_shipment_id, 'env-1');
    assert.deepEqual(envelope.shipment_cost, { currency: 'usd', amount: 1.03 }, 'metered 74c + 29c for the second ounce');
    assert.equal(envelope.postage.price_type, 'metered');
    assert.match(envelope.tracking_number, /^00300\d{15}$/);
    assert.equal(envelope.intelligent_mail_barcode, `${envelope.tracking_number}11201`);
    assert.equal(await balanceOf(t, usps), Math.round((before - 1.03) * 100) / 100);
    const entries = (await mailingLedger()).slice(ledgerBefore);
    assert.equal(entries.length, 1, 'debited exactly once');
    assert.equal(entries[0].amount_cents, -103);

    const href: string = envelope.label_download.pdf;
    assert.equal(envelope.label_download.href, href);
    assert.match(href, /^http:\/\/shipdock\.test\/v2\/mailing\/documents\/[A-Za-z0-9_-]{32}\/envelope-\d+\.pdf$/);
    const url = href.replace('http://shipdock.test', '');
    const pdf = await mailingCall(t, 'GET', url);
    assert.equal(pdf.statusCode, 200);
    assert.equal(pdf.headers['content-type'], 'application/pdf');
    assert.equal((await mailingCall(t, 'GET', url, undefined, other)).statusCode, 404, "another account's key gets nothing");
    assert.equal((await mailingCall(t, 'GET', url.replace(/documents\/[^/]+/, 'documents/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'))).statusCode, 404);
    assert.equal((await t.app.inject({ method: 'GET', url })).statusCode, 401, 'the link needs an API key');

    if (!requireTool(tc, 'pdfinfo', 'poppler-utils')) return;
    const dir = scratchDir(tc);
    writeFileSync(join(dir, 'envelope.pdf'), pdf.rawPayload);
    const info = spawnSync('pdfinfo', [join(dir, 'envelope.pdf')], { encoding: 'utf8' });
    assert.equal(info.status, 0, info.stderr);
    assert.match(info.stdout, /Page size:\s+684 x 297 pts/, '#10 envelope, 9.5 x 4.125 in');
    const text = spawnSync('pdftotext', [join(dir, 'envelope.pdf'), '-'], { encoding: 'utf8' }).stdout;
    for (const expected of ['JANE BUYER', 'BROOKLYN NY 11201', 'DOCK MANAGER', 'US POSTAGE', '$1.03', 'FIRST-CLASS MAIL LETTER']) assert.ok(text.includes(expected), `${expected} in ${text}`);
    assert.equal(spawnSync('pdftoppm', ['-r', '50', '-png', join(dir, 'envelope.pdf'), join(dir, 'page')]).status, 0, 'pdftoppm opens it');
  });

  test('inline download returns the PDF in label_data; shipments:[one] is accepted for an envelope', async () => {
    const res = await mailingCall(t, 'POST', '/v2/mailing/envelopes', { shipments: [piece(1)], label_download_type: 'inline' });
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual(res.json().label_download, {});
    assert.equal(Buffer.from(res.json().label_data, 'base64').subarray(0, 5).toString(), '%PDF-');
    assert.equal(res.json().carrier_id, usps, 'the funded USPS account is chosen when none is named');
  });

  test('mail labels: letters and flats priced per piece, laid out from the start position, one debit for the sheet', async () => {
    const ledgerBefore = (await mailingLedger()).length;
    const res = await mailingCall(t, 'POST', '/v2/mailing/mail_labels', {
      shipments: [piece(1), piece(5, {}, [12, 9, 0.5]), piece(2, {}, [9.5, 4.125, 0.1])],
      mailing_options: { start_row: 2, start_column: 2 },
    });
    assert.equal(res.statusCode, 200, res.body);
    const body = res.json();
    assert.deepEqual(
      body.labels.map((l: any) => [l.mail_class, l.shipment_cost.amount, l.sheet_position.row, l.sheet_position.column]),
      [
        ['letter', 0.74, 2, 2],
        ['flat', 2.71, 3, 1],
        ['letter', 1.03, 3, 2],
      ],
    );
    assert.deepEqual(body.total_cost, { currency: 'usd', amount: 4.48 });
    const entries = (await mailingLedger()).slice(ledgerBefore);
    assert.deepEqual(entries, [{ amount_cents: -448, mailing_id: Number(body.mailing_id.slice(3)) }]);
    const pdf = await mailingCall(t, 'GET', body.label_download.pdf.replace('http://shipdock.test', ''));
    assert.equal(pdf.statusCode, 200);
    assert.equal(pdf.rawPayload.subarray(0, 5).toString(), '%PDF-');
  });

  test('the API prices every ounce step: flats 1-13 oz and letters 1-3.5 oz on one sheet, a square letter surcharged', async () => {
    const flats = Array.from({ length: 13 }, (_, i) => piece(i + 1, {}, [12, 9, 0.5]));
    const letters = [1, 2, 3, 3.5].map((oz) => piece(oz, {}, [9.5, 4.125, 0.1]));
    const res = await mailingCall(t, 'POST', '/v2/mailing/mail_labels', { shipments: [...flats, ...letters, piece(1, {}, [6, 6, 0.1])] });
    assert.equal(res.statusCode, 200, res.body);
    const cents = res.json().labels.map((l: any) => Math.round(l.shipment_cost.amount * 100));
    assert.deepEqual(cents, [163, 190, 217, 244, 271, 298, 325, 352, 379, 406, 433, 460, 487, 74, 103, 132, 161, 123]);
    assert.deepEqual(res.json().labels.at(-1).postage.nonmachinable_surcharge, { currency: 'usd', amount: 0.49 });
    assert.equal(res.json().labels.at(-1).sheet_position.row, 9, 'labels past the first sheet continue on the next page');
    assert.equal(Math.round(res.json().total_cost.amount * 100), cents.reduce((a: number, b: number) => a + b, 0));
  });

  test('NetStamps: stamped prices, unique positions on the 4 x 5 sheet, no addresses needed', async () => {
    const res = await mailingCall(t, 'POST', '/v2/mailing/netstamps', {
      shipments: [stamp(1, 1, { carrier_id: usps }), stamp(5, 4, { carrier_id: usps, packages: [{ package_code: 'large_envelope_or_flat', weight: { value: 3, unit: 'ounce' } }] })],
    });
    assert.equal(res.statusCode, 200, res.body);
    const body = res.json();
    assert.deepEqual(
      body.labels.map((l: any) => [l.mail_class, l.postage.price_type, l.shipment_cost.amount, l.sheet_position, l.intelligent_mail_barcode]),
      [
        ['letter', 'stamped', 0.78, { row: 1, column: 1 }, null],
        ['flat', 'stamped', 2.17, { row: 5, column: 4 }, null],
      ],
    );
    const duplicate = await mailingCall(t, 'POST', '/v2/mailing/netstamps', { shipments: [stamp(2, 2), stamp(2, 2)] });
    assertFieldError(duplicate, 'shipments[1].advanced_options.netstamps_options');
    assertFieldError(await mailingCall(t, 'POST', '/v2/mailing/netstamps', { shipments: [stamp(6, 1)] }), 'shipments[0].advanced_options.netstamps_options');
    const full = Array.from({ length: 21 }, () => ({ service_code: 'usps_first_class_mail' }));
    assertFieldError(await mailingCall(t, 'POST', '/v2/mailing/netstamps', { shipments: full }), 'shipments');
  });

  test('insufficient funds: 400 insufficient_funds, no mailing or piece stored, nothing debited', async () => {
    poor = await register(t, 'stamps_com', other);
    await addFunds(t, poor, 1, other);
    const mailings = await countRows(t, 'mailings');
    const pieces = await countRows(t, 'mail_pieces');
    const res = await mailingCall(t, 'POST', '/v2/mailing/netstamps', { shipments: [stamp(1, 1, { carrier_id: poor }), stamp(1, 2, { carrier_id: poor })] }, other);
    assert.equal(res.statusCode, 400, res.body);
    assert.equal(res.json().errors[0].error_code, 'insufficient_funds');
    assert.match(res.json().errors[0].message, /Insufficient funds: .* balance is \$1\.00 and these 2 NetStamps cost \$1\.56/);
    assert.equal(await countRows(t, 'mailings'), mailings);
    assert.equal(await countRows(t, 'mail_pieces'), pieces);
    assert.equal(await balanceOf(t, poor, other), 1);
  });

  test('concurrent purchases never overdraw: with $1.00, one of two 78c NetStamps goes through', async () => {
    const mailings = await countRows(t, 'mailings');
    const results = await Promise.all([1, 2].map((column) => mailingCall(t, 'POST', '/v2/mailing/netstamps', { shipments: [stamp(1, column, { carrier_id: poor })] }, other)));
    assert.deepEqual(results.map((r) => r.statusCode).sort(), [200, 400]);
    assert.equal(results.find((r) => r.statusCode === 400)!.json().errors[0].error_code, 'insufficient_funds');
    assert.equal(await countRows(t, 'mailings'), mailings + 1);
    assert.equal(await balanceOf(t, poor, other), 0.22);
  });

  test('bad input: field-level V2 errors, nothing stored', async () => {
    const mailings = await countRows(t, 'mailings');
    const post = (path: string, body: unknown) => mailingCall(t, 'POST', `/v2/mailing/${path}`, body);
    assertFieldError(await post('envelopes', { shipment: piece(4) }), 'shipments[0].packages[0].weight');
    assertFieldError(await post('envelopes', { shipment: piece(2, {}, [12, 9, 0.5]) }), 'shipments[0].packages[0].dimensions');
    assertFieldError(await post('envelopes', { shipment: piece(2, {}, undefined, 'large_envelope_or_flat') }), 'shipments[0].packages[0]');
    assertFieldError(await post('envelopes', { shipment: { ...piece(1), packages: [{}] } }), 'shipments[0].packages[0].weight', 'field_value_required');
    assertFieldError(await post('envelopes', {}), 'shipment', 'field_value_required');
    assertFieldError(await post('mail_labels', { shipments: [piece(14, {}, undefined, 'large_envelope_or_flat')] }), 'shipments[0].packages[0].weight');
    assertFieldError(await post('mail_labels', { shipments: [piece(1, {}, [16, 12, 0.5])] }), 'shipments[0].packages[0].dimensions');
    assertFieldError(await post('mail_labels', { shipments: [piece(1, {}, [4, 3, 0.1])] }), 'shipments[0].packages[0].dimensions');
    assertFieldError(await post('mail_labels', { shipments: [piece(1, { service_code: 'usps_priority_mail' })] }), 'shipments[0].service_code');
    assertFieldError(await post('mail_labels', { shipments: [piece(1, { ship_to: toronto })] }), 'shipments[0].ship_to.country_code');
    const wrongZip = { ...piece(1).ship_to, postal_code: '90210' };
    assertFieldError(await post('mail_labels', { shipments: [piece(1, { ship_to: wrongZip })] }), 'shipments[0].ship_to', 'invalid_address');
    assertFieldError(await post('mail_labels', { shipments: [piece(1, { ship_to: undefined })] }), 'shipments[0].ship_to', 'field_value_required');
    assertFieldError(await post('mail_labels', { shipments: [piece(1)], mailing_options: { start_row: 6 } }), 'mailing_options');
    const ups = (await mailingCall(t, 'GET', '/v2/carriers')).json().carriers.find((c: any) => c.carrier_code === 'ups').carrier_id;
    assertFieldError(await post('mail_labels', { shipments: [piece(1, { carrier_id: ups })] }), 'shipments[0].carrier_id');
    assertFieldError(await post('mail_labels', { shipments: [piece(1, { carrier_id: usps }), piece(1, { carrier_id: 'se-999999' })] }), 'shipments[1].carrier_id');
    assertFieldError(await post('netstamps', { shipments: [] }), 'shipments');
    assertFieldError(await post('netstamps', { shipments: [stamp(1, 1, { packages: [{ weight: { value: -1, unit: 'ounce' } }] })] }), 'shipments[0].packages[0].weight.value');
    assertFieldError(await mailingCall(t, 'POST', '/v2/mailing/envelopes', { shipment: piece(1, { carrier_id: usps }) }, other), 'shipments[0].carrier_id', 'carrier_not_connected');
    assert.equal(await countRows(t, 'mailings'), mailings);
  });

  test('mailing is V2 only: ShipEngine /v1 has no such paths', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/v1/mailing/envelopes', payload: { shipment: piece(1) }, headers: { 'api-key': 'TEST_api_key_for_shipdock_tests' } });
    assert.equal(res.statusCode, 404);
  });
});
