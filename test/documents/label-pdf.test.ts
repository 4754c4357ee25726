import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderLabelPdf } from '../../src/domain/documents/render-label-pdf.ts';
import { standardFontText } from '../../src/domain/documents/pdf-standard-font-text.ts';
import { decodeCode128, pdfMediaBoxes, pdfText, rasterisePdf, requireTool, scratchDir } from './document-tools.ts';
import { expectedScans, fedexLabel, labelsByCarrier, USPS_IMPB_SCAN, uspsLabel } from './label-fixtures.ts';


test('4x6 PDF has one 288 x 432 pt page per package', async () => {
  const pdf = await renderLabelPdf([...labelsByCarrier], { layout: '4x6' });
  assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
  assert.ok(pdf.subarray(-8).toString('latin1').includes('%%EOF'));
  assert.deepEqual(pdfMediaBoxes(pdf), labelsByCarrier.map(() => [0, 0, 288, 432]));
});

test('letter PDF puts two labels on each 612 x 792 pt page', async () => {
  const pdf = await renderLabelPdf([...labelsByCarrier, uspsLabel], { layout: 'letter' });
  assert.deepEqual(pdfMediaBoxes(pdf), [
    [0, 0, 612, 792],
    [0, 0, 612, 792],
    [0, 0, 612, 792],
  ]);
});

test('a PDF needs at least one package', async () => {
  await assert.rejects(renderLabelPdf([], { layout: '4x6' }), /at least one package/);
});

test('4x6 PDF barcodes scan at 203 dpi, one carrier per page', async (t) => {
  if (!requireTool(t, 'pdftoppm', 'poppler-utils') || !requireTool(t, 'zbarimg', 'zbar-tools')) return;
  const pages = rasterisePdf(await renderLabelPdf([...labelsByCarrier], { layout: '4x6' }), scratchDir(t));
  assert.equal(pages.length, labelsByCarrier.length);
  const decoded = pages.map(decodeCode128);
  assert.match(decoded[0].join(), USPS_IMPB_SCAN);
  assert.deepEqual(decoded.slice(1).map((codes) => codes.sort()), labelsByCarrier.slice(1).map((input) => expectedScans.get(input)));
});

test('letter PDF barcodes scan for both labels of a page', async (t) => {
  if (!requireTool(t, 'pdftoppm', 'poppler-utils') || !requireTool(t, 'zbarimg', 'zbar-tools')) return;
  const pages = rasterisePdf(await renderLabelPdf(labelsByCarrier.slice(1, 4), { layout: 'letter' }), scratchDir(t));
  assert.equal(pages.length, 2);
  assert.deepEqual(decodeCode128(pages[0]).sort(), labelsByCarrier.slice(1, 3).flatMap((input) => expectedScans.get(input)!).sort());
  assert.deepEqual(decodeCode128(pages[1]).sort(), expectedScans.get(labelsByCarrier[3]));
});

test('PDF text is real text: banner, tracking number and test marker are extractable', async (t) => {
  if (!requireTool(t, 'pdftotext', 'poppler-utils')) return;
  const text = pdfText(await renderLabelPdf([fedexLabel], { layout: '4x6' }), scratchDir(t));
  for (const expected of ['FEDEX 2DAY®', '7700 0000 0017', 'TEST LABEL - DO NOT SHIP', 'WEST HOLLYWOOD CA 90069']) {
    assert.ok(text.includes(expected), `missing "${expected}"`);
  }
});

test('text outside Windows-1252 is reduced to printable characters, never mojibake', async (t) => {
  assert.equal(standardFontText('Zoë Łódź 王 – €5'), 'Zoë ?ódz ? – €5');
  if (!requireTool(t, 'pdftotext', 'poppler-utils')) return;
  const label = { ...uspsLabel, shipTo: { ...uspsLabel.shipTo, name: 'Zoë Łódź' } };
  assert.ok(pdfText(await renderLabelPdf([label], { layout: '4x6' }), scratchDir(t)).includes('ZOË ?ÓDZ'));
});
