// One line of pdfkit's standard Helvetica, shrunk (down to a floor) or cut to fit its width: the
// text primitive of every letter-size document (customs forms, manifests, mail pieces).
import { standardFontText } from './pdf-standard-font-text.ts';
import { fitText } from './text-metrics.ts';

export interface FittedTextOptions {
  size: number;
  width: number;
  /** The smallest size the text may shrink to before it is cut. */
  minSize: number;
  bold?: boolean;
  align?: 'left' | 'center' | 'right';
}

/** Writes one line whose top is at y. */
export function writeFitted(doc: PDFKit.PDFDocument, content: string, x: number, y: number, options: FittedTextOptions): void {
  const bold = options.bold ?? false;
  const fitted = fitText(standardFontText(content), options.size, bold, options.width, options.minSize);
  doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(fitted.size);
  const slack = options.width - doc.widthOfString(fitted.text);
  const offset = options.align === 'center' ? slack / 2 : options.align === 'right' ? slack : 0;
  doc.fillColor('black').text(fitted.text, x + offset, y, { lineBreak: false });
}
