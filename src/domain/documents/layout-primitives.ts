// Building blocks of the label layout: fitted text runs, stacked lines, rules and boxes, in dots.
import type { BoxElement, FillElement, TextAlign, TextElement } from './label-elements.ts';
import { fitText } from './text-metrics.ts';

const LINE_SPACING = 1.18;
/** Baseline below the top of a line, as a fraction of the em (Helvetica ascender is 0.718). */
const ASCENT = 0.8;
/** Capital height of Helvetica, used to centre capitals vertically in bars and boxes. */
const CAP_HEIGHT = 0.718;
const MIN_TEXT_SIZE = 14;

interface TextOptions {
  x: number;
  baseline: number;
  width: number;
  size: number;
  bold?: boolean;
  align?: TextAlign;
  inverse?: boolean;
}

export function text(content: string, options: TextOptions): TextElement {
  const bold = options.bold ?? false;
  const fitted = fitText(content, options.size, bold, options.width, Math.min(MIN_TEXT_SIZE, options.size));
  return {
    kind: 'text',
    x: options.x,
    baseline: options.baseline,
    width: options.width,
    align: options.align ?? 'left',
    size: fitted.size,
    bold,
    inverse: options.inverse ?? false,
    text: fitted.text,
  };
}

/** Baseline that centres capital letters of `size` inside the band [top, top + height]. */
export function centredBaseline(top: number, height: number, size: number): number {
  return Math.round(top + (height + CAP_HEIGHT * size) / 2);
}

export function fill(x: number, y: number, width: number, height: number): FillElement {
  return { kind: 'fill', x, y, width, height };
}

export function box(x: number, y: number, width: number, height: number, thickness: number): BoxElement {
  return { kind: 'box', x, y, width, height, thickness };
}

interface TextBlockOptions {
  x: number;
  top: number;
  bottom: number;
  width: number;
  maxSize: number;
  bold?: boolean;
  align?: TextAlign;
}

/** Stacks lines in [top, bottom], shrinking the type when there are many lines. */
export function textBlock(lines: string[], options: TextBlockOptions): TextElement[] {
  const lineHeight = Math.min(options.maxSize * LINE_SPACING, (options.bottom - options.top) / Math.max(lines.length, 1));
  const size = Math.floor(lineHeight / LINE_SPACING);
  return lines.map((line, index) =>
    text(line, {
      x: options.x,
      baseline: Math.round(options.top + index * lineHeight + ASCENT * size),
      width: options.width,
      size,
      bold: options.bold,
      align: options.align,
    }),
  );
}
