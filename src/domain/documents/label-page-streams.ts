/// <reference types="pdfkit" />
// Combined label PDFs are drawn on the render pool's threads: each label becomes one compressed
// page content stream, which combined-pdf.ts (on the calling thread) only has to write out.
// pdfkit draws the label, as for a one-label PDF; its page's content is taken before pdfkit
// writes the page, so the drawing is the same operators a pdfkit document would hold.
import { deflateSync } from 'node:zlib';
import type { LabelDocumentInput } from './label-document.ts';
import { layoutLabel } from './label-layout.ts';
import { newPdfDocument } from './pdf-document.ts';
import { placeLabel, sheetSize, type LabelPdfLayout } from './render-label-pdf.ts';

/** Standard fonts by the resource names the streams use (the same in every stream). */
export type PageFonts = Record<string, string>;

export interface LabelPageStreams {
  /** Every label's deflated content stream, one after another. */
  bytes: Uint8Array;
  /** Length of each label's stream in `bytes`. */
  lengths: number[];
  fonts: PageFonts;
}

interface PdfkitInternals {
  page: { content: { buffer: Buffer[] }; resources: { data: { Font?: Record<string, unknown> } } };
  _fontFamilies: Record<string, { id: string; name: string }>;
}

/** `inputs[i]` lies in slot `firstSlot + i` of the document (a letter sheet's top or bottom half). */
export function labelPageStreams(inputs: LabelDocumentInput[], layout: LabelPdfLayout, firstSlot: number): LabelPageStreams {
  const doc = newPdfDocument({ autoFirstPage: false, compress: false });
  // Fixed resource names in every stream: F1 Helvetica (pdfkit's default), F2 Helvetica-Bold.
  doc.font('Helvetica-Bold').font('Helvetica');
  const internals = doc as unknown as PdfkitInternals;
  const streams: Buffer[] = [];
  inputs.forEach((input, i) => {
    doc.addPage({ size: sheetSize(layout), margin: 0 });
    placeLabel(doc, layoutLabel(input), layout, firstSlot + i);
    const content = internals.page?.content?.buffer;
    if (!Array.isArray(content)) throw new Error('pdfkit page content is not where combined-pdf expects it');
    // Each stream restores the graphics state it found: two may share one letter page.
    streams.push(deflateSync(Buffer.concat([Buffer.from('q\n'), ...content, Buffer.from('Q\n')])));
    content.length = 0; // pdfkit need not keep what was taken
  });
  const fonts: PageFonts = {};
  for (const font of Object.values(internals._fontFamilies)) fonts[font.id] = font.name;
  const bytes = Buffer.concat(streams);
  return { bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), lengths: streams.map((s) => s.length), fonts };
}
