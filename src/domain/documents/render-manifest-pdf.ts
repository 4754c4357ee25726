/// <reference types="pdfkit" />
// End-of-day manifest on US Letter, laid out like USPS PS Form 5630 (SCAN form): shipper, date,
// pieces by service, and a Code 128 barcode of the form id that the driver scans to accept them all.
import { newPdfDocument } from './pdf-document.ts';
import { linearBarRects } from './barcode-geometry.ts';
import { CODE128_QUIET_ZONE_MODULES, encodeLinear } from './barcode-symbols.ts';
import { LABEL_DPI } from './label-elements.ts';
import { addressLines } from './label-text.ts';
import { finishPdf } from './pdf-buffer.ts';
import { fillRects } from './pdf-rects.ts';
import { writeFitted } from './pdf-text.ts';
import type { PostalAddress } from '../shipping-types.ts';

export interface ManifestPiece {
  serviceCode: string;
  serviceName: string;
  trackingNumber: string;
}

export interface ManifestDocumentInput {
  formId: string;
  manifestId: string;
  submissionId: string;
  carrierCode: string;
  carrierName: string;
  shipDate: string;
  createdAt: string;
  shipper: PostalAddress;
  pieces: ManifestPiece[];
}

const PAGE_WIDTH = 612;
const PAGE_HEIGHT = 792;
const MARGIN = 40;
const INNER_WIDTH = PAGE_WIDTH - 2 * MARGIN;
/** Three printer dots per module at 203 dpi: wide enough for a hand scanner off a laser print. */
const BARCODE_MODULE_PT = (3 * 72) / LABEL_DPI;
const BARCODE_HEIGHT = 54;
const ROW_HEIGHT = 14;
const TRACKING_COLUMNS = 3;
const FIRST_PAGE_TRACKING_TOP = 520;
const LATER_PAGE_TRACKING_TOP = 96;
const TRACKING_BOTTOM = PAGE_HEIGHT - 90;

const USPS_CARRIERS = new Set(['stamps_com', 'usps', 'endicia', 'usps_walleted']);

interface TextOptions {
  size: number;
  bold?: boolean;
  width?: number;
  align?: 'left' | 'center' | 'right';
}

function write(doc: PDFKit.PDFDocument, content: string, x: number, y: number, options: TextOptions): void {
  writeFitted(doc, content, x, y, { ...options, width: options.width ?? INNER_WIDTH, minSize: Math.min(6, options.size) });
}

function rule(doc: PDFKit.PDFDocument, y: number, weight = 0.8): void {
  doc.lineWidth(weight).moveTo(MARGIN, y).lineTo(PAGE_WIDTH - MARGIN, y).stroke('black');
}

function titleOf(input: ManifestDocumentInput): { heading: string; form: string } {
  return USPS_CARRIERS.has(input.carrierCode)
    ? { heading: 'SHIPMENT CONFIRMATION ACCEPTANCE NOTICE', form: 'PS Form 5630 - USPS SCAN Form' }
    : { heading: 'END OF DAY MANIFEST', form: `${input.carrierName} pickup summary` };
}

function drawHeader(doc: PDFKit.PDFDocument, input: ManifestDocumentInput, page: string): void {
  const { heading, form } = titleOf(input);
  write(doc, heading, MARGIN, MARGIN, { size: 15, bold: true });
  write(doc, form, MARGIN, MARGIN + 19, { size: 9 });
  write(doc, page, MARGIN, MARGIN + 19, { size: 9, align: 'right' });
  rule(doc, MARGIN + 34, 1.5);
}

/** The form id as Code 128, centred, with its human-readable line under it. */
function drawBarcode(doc: PDFKit.PDFDocument, formId: string, top: number): void {
  const pattern = encodeLinear('code128', formId);
  const width = pattern.totalModules * BARCODE_MODULE_PT;
  const x = MARGIN + Math.max(CODE128_QUIET_ZONE_MODULES * BARCODE_MODULE_PT, (INNER_WIDTH - width) / 2);
  fillRects(doc, linearBarRects(pattern.runs, BARCODE_MODULE_PT, BARCODE_HEIGHT), x, top);
  write(doc, formId, MARGIN, top + BARCODE_HEIGHT + 4, { size: 10, bold: true, align: 'center' });
}

function drawParties(doc: PDFKit.PDFDocument, input: ManifestDocumentInput, top: number): void {
  const half = INNER_WIDTH / 2 - 8;
  write(doc, 'MAILER / SHIPPER', MARGIN, top, { size: 8, bold: true, width: half });
  const shipper = [...addressLines(input.shipper, true), input.shipper.phone ?? ''].filter(Boolean).slice(0, 8);
  shipper.forEach((line, i) => write(doc, line, MARGIN, top + 12 + i * 12, { size: 10, width: half }));

  const right = MARGIN + INNER_WIDTH / 2 + 8;
  const facts: [string, string][] = [
    ['Date of mailing', input.shipDate],
    ['Carrier', input.carrierName],
    ['Form ID', input.formId],
    ['Manifest ID', input.manifestId],
    ['Electronic file no.', input.submissionId],
    ['Total pieces', String(input.pieces.length)],
    ['Prepared', input.createdAt.replace('T', ' ').replace(/\.\d+Z$/, 'Z')],
  ];
  facts.forEach(([caption, value], i) => {
    write(doc, caption, right, top + 12 + i * 12, { size: 9, bold: true, width: 100 });
    write(doc, value, right + 102, top + 12 + i * 12, { size: 10, width: half - 102 });
  });
}

