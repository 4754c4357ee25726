/// <reference types="pdfkit" />
// CN22 / CN23 customs declaration on a 4x6 page (288 x 432 pt), appended to international labels.
import { newPdfDocument } from './pdf-document.ts';
import {
  buildCustomsDeclaration,
  CUSTOMS_CATEGORIES,
  NON_DELIVERY_OPTIONS,
  type CustomsDeclaration,
  type CustomsFormInput,
  type CustomsLine,
} from './customs-declaration.ts';
import { encodeLinear } from './barcode-symbols.ts';
import { linearBarRects } from './barcode-geometry.ts';
import { LABEL_DPI } from './label-elements.ts';
import { addressLines, formatCents } from './label-text.ts';
import { finishPdf } from './pdf-buffer.ts';
import { fillRects } from './pdf-rects.ts';
import { writeFitted } from './pdf-text.ts';

const PAGE_WIDTH = 288;
const PAGE_HEIGHT = 432;
const MARGIN = 10;
const INNER_WIDTH = PAGE_WIDTH - 2 * MARGIN;
/** Whole printer dots (2 at 203 dpi) so the tracking barcode stays crisp on thermal stock. */
const BARCODE_MODULE_PT = (2 * 72) / LABEL_DPI;
const ROW_HEIGHT = 10;
const TABLE_TOP_FIRST_PAGE = 228;
const TABLE_TOP_LATER_PAGES = 56;
/** Top of the block with totals' fine print, certification, date and signature. */
const BOTTOM_BLOCK_TOP = 338;

const CERTIFICATION =
  'I, the undersigned, whose name and address are given on the item, certify that the particulars given in this ' +
  'declaration are correct and that this item does not contain any dangerous article or articles prohibited by ' +
  'legislation or by postal or customs regulations.';

interface Column {
  title: string;
  width: number;
  align: 'left' | 'right';
  cell(line: CustomsLine): string;
}

const COLUMNS: Column[] = [
  { title: 'Qty', width: 20, align: 'right', cell: (line) => String(line.quantity) },
  { title: 'Description of contents', width: 96, align: 'left', cell: (line) => line.description },
  { title: 'Wt (lb)', width: 32, align: 'right', cell: (line) => (line.weightLb === null ? '' : line.weightLb.toFixed(2)) },
  { title: 'Value (USD)', width: 44, align: 'right', cell: (line) => formatCents(line.valueCents) },
  { title: 'HS tariff no.', width: 48, align: 'left', cell: (line) => line.tariffCode },
  { title: 'Origin', width: 28, align: 'left', cell: (line) => line.countryOfOrigin },
];
const CELL_PADDING = 2;

interface TextOptions {
  size: number;
  bold?: boolean;
  width?: number;
  align?: 'left' | 'center' | 'right';
}

/** One line whose top is at y, shrunk or cut to its width. */
function write(doc: PDFKit.PDFDocument, content: string, x: number, y: number, options: TextOptions): void {
  writeFitted(doc, content, x, y, { ...options, width: options.width ?? INNER_WIDTH, minSize: Math.min(5.5, options.size) });
}

function checkbox(doc: PDFKit.PDFDocument, x: number, y: number, checked: boolean, caption: string): void {
  doc.lineWidth(0.6).rect(x, y, 6, 6).stroke('black');
  if (checked) doc.moveTo(x + 1, y + 1).lineTo(x + 5, y + 5).moveTo(x + 5, y + 1).lineTo(x + 1, y + 5).stroke('black');
  write(doc, caption, x + 9, y - 0.5, { size: 6.5, width: 118 });
}

function rule(doc: PDFKit.PDFDocument, y: number, weight = 0.6): void {
  doc.lineWidth(weight).moveTo(MARGIN, y).lineTo(PAGE_WIDTH - MARGIN, y).stroke('black');
}

