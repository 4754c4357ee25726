/// <reference types="pdfkit" />
// Barcodes as one filled path of rectangles. pdfkit's `rect()` makes a string and a Buffer per
// rectangle, and a UPS label's MaxiCode and bars are ~2,800 of them: written as one piece of
// content instead, a one-label PDF renders ~30% faster. The bytes are what `rect()` writes
// (pdfkit's number rounding, one operator per line).
import type { Rect } from './barcode-geometry.ts';

/** pdfkit's PDFObject.number: six decimals at most; NaN, infinities and huge values refused. */
function pdfNumber(n: number): number {
  if (n > -1e21 && n < 1e21) return Math.round(n * 1e6) / 1e6;
  throw new Error(`unsupported number: ${n}`);
}

/** Fills `rects`, offset by (x, y), in black. */
export function fillRects(doc: PDFKit.PDFDocument, rects: Iterable<Rect>, x = 0, y = 0): void {
  let path = '';
  for (const r of rects) path += `${pdfNumber(x + r.x)} ${pdfNumber(y + r.y)} ${pdfNumber(r.width)} ${pdfNumber(r.height)} re\n`;
  if (path) doc.addContent(path.slice(0, -1));
  doc.fill('black');
}