function drawServiceTable(doc: PDFKit.PDFDocument, input: ManifestDocumentInput, top: number): number {
  const counts = new Map<string, { name: string; pieces: number }>();
  for (const piece of input.pieces) {
    const entry = counts.get(piece.serviceCode) ?? { name: piece.serviceName, pieces: 0 };
    entry.pieces += 1;
    counts.set(piece.serviceCode, entry);
  }
  write(doc, 'PIECES BY SERVICE', MARGIN, top, { size: 8, bold: true });
  rule(doc, top + 12);
  write(doc, 'Service', MARGIN, top + 16, { size: 9, bold: true, width: 300 });
  write(doc, 'Code', MARGIN + 300, top + 16, { size: 9, bold: true, width: 140 });
  write(doc, 'Pieces', MARGIN + 440, top + 16, { size: 9, bold: true, width: INNER_WIDTH - 440, align: 'right' });
  let y = top + 16 + ROW_HEIGHT;
  // Six services fit the first page; more would be a carrier with an unusual catalogue.
  for (const [code, entry] of [...counts.entries()].slice(0, 6)) {
    write(doc, entry.name, MARGIN, y, { size: 10, width: 296 });
    write(doc, code, MARGIN + 300, y, { size: 10, width: 136 });
    write(doc, String(entry.pieces), MARGIN + 440, y, { size: 10, width: INNER_WIDTH - 440, align: 'right' });
    y += ROW_HEIGHT;
  }
  rule(doc, y + 2);
  write(doc, 'Total', MARGIN, y + 6, { size: 10, bold: true, width: 300 });
  write(doc, String(input.pieces.length), MARGIN + 440, y + 6, { size: 10, bold: true, width: INNER_WIDTH - 440, align: 'right' });
  return y + 6 + ROW_HEIGHT;
}

function drawCertification(doc: PDFKit.PDFDocument): void {
  const y = PAGE_HEIGHT - 76;
  rule(doc, y);
  write(doc, 'Acceptance employee: I certify that all pieces listed on this form were received.', MARGIN, y + 6, { size: 8 });
  write(doc, 'Signature ____________________________', MARGIN, y + 26, { size: 9, width: 300 });
  write(doc, 'Date and time ____________________', MARGIN + 320, y + 26, { size: 9, width: INNER_WIDTH - 320 });
}

function trackingRowsPerPage(top: number): number {
  return Math.floor((TRACKING_BOTTOM - top) / ROW_HEIGHT);
}

/** Pieces per page: the first page has the summary above its list. */
function paginate(pieces: ManifestPiece[]): ManifestPiece[][] {
  const pages: ManifestPiece[][] = [];
  let rest = pieces;
  let capacity = trackingRowsPerPage(FIRST_PAGE_TRACKING_TOP + 16) * TRACKING_COLUMNS;
  do {
    pages.push(rest.slice(0, capacity));
    rest = rest.slice(capacity);
    capacity = trackingRowsPerPage(LATER_PAGE_TRACKING_TOP + 16) * TRACKING_COLUMNS;
  } while (rest.length > 0);
  return pages;
}

function drawTrackingList(doc: PDFKit.PDFDocument, pieces: ManifestPiece[], top: number, startIndex: number): void {
  write(doc, 'PACKAGE IDENTIFICATION NUMBERS', MARGIN, top, { size: 8, bold: true });
  rule(doc, top + 12);
  const rows = Math.ceil(pieces.length / TRACKING_COLUMNS);
  const columnWidth = INNER_WIDTH / TRACKING_COLUMNS;
  pieces.forEach((piece, i) => {
    const column = Math.floor(i / Math.max(1, rows));
    const row = i % Math.max(1, rows);
    write(doc, `${startIndex + i + 1}. ${piece.trackingNumber}`, MARGIN + column * columnWidth, top + 16 + row * ROW_HEIGHT, { size: 9, width: columnWidth - 6 });
  });
}

export async function renderManifestPdf(input: ManifestDocumentInput): Promise<Buffer> {
  const doc = newPdfDocument({
    autoFirstPage: false,
    info: { Title: `Manifest ${input.formId}`, Creator: 'Shipdock', Producer: 'Shipdock' },
  });
  const pages = paginate(input.pieces);
  let printed = 0;
  pages.forEach((pieces, index) => {
    doc.addPage({ size: [PAGE_WIDTH, PAGE_HEIGHT], margin: 0 });
    drawHeader(doc, input, `Page ${index + 1} of ${pages.length}`);
    if (index === 0) {
      drawBarcode(doc, input.formId, MARGIN + 48);
      rule(doc, MARGIN + 132);
      drawParties(doc, input, MARGIN + 140);
      const after = drawServiceTable(doc, input, MARGIN + 250);
      drawTrackingList(doc, pieces, Math.max(after + 8, FIRST_PAGE_TRACKING_TOP), printed);
    } else {
      drawTrackingList(doc, pieces, LATER_PAGE_TRACKING_TOP, printed);
    }
    printed += pieces.length;
    drawCertification(doc);
  });
  return finishPdf(doc);
}
