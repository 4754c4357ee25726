// The barcodes as printed: zbar reads neither the 4-state IMb nor Data Matrix, so the rendered PDFs
// are rasterised with pdftoppm and read back module by module, then compared with what bwip-js
// encodes for the stored data (the IMb's tracking code + routing ZIP, the NetStamp's indicium).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../helpers/server.ts';
import { requireTool, scratchDir } from '../documents/document-tools.ts';
import { addFunds, register } from '../funds/helpers.ts';
import { imbFor, imbText, mailerIdOf, routingZip } from '../../src/domain/mailing/imb.ts';
import { imbStates, IMB_HEIGHT_PT, type BarState } from '../../src/domain/documents/intelligent-mail-barcode.ts';
import { encodeMatrix } from '../../src/domain/documents/barcode-symbols.ts';
import { indiciumMatrixBox } from '../../src/domain/documents/postage-indicia.ts';
import { ENVELOPE_IMB_AT, MAIL_LABEL_IMB_AT, MAIL_LABEL_SHEET, NETSTAMPS_SHEET } from '../../src/domain/documents/render-mail-pdf.ts';
import { brooklyn as brooklynFixture } from '../shipping/fixtures.ts';

const brooklyn = { ...brooklynFixture, address_residential_indicator: 'yes' as const };
import { mailingCall, piece, rasterRegion, stamp } from './helpers.ts';
import { fromV2Address } from '../../src/api/v2/shared/address.ts';

test('IMb data: barcode id 00, STID 300, a 6-digit Mailer ID, the piece serial, the routing ZIP', () => {
  const imb = imbFor(42, 1234, fromV2Address(brooklyn));
  assert.equal(imb.trackingCode, '00300100042000001234');
  assert.equal(imb.routingCode, '11201');
  assert.equal(routingZip(fromV2Address({ ...brooklyn, postal_code: '11201-3214' })), '112013214');
  for (const account of [1, 799_999, 800_000, 5_000_000]) assert.match(mailerIdOf(account), /^[1-8]\d{5}$/);
  const states = imbStates(imbText(imb));
  assert.equal(states.length, 65);
  assert.notDeepEqual(imbStates(`${imb.trackingCode}11202`), states, 'another ZIP, other bars');
});

/** Reads the 65 bars of an IMb from a grayscale raster whose top edge is the bars' top. */
function readImb(raster: ReturnType<typeof rasterRegion>, topPx: number): BarState[] {
  const { width, pixels, scale } = raster;
  const dark = (x: number, yPt: number) => pixels[Math.round(topPx + yPt * scale) * width + x] < 128;
  // Rows through the ascender-only, tracker and descender-only zones (USPS-B-3200 proportions).
  const top = IMB_HEIGHT_PT * 0.12;
  const middle = IMB_HEIGHT_PT * 0.5;
  const bottom = IMB_HEIGHT_PT * 0.88;
  const states: BarState[] = [];
  let x = 0;
  while (x < width) {
    if (!dark(x, middle)) {
      x++;
      continue;
    }
    const start = x;
    while (x < width && dark(x, middle)) x++;
    const centre = Math.floor((start + x) / 2);
    const up = dark(centre, top);
    const down = dark(centre, bottom);
    states.push(up && down ? 'F' : up ? 'A' : down ? 'D' : 'T');
  }
  return states;
}

