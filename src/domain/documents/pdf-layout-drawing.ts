/// <reference types="pdfkit" />
// Draws a dot-based label layout into the current pdfkit page; the caller sets up a
// transform that maps one dot to 72/203 pt (and any placement/rotation on the sheet).
import type { LabelElement, LabelLayout, TextElement } from './label-elements.ts';
import { linearBarRects, matrixRects } from './barcode-geometry.ts';
import { fillRects } from './pdf-rects.ts';
import { standardFontText } from './pdf-standard-font-text.ts';
import { logoRuns } from './label-logo.ts';

function drawText(doc: PDFKit.PDFDocument, element: TextElement): void {
  const content = standardFontText(element.text);
  doc.font(element.bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(element.size);
  const slack = element.width - doc.widthOfString(content);
  const offset = element.align === 'center' ? slack / 2 : element.align === 'right' ? slack : 0;
  doc
    .fillColor(element.inverse ? 'white' : 'black')
    .text(content, element.x + offset, element.baseline, { lineBreak: false, baseline: 'alphabetic' });
}

function drawElement(doc: PDFKit.PDFDocument, element: LabelElement): void {
  switch (element.kind) {
    case 'text':
      return drawText(doc, element);
    case 'fill':
      doc.rect(element.x, element.y, element.width, element.height).fill('black');
      return;
    case 'box': {
      const inset = element.thickness / 2;
      doc
        .lineWidth(element.thickness)
        .rect(element.x + inset, element.y + inset, element.width - element.thickness, element.height - element.thickness)
        .stroke('black');
      return;
    }
    case 'barcode1d':
      // Vector bars: one path of rectangles filled at once, never an embedded raster.
      return fillRects(doc, linearBarRects(element.runs, element.moduleWidth, element.height), element.x, element.y);
    case 'barcode2d':
      return fillRects(doc, matrixRects(element.cells, element.columns, element.rows, element.moduleWidth, element.moduleHeight), element.x, element.y);
    case 'bitmap':
      return fillRects(doc, logoRuns(element).map((r) => ({ x: r.x, y: r.y, width: r.width, height: 1 })), element.x, element.y);
  }
}

export function drawLayoutOnPdf(doc: PDFKit.PDFDocument, layout: LabelLayout): void {
  for (const element of layout.elements) drawElement(doc, element);
}
