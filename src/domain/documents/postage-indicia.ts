/// <reference types="pdfkit" />
// The printed-postage indicium every mail piece carries: postage, date, origin ZIP, class and a
// Data Matrix (as USPS IBI indicia have), plus the IMb drawn under a recipient address.
import { encodeMatrix } from './barcode-symbols.ts';
import { matrixRects } from './barcode-geometry.ts';
import { imbBarRects } from './intelligent-mail-barcode.ts';
import { formatCents } from './label-text.ts';
import { fillRects } from './pdf-rects.ts';
import { writeFitted } from './pdf-text.ts';

export interface IndiciumFields {
  cents: number;
  date: string;
  originZip: string;
  mailClass: 'letter' | 'flat';
  serial: string;
  data: string;
}

/** One line of Helvetica whose top is at y, shrunk to fit its width. */
export function writeLine(doc: PDFKit.PDFDocument, text: string, x: number, y: number, size: number, width: number, bold = false): void {
  writeFitted(doc, text, x, y, { size, width, bold, minSize: Math.min(4.5, size) });
}

/** Data Matrix with its top-left corner at (x, y), `size` points square. */
export function drawDataMatrix(doc: PDFKit.PDFDocument, data: string, x: number, y: number, size: number): void {
  const pattern = encodeMatrix('datamatrix', data);
  const module = size / Math.max(pattern.columns, pattern.rows);
  fillRects(doc, matrixRects(pattern.cells, pattern.columns, pattern.rows, module, module * pattern.rowHeightModules), x, y);
}

export function drawImb(doc: PDFKit.PDFDocument, digits: string, x: number, y: number): void {
  fillRects(doc, imbBarRects(digits), x, y);
}

/** Where the Data Matrix sits inside an indicium block of this size (offsets and side, points). */
export function indiciumMatrixBox(width: number, height: number): { dx: number; dy: number; size: number } {
  return { dx: 4, dy: 4, size: Math.min(height - 8, width * 0.42) };
}

/** The indicium block, `width` x `height` points, top-left at (x, y). */
export function drawIndicium(doc: PDFKit.PDFDocument, fields: IndiciumFields, x: number, y: number, width: number, height: number): void {
  doc.lineWidth(0.8).rect(x, y, width, height).stroke('black');
  const box = indiciumMatrixBox(width, height);
  const matrix = box.size;
  drawDataMatrix(doc, fields.data, x + box.dx, y + box.dy, matrix);
  const tx = x + matrix + 8;
  const tw = width - matrix - 12;
  const line = height / 6;
  writeLine(doc, 'US POSTAGE', tx, y + 3, Math.min(8, line), tw, true);
  writeLine(doc, formatCents(fields.cents), tx, y + 3 + line, Math.min(11, line * 1.3), tw, true);
  writeLine(doc, `FIRST-CLASS MAIL ${fields.mailClass === 'flat' ? 'FLAT' : 'LETTER'}`, tx, y + 4 + line * 2.3, Math.min(6.5, line), tw);
  writeLine(doc, fields.date, tx, y + 4 + line * 3.2, Math.min(6.5, line), tw);
  writeLine(doc, `ZIP ${fields.originZip || '-'}`, tx, y + 4 + line * 4.1, Math.min(6.5, line), tw);
  writeLine(doc, fields.serial, tx, y + 4 + line * 5, Math.min(5.5, line), tw);
}