function drawHeader(doc: PDFKit.PDFDocument, declaration: CustomsDeclaration, input: CustomsFormInput, page: string): void {
  doc.lineWidth(1).rect(5, 5, PAGE_WIDTH - 10, PAGE_HEIGHT - 10).stroke('black');
  write(doc, 'CUSTOMS DECLARATION', MARGIN, 11, { size: 11, bold: true, width: 190 });
  write(doc, 'May be opened officially', MARGIN, 25, { size: 6.5, width: 190 });
  write(doc, `Designated operator: ${input.carrierName} - ${input.serviceName}`, MARGIN, 33, { size: 6.5, width: 190 });
  doc.lineWidth(1.5).rect(206, 10, 72, 30).stroke('black');
  write(doc, declaration.formType.replace('CN', 'CN '), 206, 16, { size: 16, bold: true, width: 72, align: 'center' });
  write(doc, page, 206, 42, { size: 5.5, width: 72, align: 'right' });
}

function drawTrackingBarcode(doc: PDFKit.PDFDocument, trackingNumber: string): void {
  const pattern = encodeLinear('code128', trackingNumber);
  const x = MARGIN + 10 * BARCODE_MODULE_PT; // keep the quiet zone clear of the frame
  fillRects(doc, linearBarRects(pattern.runs, BARCODE_MODULE_PT, 22), x, 48);
  write(doc, `Item no.: ${trackingNumber}`, x, 72, { size: 6.5, bold: true, width: 200 });
}

function drawParties(doc: PDFKit.PDFDocument, input: CustomsFormInput): void {
  const columnWidth = INNER_WIDTH / 2 - 4;
  const parties = [
    { caption: 'FROM (SENDER)', address: input.shipFrom, x: MARGIN },
    { caption: 'TO (ADDRESSEE)', address: input.shipTo, x: MARGIN + INNER_WIDTH / 2 + 4 },
  ];
  rule(doc, 82);
  for (const party of parties) {
    write(doc, party.caption, party.x, 85, { size: 6.5, bold: true, width: columnWidth });
    const contact = [party.address.phone, party.address.email].filter((value): value is string => Boolean(value));
    const lines = [...addressLines(party.address, true), ...contact].slice(0, 8);
    lines.forEach((line, index) => write(doc, line, party.x, 94 + index * 7.6, { size: 6.5, width: columnWidth }));
  }
}

function drawCategoryAndNonDelivery(doc: PDFKit.PDFDocument, declaration: CustomsDeclaration, input: CustomsFormInput): void {
  rule(doc, 157);
  write(doc, 'CATEGORY OF ITEM', MARGIN, 160, { size: 6.5, bold: true });
  CUSTOMS_CATEGORIES.forEach((category, index) => {
    const x = MARGIN + (index % 3) * 90;
    const y = 169 + Math.floor(index / 3) * 9;
    checkbox(doc, x, y, declaration.category === category.contents, category.label);
  });
  if (declaration.category === 'other') {
    write(doc, `Explanation: ${input.contentsExplanation ?? input.customs.contents}`, MARGIN, 187, { size: 6.5 });
  }
  write(doc, 'IF UNDELIVERABLE', MARGIN, 199, { size: 6.5, bold: true, width: 70 });
  NON_DELIVERY_OPTIONS.forEach((option, index) =>
    checkbox(doc, MARGIN + 72 + index * 96, 199.5, declaration.nonDelivery === option.nonDelivery, option.label),
  );
}

function drawCells(doc: PDFKit.PDFDocument, cells: string[], y: number, bold: boolean): void {
  let x = MARGIN;
  COLUMNS.forEach((column, index) => {
    write(doc, cells[index], x + CELL_PADDING, y + 2, {
      size: 6.5,
      bold,
      width: column.width - 2 * CELL_PADDING,
      align: column.align,
    });
    x += column.width;
  });
}

function drawTable(doc: PDFKit.PDFDocument, lines: CustomsLine[], top: number, totals: CustomsDeclaration | null): void {
  rule(doc, top - 2);
  drawCells(doc, COLUMNS.map((column) => column.title), top, true);
  rule(doc, top + ROW_HEIGHT, 0.4);
  lines.forEach((line, index) => drawCells(doc, COLUMNS.map((column) => column.cell(line)), top + (index + 1) * ROW_HEIGHT, false));
  if (!totals) return;
  const totalsTop = top + (lines.length + 1) * ROW_HEIGHT + 2;
  rule(doc, totalsTop);
  const weight = totals.totalWeightLb === null ? '' : totals.totalWeightLb.toFixed(2);
  drawCells(doc, ['', 'TOTAL', weight, formatCents(totals.totalValueCents), '', ''], totalsTop, true);
}

