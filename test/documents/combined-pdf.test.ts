// Combined label PDFs framed on this thread from page streams drawn on the pool: pages, halves and
// barcodes as a pdfkit document of the same labels would have them, whichever slices the labels came in.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CombinedPdf } from '../../src/domain/documents/combined-pdf.ts';
import { renderOnPool } from '../../src/domain/documents/index.ts';
import { labelsByCarrier } from './label-fixtures.ts';
import { decodeCode128, pdfMediaBoxes, pdfText, rasterisePdf, requireTool, scratchDir, trackingBarcodes } from './document-tools.ts';

async function combined(layout: '4x6' | 'letter', slices: number[][]): Promise<{ pdf: Buffer; sheets: number }> {
  const chunks: Buffer[] = [];
  const pdf = new CombinedPdf((chunk) => chunks.push(chunk), layout, { title: 'Shipping labels (test)', createdAt: '2026-12-07T06:00:00.000Z' });
  let slot = 0;
  for (const slice of slices) {
    const inputs = slice.map((i) => labelsByCarrier[i]);
    const pages = await renderOnPool({ kind: 'label-pages', inputs, layout, firstSlot: slot });
    slot += inputs.length;
    assert.equal(pages.lengths.length, inputs.length);
    let at = 0;
    for (const length of pages.lengths) {
      pdf.addLabel(pages.bytes.subarray(at, at + length), pages.fonts);
      at += length;
    }
  }
  const sheets = pdf.end();
  return { pdf: Buffer.concat(chunks), sheets };
}

const tracking = (i: number) => labelsByCarrier[i].trackingNumber.replace(/\s+/g, '');

test('4x6: a page per label, in order, each barcode readable', async (t) => {
  const { pdf, sheets } = await combined('4x6', [[0, 1], [2, 3]]);
  assert.equal(sheets, 4);
  assert.deepEqual(pdfMediaBoxes(pdf), Array(4).fill([0, 0, 288, 432]));
  assert.equal([...pdf.toString('latin1').matchAll(/\/Type \/Page\b/g)].length, 4);
  if (!requireTool(t, 'pdftoppm', 'poppler-utils') || !requireTool(t, 'zbarimg', 'zbar-tools')) return;
  const dir = scratchDir(t);
  const pages = rasterisePdf(pdf, dir);
  const codes = pages.map((page) => trackingBarcodes(decodeCode128(page)));
  [0, 1, 2, 3].forEach((label, page) => assert.ok(codes[page].some((c) => c.includes(tracking(label))), `page ${page + 1}: ${codes[page]}`));
  assert.match(pdfText(pdf, dir), /WEST HOLLYWOOD/);
});

test('letter: two labels a sheet, a sheet shared across slices, an odd last label alone', async (t) => {
  const { pdf, sheets } = await combined('letter', [[0, 1, 2], [3], [0]]);
  assert.equal(sheets, 3);
  assert.deepEqual(pdfMediaBoxes(pdf), Array(3).fill([0, 0, 612, 792]));
  if (!requireTool(t, 'pdftoppm', 'poppler-utils') || !requireTool(t, 'zbarimg', 'zbar-tools')) return;
  const pages = rasterisePdf(pdf, scratchDir(t));
  const codes = pages.map((page) => trackingBarcodes(decodeCode128(page)));
  [[0, 1], [2, 3], [0]].forEach((labels, page) => {
    for (const label of labels) assert.ok(codes[page].some((c) => c.includes(tracking(label))), `sheet ${page + 1}: ${codes[page]}`);
  });
  assert.ok(!codes[2].some((c) => c.includes(tracking(1))));
});

test('an empty combined PDF is refused', () => {
  const pdf = new CombinedPdf(() => {}, '4x6', { title: 'x', createdAt: '2026-12-07T06:00:00.000Z' });
  assert.throws(() => pdf.end(), /at least one label/);
});
