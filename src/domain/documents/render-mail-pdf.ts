/// <reference types="pdfkit" />
// Mailing documents: a #10 envelope (9.5 x 4.125 in), a letter sheet of 2 x 5 address labels
// (4 x 2 in, Avery 5163 layout) and a letter sheet of 4 x 5 NetStamps (1.75 x 1 in each).
import { newPdfDocument } from './pdf-document.ts';
import { addressLines } from './label-text.ts';
import { finishPdf } from './pdf-buffer.ts';
import { drawImb, drawIndicium, writeLine, type IndiciumFields } from './postage-indicia.ts';
import type { PostalAddress } from '../shipping-types.ts';

export interface MailPieceDocument {
  shipFrom: PostalAddress | null;
  shipTo: PostalAddress | null;
  indicium: IndiciumFields;
  /** The 31 (or 25/20) IMb digits; null when the piece has no recipient (NetStamps). */
  imbDigits: string | null;
  /** 1-based sheet position. */
  row: number;
  column: number;
}

import { ENVELOPE_IMB_AT, ENVELOPE_SIZE_PT, MAIL_LABEL_IMB_AT, MAIL_LABEL_SHEET, NETSTAMPS_SHEET } from './mail-sheets.ts';

export { ENVELOPE_IMB_AT, ENVELOPE_SIZE_PT, MAIL_LABEL_IMB_AT, MAIL_LABEL_SHEET, NETSTAMPS_SHEET };
const LETTER_PAGE = { width: 612, height: 792 };

function newDoc(size: [number, number], title: string): PDFKit.PDFDocument {
  return newPdfDocument({ size, margin: 0, autoFirstPage: false, info: { Title: title, Producer: 'Shipdock' } });
}

function writeAddress(doc: PDFKit.PDFDocument, address: PostalAddress, x: number, y: number, size: number, width: number): number {
  const lines = addressLines(address, address.countryCode.toUpperCase() !== 'US').map((l) => l.toUpperCase());
  lines.forEach((line, i) => writeLine(doc, line, x, y + i * size * 1.2, size, width, i === 0));
  return y + lines.length * size * 1.2;
}

export async function renderEnvelopePdf(piece: MailPieceDocument): Promise<Buffer> {
  const { width, height } = ENVELOPE_SIZE_PT;
  const doc = newDoc([width, height], 'Envelope #10');
  doc.addPage();
  if (piece.shipFrom) writeAddress(doc, piece.shipFrom, 18, 18, 8, 250);
  drawIndicium(doc, piece.indicium, width - 18 - 170, 14, 170, 72);
  // Recipient block in the OCR read area, the IMb right above it (DMM 202.5).
  const { x, y } = ENVELOPE_IMB_AT;
  if (piece.imbDigits) drawImb(doc, piece.imbDigits, x, y);
  if (piece.shipTo) writeAddress(doc, piece.shipTo, x, y + 16, 10, 380);
  return finishPdf(doc);
}

export async function renderMailLabelsPdf(pieces: MailPieceDocument[]): Promise<Buffer> {
  const s = MAIL_LABEL_SHEET;
  const doc = newDoc([LETTER_PAGE.width, LETTER_PAGE.height], 'Mail labels');
  let page = -1;
  for (const piece of pieces) {
    const sheet = Math.floor(((piece.row - 1) * s.columns + piece.column - 1) / (s.rows * s.columns));
    while (page < sheet) {
      doc.addPage();
      page++;
    }
    const slot = ((piece.row - 1) * s.columns + piece.column - 1) % (s.rows * s.columns);
    const x = s.left + (slot % s.columns) * (s.width + s.gutter);
    const y = s.top + Math.floor(slot / s.columns) * s.height;
    doc.lineWidth(0.3).roundedRect(x, y, s.width, s.height, 6).stroke('#999999');
    if (piece.shipFrom) writeAddress(doc, piece.shipFrom, x + 8, y + 8, 6, 140);
    drawIndicium(doc, piece.indicium, x + s.width - 8 - 118, y + 6, 118, 50);
    if (piece.imbDigits) drawImb(doc, piece.imbDigits, x + MAIL_LABEL_IMB_AT.x, y + MAIL_LABEL_IMB_AT.y);
    if (piece.shipTo) writeAddress(doc, piece.shipTo, x + MAIL_LABEL_IMB_AT.x, y + MAIL_LABEL_IMB_AT.y + 14, 8, 236);
  }
  return finishPdf(doc);
}

export async function renderNetStampsPdf(pieces: MailPieceDocument[]): Promise<Buffer> {
  const s = NETSTAMPS_SHEET;
  const doc = newDoc([LETTER_PAGE.width, LETTER_PAGE.height], 'NetStamps');
  doc.addPage();
  for (const piece of pieces) {
    const x = s.left + (piece.column - 1) * (s.width + s.gapX);
    const y = s.top + (piece.row - 1) * (s.height + s.gapY);
    doc.lineWidth(0.3).roundedRect(x - 4, y - 4, s.width + 8, s.height + 8, 4).stroke('#999999');
    drawIndicium(doc, piece.indicium, x, y, s.width, s.height);
  }
  return finishPdf(doc);
}
