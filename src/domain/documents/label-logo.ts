// Account logos on labels: decoded once per render, scaled into the logo box and reduced to
// one bit per dot, because thermal printers (and ZPL ^GF) print black dots, not greys.
import type * as Canvas from '@napi-rs/canvas';
import { lazyPackage } from '../../lazy-package.ts';

const canvasPackage = lazyPackage<typeof Canvas>('@napi-rs/canvas');

/** A monochrome picture in label dots; `bits` is row-major, 1 = black dot. */
export interface LabelLogo {
  width: number;
  height: number;
  bits: Uint8Array;
}

/** The logo box: top-left of the label, left of the FROM block (about 0.83 x 0.83 in). */
export const LOGO_BOX = { x: 16, y: 16, width: 168, height: 168 } as const;

/** Darker than this (0-255 luminance, after compositing on white) prints as a black dot. */
const BLACK_THRESHOLD = 128;

/** Pixel size of a PNG or JPEG; throws when the bytes do not decode. */
export async function imagePixelSize(data: Buffer): Promise<{ width: number; height: number }> {
  const image = await canvasPackage.loadImage(data);
  return { width: image.width, height: image.height };
}

/** Fits the image into the box (aspect kept, centred) and thresholds it to black/white dots. */
export async function logoBitmap(data: Buffer, box: { width: number; height: number } = LOGO_BOX): Promise<LabelLogo> {
  const image = await canvasPackage.loadImage(data);
  const scale = Math.min(box.width / image.width, box.height / image.height);
  const width = Math.max(1, Math.round(image.width * scale));
  const height = Math.max(1, Math.round(image.height * scale));
  const canvas = canvasPackage.createCanvas(box.width, box.height);
  const ctx = canvas.getContext('2d');
  // Transparent areas read as the white label stock.
  ctx.fillStyle = 'white';
  ctx.fillRect(0, 0, box.width, box.height);
  ctx.drawImage(image, Math.floor((box.width - width) / 2), Math.floor((box.height - height) / 2), width, height);
  const rgba = ctx.getImageData(0, 0, box.width, box.height).data;
  const bits = new Uint8Array(box.width * box.height);
  for (let i = 0; i < bits.length; i++) {
    const luminance = 0.299 * rgba[i * 4] + 0.587 * rgba[i * 4 + 1] + 0.114 * rgba[i * 4 + 2];
    bits[i] = luminance < BLACK_THRESHOLD ? 1 : 0;
  }
  return { width: box.width, height: box.height, bits };
}

/** Horizontal runs of black dots, for renderers that draw rectangles (PDF, PNG). */
export function logoRuns(logo: LabelLogo): { x: number; y: number; width: number }[] {
  const runs: { x: number; y: number; width: number }[] = [];
  for (let y = 0; y < logo.height; y++) {
    let start = -1;
    for (let x = 0; x <= logo.width; x++) {
      const black = x < logo.width && logo.bits[y * logo.width + x] === 1;
      if (black && start < 0) start = x;
      if (!black && start >= 0) {
        runs.push({ x: start, y, width: x - start });
        start = -1;
      }
    }
  }
  return runs;
}

/** ZPL ^GFA data: one hex byte per 8 dots, rows padded to whole bytes, most significant bit left. */
export function logoZplGraphic(logo: LabelLogo): { bytesPerRow: number; totalBytes: number; hex: string } {
  const bytesPerRow = Math.ceil(logo.width / 8);
  let hex = '';
  for (let y = 0; y < logo.height; y++) {
    for (let b = 0; b < bytesPerRow; b++) {
      let byte = 0;
      for (let bit = 0; bit < 8; bit++) {
        const x = b * 8 + bit;
        if (x < logo.width && logo.bits[y * logo.width + x]) byte |= 0x80 >> bit;
      }
      hex += byte.toString(16).toUpperCase().padStart(2, '0');
    }
  }
  return { bytesPerRow, totalBytes: bytesPerRow * logo.height, hex };
}
