// Barcode encoding (bwip-js) reduced to module patterns, so every renderer draws
// the same bars and modules as crisp rectangles instead of scaling a raster.
// `raw` must come from the default export: the named `raw` export is bwip-js's "raw" symbology.
import type BwipJs from 'bwip-js';
import { lazyPackage } from '../../lazy-package.ts';
import type { LinearSymbology, MatrixSymbology } from './label-elements.ts';

const bwipjs = lazyPackage<typeof BwipJs>('bwip-js');

/** Quiet zone Code 128 requires on each side, in modules. */
export const CODE128_QUIET_ZONE_MODULES = 10;

/** PDF417 shape used everywhere (ZPL ^B7 must be given the same values to match the layout). */
export const PDF417_DATA_COLUMNS = 2;
export const PDF417_ERROR_LEVEL = 2;

export interface LinearPattern {
  /** Alternating bar/space widths in modules, starting with a bar. */
  runs: number[];
  totalModules: number;
}

export interface MatrixPattern {
  columns: number;
  rows: number;
  /** Height of one row measured in module widths. */
  rowHeightModules: number;
  cells: Uint8Array;
}

export function encodeLinear(symbology: LinearSymbology, data: string): LinearPattern {
  const [symbol] = bwipjs.raw({ bcid: symbology, text: data });
  if (!('sbs' in symbol)) throw new Error(`${symbology} did not produce a linear pattern`);
  return { runs: symbol.sbs, totalModules: symbol.sbs.reduce((sum, run) => sum + run, 0) };
}

export function encodeMatrix(symbology: MatrixSymbology, data: string): MatrixPattern {
  const options =
    symbology === 'pdf417'
      ? { bcid: symbology, text: data, columns: PDF417_DATA_COLUMNS, eclevel: PDF417_ERROR_LEVEL }
      : { bcid: symbology, text: data };
  const [symbol] = bwipjs.raw(options);
  if (!('pixs' in symbol)) throw new Error(`${symbology} did not produce a module matrix`);
  // bwip-js lists each row once in `pixs` but counts repeated rows (PDF417 row height) in `pixy`.
  const rows = symbol.pixs.length / symbol.pixx;
  return {
    columns: symbol.pixx,
    rows,
    rowHeightModules: symbol.pixy / rows,
    cells: Uint8Array.from(symbol.pixs),
  };
}
