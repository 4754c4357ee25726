// Test pictures made with the same canvas library the renderer uses.
import { createCanvas, loadImage } from '@napi-rs/canvas';

/** 100x100: left half black, right half white, so the fitted logo has a known shape. */
export function halfBlackPng(): Buffer {
  const canvas = createCanvas(100, 100);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = 'white';
  ctx.fillRect(0, 0, 100, 100);
  ctx.fillStyle = 'black';
  ctx.fillRect(0, 0, 50, 100);
  return canvas.toBuffer('image/png');
}

export function smallJpeg(): Buffer {
  const canvas = createCanvas(40, 20);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = 'black';
  ctx.fillRect(0, 0, 40, 20);
  return canvas.toBuffer('image/jpeg');
}

/** Random noise does not compress: a PNG well over 512 KB. */
export function hugePng(): Buffer {
  const canvas = createCanvas(600, 600);
  const ctx = canvas.getContext('2d');
  const data = ctx.createImageData(600, 600);
  for (let i = 0; i < data.data.length; i++) data.data[i] = Math.floor(Math.random() * 256);
  ctx.putImageData(data, 0, 0);
  return canvas.toBuffer('image/png');
}

/** Share of dark pixels (luminance < 128) in [x0, x1) x [y0, y1) of an image file. */
export async function darkShare(file: Buffer, x0: number, y0: number, x1: number, y1: number): Promise<number> {
  const image = await loadImage(file);
  const canvas = createCanvas(image.width, image.height);
  const ctx = canvas.getContext('2d');
  ctx.drawImage(image, 0, 0);
  const { data } = ctx.getImageData(x0, y0, x1 - x0, y1 - y0);
  let dark = 0;
  for (let i = 0; i < data.length; i += 4) if (0.299 * data[i] + 0.587 * data[i + 1] + 0.114 * data[i + 2] < 128) dark++;
  return dark / (data.length / 4);
}