describe('barcodes in the rendered mailing documents', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
    await addFunds(t, await register(t, 'stamps_com'), 20);
  });
  after(() => t.close());

  const download = async (href: string) => (await mailingCall(t, 'GET', href.replace('http://shipdock.test', ''))).rawPayload;

  test("the envelope's IMb carries the tracking code and the recipient's ZIP", async (tc) => {
    if (!requireTool(tc, 'pdftoppm', 'poppler-utils')) return;
    const res = await mailingCall(t, 'POST', '/v2/mailing/envelopes', { shipment: piece(1) });
    assert.equal(res.statusCode, 200, res.body);
    const digits: string = res.json().intelligent_mail_barcode;
    assert.equal(digits, `${res.json().tracking_number}11201`);
    const stored = await t.ctx.database.db.selectFrom('mail_pieces').select('imb').where('id', '=', Number(res.json().mail_piece_id.slice(3))).executeTakeFirstOrThrow();
    assert.equal(stored.imb, digits);
    const margin = 4;
    const raster = rasterRegion(await download(res.json().label_download.pdf), scratchDir(tc), {
      x: ENVELOPE_IMB_AT.x - margin,
      y: ENVELOPE_IMB_AT.y - margin,
      width: 240,
      height: IMB_HEIGHT_PT + 2 * margin,
    });
    const printed = readImb(raster, margin * raster.scale);
    assert.equal(printed.length, 65, 'all 65 bars are printed');
    assert.equal(printed.join(''), imbStates(digits).join(''));
  });

  test('each mail label on a sheet carries its own IMb, to its own recipient ZIP', async (tc) => {
    if (!requireTool(tc, 'pdftoppm', 'poppler-utils')) return;
    const queens = { ...brooklyn, name: 'Sam Queens', address_line1: '1 Court Sq', city_locality: 'Long Island City', postal_code: '11101' };
    const res = await mailingCall(t, 'POST', '/v2/mailing/mail_labels', { shipments: [piece(1), piece(1, { ship_to: queens })], mailing_options: { start_row: 3, start_column: 2 } });
    assert.equal(res.statusCode, 200, res.body);
    const pdf = await download(res.json().label_download.pdf);
    const s = MAIL_LABEL_SHEET;
    for (const [label, zip] of [[res.json().labels[0], '11201'], [res.json().labels[1], '11101']] as const) {
      assert.ok(label.intelligent_mail_barcode.endsWith(zip));
      const { row, column } = label.sheet_position;
      const margin = 4;
      const raster = rasterRegion(pdf, scratchDir(tc), {
        x: s.left + (column - 1) * (s.width + s.gutter) + MAIL_LABEL_IMB_AT.x - margin,
        y: s.top + (row - 1) * s.height + MAIL_LABEL_IMB_AT.y - margin,
        width: 232,
        height: IMB_HEIGHT_PT + 2 * margin,
      });
      assert.equal(readImb(raster, margin * raster.scale).join(''), imbStates(label.intelligent_mail_barcode).join(''), `label at ${row}/${column}`);
    }
  });

  test("each NetStamp's Data Matrix holds its indicium: serial, postage, date, origin ZIP, class", async (tc) => {
    if (!requireTool(tc, 'pdftoppm', 'poppler-utils')) return;
    const res = await mailingCall(t, 'POST', '/v2/mailing/netstamps', { shipments: [stamp(2, 3, { ship_from: piece(1).ship_from }), stamp(4, 1)] });
    assert.equal(res.statusCode, 200, res.body);
    const pdf = await download(res.json().label_download.pdf);
    const date = t.ctx.clock.nowIso().slice(0, 10);
    for (const label of res.json().labels) {
      const row = await t.ctx.database.db.selectFrom('mail_pieces').select('body').where('id', '=', Number(label.mail_piece_id.slice(3))).executeTakeFirstOrThrow();
      const data: string = JSON.parse(row.body).indiciumData;
      const origin = label.sheet_position.row === 2 ? '78701' : '00000';
      assert.equal(data, `SHIPDOCK-IBI|SD${label.mail_piece_id.slice(3).padStart(9, '0')}|USD0.78|${date}|${origin}|FCM-LETTER`);

      const { row: r, column: c } = label.sheet_position;
      const box = indiciumMatrixBox(NETSTAMPS_SHEET.width, NETSTAMPS_SHEET.height);
      const x = NETSTAMPS_SHEET.left + (c - 1) * (NETSTAMPS_SHEET.width + NETSTAMPS_SHEET.gapX) + box.dx;
      const y = NETSTAMPS_SHEET.top + (r - 1) * (NETSTAMPS_SHEET.height + NETSTAMPS_SHEET.gapY) + box.dy;
      const raster = rasterRegion(pdf, scratchDir(tc), { x, y, width: box.size, height: box.size });
      const pattern = encodeMatrix('datamatrix', data);
      const module = (box.size * raster.scale) / Math.max(pattern.columns, pattern.rows);
      const read = new Uint8Array(pattern.columns * pattern.rows);
      for (let my = 0; my < pattern.rows; my++) {
        for (let mx = 0; mx < pattern.columns; mx++) {
          const px = Math.floor((mx + 0.5) * module);
          const py = Math.floor((my + 0.5) * module);
          read[my * pattern.columns + mx] = raster.pixels[py * raster.width + px] < 128 ? 1 : 0;
        }
      }
      assert.deepEqual(read, pattern.cells, `stamp at row ${r}, column ${c}`);
    }
  });
});
