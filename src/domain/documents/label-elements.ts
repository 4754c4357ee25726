// Device-independent description of a label: everything is in printer dots of a
// 4x6 in label at 203 dpi, origin top-left, y growing downwards (the ZPL convention).

export const LABEL_DPI = 203;
export const LABEL_WIDTH_DOTS = 812;
export const LABEL_HEIGHT_DOTS = 1218;

export type TextAlign = 'left' | 'center' | 'right';

/** One line of text; `x`/`width` bound the line and `align` places it inside them. */
export interface TextElement {
  kind: 'text';
  x: number;
  /** y of the alphabetic baseline, so every renderer positions glyphs the same way. */
  baseline: number;
  width: number;
  align: TextAlign;
  /** Em size in dots. */
  size: number;
  bold: boolean;
  /** White text, to be drawn over a filled area. */
  inverse: boolean;
  text: string;
}

/** Solid black rectangle: rules, bars and banner backgrounds. */
export interface FillElement {
  kind: 'fill';
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Rectangle outline whose border lies inside x/y/width/height. */
export interface BoxElement {
  kind: 'box';
  x: number;
  y: number;
  width: number;
  height: number;
  thickness: number;
}

export type LinearSymbology = 'code128' | 'gs1-128';

/** What a linear barcode carries: the tracking number, the (420) postal code, DHL's 2L routing or J license plate. */
export type LinearBarcodeRole = 'tracking' | 'postal' | 'routing' | 'license_plate';

export interface LinearBarcodeElement {
  kind: 'barcode1d';
  role: LinearBarcodeRole;
  symbology: LinearSymbology;
  /** Code 128: the literal data. GS1-128: bracketed AIs, e.g. "(420)90210(94)05…". */
  data: string;
  x: number;
  y: number;
  height: number;
  /** Narrow module width in whole dots. */
  moduleWidth: number;
  /** Alternating bar/space widths in modules, starting with a bar (quiet zones excluded). */
  runs: number[];
}

export type MatrixSymbology = 'datamatrix' | 'pdf417';

export interface MatrixBarcodeElement {
  kind: 'barcode2d';
  symbology: MatrixSymbology;
  data: string;
  x: number;
  y: number;
  columns: number;
  rows: number;
  /** Module width in whole dots. */
  moduleWidth: number;
  /** Row height in whole dots (PDF417 rows are taller than wide). */
  moduleHeight: number;
  /** rows x columns, row-major, 1 = dark module. */
  cells: Uint8Array;
}

/** A monochrome picture in whole dots (the account logo, or a MaxiCode); `bits` row-major, 1 = black. */
export interface BitmapElement {
  kind: 'bitmap';
  /** Set when the picture is a symbol no renderer draws natively (MaxiCode): what it encodes. */
  encodes?: { symbology: 'maxicode'; data: string };
  x: number;
  y: number;
  width: number;
  height: number;
  bits: Uint8Array;
}

export type LabelElement = TextElement | FillElement | BoxElement | LinearBarcodeElement | MatrixBarcodeElement | BitmapElement;

export interface LabelLayout {
  widthDots: number;
  heightDots: number;
  elements: LabelElement[];
}
