import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { createCanvas, GlobalFonts, ImageData, type SKRSContext2D } from '@napi-rs/canvas';
import type { LabelDocumentInput } from './label-document.ts';
import {
  LABEL_DPI,
  type BitmapElement,
  type LabelElement,
  type LinearBarcodeElement,
  type MatrixBarcodeElement,
  type TextElement,
} from './label-elements.ts';
import { layoutLabel } from './label-layout.ts';
import { linearBarRects, matrixRects, type Rect } from './barcode-geometry.ts';
import { CODE128_QUIET_ZONE_MODULES } from './barcode-symbols.ts';
import { encodeGrayscalePng } from './grayscale-png.ts';
import { logoRuns } from './label-logo.ts';

export interface LabelPngOptions {
  /** 203 (the label's native 8 dots/mm) unless asked otherwise, e.g. 300. */
  dpi?: number;
}

// bwip-js ships Inconsolata, so text still renders on a machine without system fonts.
const FALLBACK_FAMILY = 'ShipdockFallback';
GlobalFonts.registerFromPath(
  join(dirname(createRequire(import.meta.url).resolve('bwip-js')), '..', 'fonts', 'Inconsolata.otf'),
  FALLBACK_FAMILY,
);
// Helvetica metric clones first, so the PNG matches the PDF whose metrics the layout used.
const FONT_FAMILIES = `"Nimbus Sans", "Liberation Sans", Helvetica, Arial, "DejaVu Sans", ${FALLBACK_FAMILY}`;

function fillRectAt(ctx: SKRSContext2D, x: number, y: number, rect: Rect): void {
  ctx.fillRect(x + rect.x, y + rect.y, rect.width, rect.height);
}

function drawText(ctx: SKRSContext2D, element: TextElement, scale: number): void {
  ctx.font = `${element.bold ? 'bold ' : ''}${Math.round(element.size * scale)}px ${FONT_FAMILIES}`;
  ctx.fillStyle = element.inverse ? 'white' : 'black';
  ctx.textAlign = element.align;
  const anchor = element.align === 'left' ? element.x : element.align === 'center' ? element.x + element.width / 2 : element.x + element.width;
  // maxWidth condenses the line if the fallback font is wider than Helvetica.
  ctx.fillText(element.text, anchor * scale, element.baseline * scale, element.width * scale);
  ctx.fillStyle = 'black';
}

/** Whole-pixel module width near the scaled one, narrowed if the symbol and its quiet zones would not fit. */
function linearModulePixels(element: LinearBarcodeElement, scale: number, canvasWidth: number): number {
  const modules = element.runs.reduce((sum, run) => sum + run, 0) + 2 * CODE128_QUIET_ZONE_MODULES;
  let pixels = Math.max(1, Math.round(element.moduleWidth * scale));
  while (pixels > 1 && modules * pixels > canvasWidth) pixels--;
  return pixels;
}

function drawLinear(ctx: SKRSContext2D, element: LinearBarcodeElement, scale: number, canvasWidth: number): void {
  const modulePixels = linearModulePixels(element, scale, canvasWidth);
  const modules = element.runs.reduce((sum, run) => sum + run, 0);
  const centre = (element.x + (modules * element.moduleWidth) / 2) * scale;
  const x = Math.round(centre - (modules * modulePixels) / 2);
  const y = Math.round(element.y * scale);
  for (const rect of linearBarRects(element.runs, modulePixels, Math.round(element.height * scale))) fillRectAt(ctx, x, y, rect);
}

function drawMatrix(ctx: SKRSContext2D, element: MatrixBarcodeElement, scale: number): void {
  const modulePixels = Math.max(1, Math.round(element.moduleWidth * scale));
  const rowPixels = modulePixels * (element.moduleHeight / element.moduleWidth);
  const centreX = (element.x + (element.columns * element.moduleWidth) / 2) * scale;
  const centreY = (element.y + (element.rows * element.moduleHeight) / 2) * scale;
  const x = Math.round(centreX - (element.columns * modulePixels) / 2);
  const y = Math.round(centreY - (element.rows * rowPixels) / 2);
  for (const rect of matrixRects(element.cells, element.columns, element.rows, modulePixels, rowPixels)) fillRectAt(ctx, x, y, rect);
}

/**
 * A bitmap (MaxiCode, logo) at its own size: one image over the label instead of a rectangle per
 * run of dots (thousands for a MaxiCode, most of a PNG's render time). White dots are
 * transparent, so what lies beneath shows as it would between the rectangles; same pixels.
 */
function drawBitmapOneToOne(ctx: SKRSContext2D, element: BitmapElement): void {
  const rgba = new Uint8ClampedArray(element.width * element.height * 4);
  for (let i = 0; i < element.bits.length; i++) if (element.bits[i] === 1) rgba[i * 4 + 3] = 255;
  const image = createCanvas(element.width, element.height);
  image.getContext('2d').putImageData(new ImageData(rgba, element.width, element.height), 0, 0);
  ctx.drawImage(image, Math.round(element.x), Math.round(element.y));
}

function drawElement(ctx: SKRSContext2D, element: LabelElement, scale: number, canvasWidth: number): void {
  const px = (value: number): number => Math.round(value * scale);
  switch (element.kind) {
    case 'text':
      return drawText(ctx, element, scale);
    case 'fill':
      ctx.fillRect(px(element.x), px(element.y), px(element.width), px(element.height));
      return;
    case 'box': {
      const [x, y, width, height] = [px(element.x), px(element.y), px(element.width), px(element.height)];
      const thickness = Math.max(1, px(element.thickness));
      ctx.fillRect(x, y, width, thickness);
      ctx.fillRect(x, y + height - thickness, width, thickness);
      ctx.fillRect(x, y, thickness, height);
      ctx.fillRect(x + width - thickness, y, thickness, height);
      return;
    }
    case 'barcode1d':
      return drawLinear(ctx, element, scale, canvasWidth);
    case 'barcode2d':
      return drawMatrix(ctx, element, scale);
    case 'bitmap':
      if (scale === 1) return drawBitmapOneToOne(ctx, element);
      for (const run of logoRuns(element)) {
        const x = px(element.x + run.x);
        const y = px(element.y + run.y);
        ctx.fillRect(x, y, px(element.x + run.x + run.width) - x, Math.max(1, px(element.y + run.y + 1) - y));
      }
      return;
  }
}

/** One package's label as a PNG; bars are whole-pixel rectangles so scanners read it at 203 dpi. */
export async function renderLabelPng(input: LabelDocumentInput, options: LabelPngOptions = {}): Promise<Buffer> {
  const dpi = options.dpi ?? LABEL_DPI;
  const scale = dpi / LABEL_DPI;
  const layout = layoutLabel(input);
  const width = Math.round(layout.widthDots * scale);
  const height = Math.round(layout.heightDots * scale);
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = 'white';
  ctx.fillRect(0, 0, width, height);
  ctx.fillStyle = 'black';
  ctx.textBaseline = 'alphabetic';
  for (const element of layout.elements) drawElement(ctx, element, scale, width);
  return encodeGrayscalePng(canvas.data(), width, height, dpi);
}
