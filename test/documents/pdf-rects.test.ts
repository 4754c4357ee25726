// fillRects writes a barcode's rectangles as one piece of page content: it must be what pdfkit's
// own rect() calls write, number formatting included, so labels look the same either way.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { newPdfDocument } from '../../src/domain/documents/pdf-document.ts';
import { fillRects } from '../../src/domain/documents/pdf-rects.ts';

const rects = [
  { x: 0, y: 0, width: 2, height: 1 },
  { x: 1 / 3, y: 12.5, width: 0.1234567, height: 203 / 72 },
  { x: -4.0000004, y: 1e-7, width: 1e6 + 0.25, height: 3 },
];

function pageContent(draw: (doc: PDFKit.PDFDocument) => void): string {
  const doc = newPdfDocument({ autoFirstPage: false, compress: false });
  doc.addPage({ size: [288, 432], margin: 0 });
  draw(doc);
  const page = (doc as unknown as { page: { content: { buffer: Buffer[] } } }).page;
  return Buffer.concat(page.content.buffer).toString('latin1');
}

test('fillRects writes what pdfkit rect() and fill() write, offset included', () => {
  const byPdfkit = pageContent((doc) => {
    for (const r of rects) doc.rect(10.5 + r.x, 20.25 + r.y, r.width, r.height);
    doc.fill('black');
  });
  const byFillRects = pageContent((doc) => fillRects(doc, rects, 10.5, 20.25));
  assert.equal(byFillRects, byPdfkit);
  assert.match(byFillRects, /10\.833333 32\.75 0\.123457 2\.819444 re\n/);
});

test('no rectangles: only the fill, as pdfkit writes it', () => {
  assert.equal(
    pageContent((doc) => fillRects(doc, [])),
    pageContent((doc) => doc.fill('black')),
  );
});

test('a coordinate pdfkit refuses (NaN, infinite, beyond 1e21) is refused here too', () => {
  for (const bad of [Number.NaN, Number.POSITIVE_INFINITY, 1e21]) {
    const doc = newPdfDocument({ autoFirstPage: false, compress: false });
    doc.addPage({ size: [288, 432], margin: 0 });
    assert.throws(() => doc.rect(bad, 0, 1, 1), /unsupported number/);
    assert.throws(() => fillRects(doc, [{ x: bad, y: 0, width: 1, height: 1 }]), /unsupported number/);
  }
});
