/// <reference types="pdfkit" />
import { newPdfDocument } from './pdf-document.ts';
import type { LabelDocumentInput } from './label-document.ts';
import { LABEL_DPI, type LabelLayout } from './label-elements.ts';
import { layoutLabel } from './label-layout.ts';
import { drawLayoutOnPdf } from './pdf-layout-drawing.ts';
import { finishPdf } from './pdf-buffer.ts';

export type LabelPdfLayout = '4x6' | 'letter';

export interface LabelPdfOptions {
  layout: LabelPdfLayout;
}

const POINTS_PER_DOT = 72 / LABEL_DPI;
const LABEL_WIDTH_PT = 288;
const LABEL_HEIGHT_PT = 432;
const LETTER_WIDTH_PT = 612;
const LETTER_HEIGHT_PT = 792;
const LABELS_PER_LETTER_PAGE = 2;

/**
 * Letter sheets carry two labels, one per 8.5 x 5.5 in half (the common 2-up label stock),
 * each turned a quarter clockwise so the 6 in side runs across the sheet.
 */
function placeOnLetterHalf(doc: PDFKit.PDFDocument, half: number): void {
  const halfHeight = LETTER_HEIGHT_PT / LABELS_PER_LETTER_PAGE;
  const left = (LETTER_WIDTH_PT - LABEL_HEIGHT_PT) / 2;
  const top = half * halfHeight + (halfHeight - LABEL_WIDTH_PT) / 2;
  // After the rotation the label's top edge lies along the right side of its area.
  doc.translate(left + LABEL_HEIGHT_PT, top).rotate(90).scale(POINTS_PER_DOT);
}

export function newLabelPdf(title: string): PDFKit.PDFDocument {
  return newPdfDocument({ autoFirstPage: false, info: { Title: title, Creator: 'Shipdock', Producer: 'Shipdock' } });
}

/**
 * Draws one package's label into `doc`: its own 4x6 page, or the `slot`-th half of a letter page
 * (a new page starts on every even slot). Combined documents call it label after label.
 */
export function drawLabelOnPdf(doc: PDFKit.PDFDocument, input: LabelDocumentInput, layout: LabelPdfLayout, slot: number): void {
  drawLaidOutLabel(doc, layoutLabel(input), layout, slot);
}

/** drawLabelOnPdf for a label already laid out (on the render pool, see render-pool.ts). */
export function drawLaidOutLabel(doc: PDFKit.PDFDocument, label: LabelLayout, layout: LabelPdfLayout, slot: number): void {
  if (layout === '4x6') doc.addPage({ size: [LABEL_WIDTH_PT, LABEL_HEIGHT_PT], margin: 0 });
  else if (slot % LABELS_PER_LETTER_PAGE === 0) doc.addPage({ size: [LETTER_WIDTH_PT, LETTER_HEIGHT_PT], margin: 0 });
  placeLabel(doc, label, layout, slot);
}

/** Draws a laid-out label on the current page: the whole 4x6 page, or its slot's half of a letter sheet. */
export function placeLabel(doc: PDFKit.PDFDocument, label: LabelLayout, layout: LabelPdfLayout, slot: number): void {
  doc.save();
  if (layout === '4x6') doc.scale(POINTS_PER_DOT);
  else placeOnLetterHalf(doc, slot % LABELS_PER_LETTER_PAGE);
  drawLayoutOnPdf(doc, label);
  doc.restore();
}

/** Page size in points of a label layout's sheet. */
export const sheetSize = (layout: LabelPdfLayout): [number, number] => (layout === '4x6' ? [LABEL_WIDTH_PT, LABEL_HEIGHT_PT] : [LETTER_WIDTH_PT, LETTER_HEIGHT_PT]);
export const LABELS_PER_SHEET: Record<LabelPdfLayout, number> = { '4x6': 1, letter: LABELS_PER_LETTER_PAGE };

/** One PDF for a shipment: a 4x6 page per package, or two packages per letter page. */
export async function renderLabelPdf(inputs: LabelDocumentInput[], options: LabelPdfOptions): Promise<Buffer> {
  if (inputs.length === 0) throw new Error('renderLabelPdf needs at least one package');
  const doc = newLabelPdf(`Shipping label ${inputs[0].trackingNumber}`);
  inputs.forEach((input, index) => drawLabelOnPdf(doc, input, options.layout, index));
  return finishPdf(doc);
}
