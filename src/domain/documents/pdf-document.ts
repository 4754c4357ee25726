/// <reference types="pdfkit" />
// New pdfkit documents, minus a cost pdfkit repeats for every document: it parses the metrics
// file (AFM, ~3,000 lines of regular expressions) of each standard font a document uses, which
// was about a fifth of a one-label PDF's render time. The parsed metrics are read-only, so each
// file is parsed once per thread and shared by the documents after it.
import PDFDocument from 'pdfkit';

interface AfmMetrics {
  attributes: object;
  glyphWidths: object;
  boundingBoxes: object;
  kernPairs: object;
}

let patched = false;

function parseEachFontOnce(): void {
  patched = true;
  // pdfkit does not export its AFM parser; a document's default font (Helvetica) leads to it.
  const probe = new PDFDocument({ autoFirstPage: false }) as unknown as { _font?: { font?: object } };
  const parser = probe._font?.font ? (Object.getPrototypeOf(probe._font.font) as { parse?: (this: AfmMetrics, contents: string) => void }) : null;
  const parse = parser?.parse;
  if (!parser || typeof parse !== 'function') return; // another pdfkit: left as it is
  const parsed = new Map<string, AfmMetrics>();
  parser.parse = function (this: AfmMetrics, contents: string) {
    const known = parsed.get(contents);
    if (known) {
      Object.assign(this, known);
      return;
    }
    parse.call(this, contents);
    parsed.set(contents, { attributes: this.attributes, glyphWidths: this.glyphWidths, boundingBoxes: this.boundingBoxes, kernPairs: this.kernPairs });
  };
}

export function newPdfDocument(options: PDFKit.PDFDocumentOptions): PDFKit.PDFDocument {
  if (!patched) parseEachFontOnce();
  return new PDFDocument(options);
}
