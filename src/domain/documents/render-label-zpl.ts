// ZPL II for 203 dpi thermal printers. Barcodes are encoded by the printer (^BC, ^BX, ^B7)
// from the same data and module sizes the layout chose, so the label scans like the PDF/PNG.
import type { LabelDocumentInput } from './label-document.ts';
import type { LabelElement, LabelLayout, LinearBarcodeElement, MatrixBarcodeElement, TextElement } from './label-elements.ts';
import { layoutLabel } from './label-layout.ts';
import { logoZplGraphic } from './label-logo.ts';
import { PDF417_DATA_COLUMNS, PDF417_ERROR_LEVEL } from './barcode-symbols.ts';

const ZPL_ALIGN = { left: 'L', center: 'C', right: 'R' } as const;

/**
 * Field data for ^FH: ZPL control characters (^ ~), the hex indicator (_) itself and
 * anything outside printable ASCII become _XX hex bytes of their UTF-8 encoding (^CI28).
 */
export function escapeZplFieldData(text: string): string {
  let escaped = '';
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    const plain = code >= 0x20 && code < 0x7f && char !== '^' && char !== '~' && char !== '_';
    escaped += plain
      ? char
      : [...Buffer.from(char, 'utf8')].map((byte) => `_${byte.toString(16).toUpperCase().padStart(2, '0')}`).join('');
  }
  return escaped;
}

function textField(element: TextElement): string {
  // ^FB reads backslash as an escape (e.g. \& for a line break), so a literal one is doubled.
  const data = escapeZplFieldData(element.text.replace(/\\/g, '\\\\'));
  // ^FT places the baseline of the (single) ^FB line, matching the layout's baseline.
  return (
    `^FT${element.x},${element.baseline}^A0N,${element.size},${element.size}` +
    `^FB${element.width},1,0,${ZPL_ALIGN[element.align]},0${element.inverse ? '^FR' : ''}^FH^FD${data}^FS`
  );
}

/**
 * GS1-128 in ^BC mode N: start in subset C (>;) and put FNC1 (>8) before each element string.
 * A trailing odd digit is sent in subset B (>6), switching back to C (>5) for the next element.
 */
function gs1Code128Data(bracketed: string): string {
  const elements = [...bracketed.matchAll(/\((\d+)\)([^(]*)/g)].map((match) => match[1] + match[2]);
  let data = '>;';
  let inSubsetB = false;
  for (const digits of elements) {
    if (inSubsetB) data += '>5';
    const even = digits.length % 2 === 0;
    data += `>8${even ? digits : `${digits.slice(0, -1)}>6${digits.slice(-1)}`}`;
    inSubsetB = !even;
  }
  return data;
}

function linearField(element: LinearBarcodeElement): string {
  const head = `^BY${element.moduleWidth},3,${element.height}^FO${element.x},${element.y}`;
  if (element.symbology === 'gs1-128') return `${head}^BCN,${element.height},N,N,N,N^FD${gs1Code128Data(element.data)}^FS`;
  // Mode A lets the printer pick the shortest subsets, as bwip-js did for the layout.
  return `${head}^BCN,${element.height},N,N,N,A^FH^FD${escapeZplFieldData(element.data)}^FS`;
}

function matrixField(element: MatrixBarcodeElement): string {
  const data = escapeZplFieldData(element.data);
  if (element.symbology === 'datamatrix') {
    return `^FO${element.x},${element.y}^BXN,${element.moduleWidth},200,${element.columns},${element.rows}^FH^FD${data}^FS`;
  }
  return (
    `^BY${element.moduleWidth}^FO${element.x},${element.y}` +
    `^B7N,${element.moduleHeight},${PDF417_ERROR_LEVEL},${PDF417_DATA_COLUMNS},${element.rows},N^FH^FD${data}^FS`
  );
}

function zplField(element: LabelElement): string {
  switch (element.kind) {
    case 'text':
      return textField(element);
    case 'fill':
      // A border as thick as the shorter side fills the box.
      return `^FO${element.x},${element.y}^GB${element.width},${element.height},${Math.min(element.width, element.height)},B,0^FS`;
    case 'box':
      return `^FO${element.x},${element.y}^GB${element.width},${element.height},${element.thickness},B,0^FS`;
    case 'barcode1d':
      return linearField(element);
    case 'barcode2d':
      return matrixField(element);
    case 'bitmap': {
      // ^GFA: the logo as an ASCII-hex graphic field, one bit per dot.
      const graphic = logoZplGraphic(element);
      return `^FO${element.x},${element.y}^GFA,${graphic.totalBytes},${graphic.totalBytes},${graphic.bytesPerRow},${graphic.hex}^FS`;
    }
  }
}

function zplLabel(layout: LabelLayout): string {
  return [
    '^XA',
    '^CI28', // field data is UTF-8
    `^PW${layout.widthDots}`,
    `^LL${layout.heightDots}`,
    '^LH0,0',
    ...layout.elements.map(zplField),
    '^PQ1',
    '^XZ',
  ].join('\n');
}

/** One ^XA...^XZ format per package, for 4x6 stock at 203 dpi. */
export function renderLabelZpl(inputs: LabelDocumentInput[]): string {
  if (inputs.length === 0) throw new Error('renderLabelZpl needs at least one package');
  return inputs.map((input) => zplLabel(layoutLabel(input))).join('\n') + '\n';
}