function drawCertification(doc: PDFKit.PDFDocument, declaration: CustomsDeclaration, input: CustomsFormInput): void {
  let y = BOTTOM_BLOCK_TOP;
  rule(doc, y - 3);
  if (declaration.formType === 'CN23') {
    const postage = input.postageCents === undefined ? 'n/a' : formatCents(input.postageCents);
    write(doc, `Postal charges/fees: ${postage}   Office of origin: ${input.shipFrom.postalCode}   Date of posting: ${input.shipDate}`, MARGIN, y, { size: 6 });
    y += 8;
    write(doc, `Invoice no.: ${input.invoiceNumber ?? ''}`, MARGIN, y, { size: 6 });
    y += 8;
  }
  write(doc, `Importer's reference (tax code/VAT no.): ${input.importerReference ?? ''}`, MARGIN, y, { size: 6 });
  y += 9;
  doc.font('Helvetica').fontSize(5.5).text(CERTIFICATION, MARGIN, y, { width: INNER_WIDTH, lineGap: 0.5 });
  const signatureY = PAGE_HEIGHT - 24;
  write(doc, `Date: ${input.shipDate}`, MARGIN, signatureY - 7, { size: 7, bold: true, width: 80 });
  write(doc, "Sender's signature:", 96, signatureY - 7, { size: 7, bold: true, width: 70 });
  doc.lineWidth(0.6).moveTo(166, signatureY).lineTo(PAGE_WIDTH - MARGIN, signatureY).stroke('black');
  write(doc, input.signerName ?? input.shipFrom.name, 166, signatureY + 2, { size: 6, width: PAGE_WIDTH - MARGIN - 166 });
}

/** Splits the items so the first page (below the form header) and later pages each hold what fits. */
function paginate(lines: CustomsLine[]): CustomsLine[][] {
  // Rows available between the table header and the bottom block, keeping one for the totals.
  const capacity = (top: number): number => Math.floor((BOTTOM_BLOCK_TOP - 6 - top) / ROW_HEIGHT) - 2;
  const pages = [lines.slice(0, capacity(TABLE_TOP_FIRST_PAGE))];
  for (let start = pages[0].length; start < lines.length; start += capacity(TABLE_TOP_LATER_PAGES)) {
    pages.push(lines.slice(start, start + capacity(TABLE_TOP_LATER_PAGES)));
  }
  return pages;
}

/** Draws the CN22/CN23 pages of one shipment into `doc` (combined documents append form after form). */
export function drawCustomsForm(doc: PDFKit.PDFDocument, input: CustomsFormInput): void {
  const declaration = buildCustomsDeclaration(input);
  const pages = paginate(declaration.lines);
  pages.forEach((lines, index) => {
    doc.addPage({ size: [PAGE_WIDTH, PAGE_HEIGHT], margin: 0 });
    const isLast = index === pages.length - 1;
    drawHeader(doc, declaration, input, `Page ${index + 1} of ${pages.length}`);
    if (index === 0) {
      drawTrackingBarcode(doc, input.trackingNumber);
      drawParties(doc, input);
      drawCategoryAndNonDelivery(doc, declaration, input);
    }
    drawTable(doc, lines, index === 0 ? TABLE_TOP_FIRST_PAGE : TABLE_TOP_LATER_PAGES, isLast ? declaration : null);
    if (isLast) drawCertification(doc, declaration, input);
  });
}

/** CN22 when the declared value is under US$400, otherwise CN23; 4x6 pages, more if the items need them. */
export async function renderCustomsFormPdf(input: CustomsFormInput): Promise<Buffer> {
  const declaration = buildCustomsDeclaration(input);
  const doc = newPdfDocument({
    autoFirstPage: false,
    info: { Title: `Customs declaration ${declaration.formType} ${input.trackingNumber}`, Creator: 'Shipdock', Producer: 'Shipdock' },
  });
  drawCustomsForm(doc, input);
  return finishPdf(doc);
}
