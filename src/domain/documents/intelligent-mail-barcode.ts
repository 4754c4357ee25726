// USPS Intelligent Mail barcode (4-state, 65 bars) from bwip-js `onecode`, as rectangles in points.
// bwip-js gives each bar's base (bbs) and height (bhs) in inches from the bottom of the symbol and
// the bar/space widths (sbs) in points; USPS-B-3200 sizes: about 22 bars per inch, 0.145 in tall.
import type BwipJs from 'bwip-js';
import { lazyPackage } from '../../lazy-package.ts';
import type { Rect } from './barcode-geometry.ts';

const bwipjs = lazyPackage<typeof BwipJs>('bwip-js');

export type BarState = 'F' | 'A' | 'D' | 'T';

interface ImbSymbol {
  bbs: number[];
  bhs: number[];
  sbs: number[];
}

function encode(digits: string): ImbSymbol {
  const [symbol] = bwipjs.raw({ bcid: 'onecode', text: digits }) as unknown as ImbSymbol[];
  return symbol;
}

/** Height of the full bar in inches (bwip-js draws 0.15). */
const FULL_HEIGHT_IN = 0.15;

/** The bars, relative to the symbol's top-left corner, y growing downwards. */
export function imbBarRects(digits: string): Rect[] {
  const { bbs, bhs, sbs } = encode(digits);
  const rects: Rect[] = [];
  let x = 0;
  for (let i = 0; i < bhs.length; i++) {
    const width = sbs[2 * i];
    const top = (FULL_HEIGHT_IN - bbs[i] - bhs[i]) * 72;
    rects.push({ x, y: top, width, height: bhs[i] * 72 });
    x += width + (sbs[2 * i + 1] ?? 0);
  }
  return rects;
}

export const IMB_HEIGHT_PT = FULL_HEIGHT_IN * 72;

/** Reads bar rectangles back as the four states (Full, Ascender, Descender, Tracker). */
export function barStates(rects: Rect[]): BarState[] {
  const full = IMB_HEIGHT_PT;
  return rects.map((r) => {
    const reachesTop = r.y < full * 0.2;
    const reachesBottom = r.y + r.height > full * 0.8;
    if (reachesTop && reachesBottom) return 'F';
    if (reachesTop) return 'A';
    if (reachesBottom) return 'D';
    return 'T';
  });
}

/** The 65 states bwip-js assigns to these digits, straight from its encoder. */
export function imbStates(digits: string): BarState[] {
  return barStates(imbBarRects(digits));
}
