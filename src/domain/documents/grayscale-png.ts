// Minimal PNG writer for black-on-white labels: 8-bit grayscale is about 20x smaller and
// several times faster to produce than the canvas's RGBA encoder, with the same pixels.
import { deflateSync } from 'node:zlib';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const METRES_PER_INCH = 0.0254;

const CRC_TABLE = Array.from({ length: 256 }, (_, byte) => {
  let crc = byte;
  for (let bit = 0; bit < 8; bit++) crc = crc & 1 ? 0xedb88320 ^ (crc >>> 1) : crc >>> 1;
  return crc >>> 0;
});

function crc32(data: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of data) crc = CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const typeAndData = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

/**
 * Encodes opaque RGBA pixels (row-major, 4 bytes each) as grayscale, taking the red channel:
 * everything drawn is black, white or a grey between them. `dpi` goes into the pHYs chunk so
 * printing software knows the physical label size.
 */
export function encodeGrayscalePng(rgba: Uint8Array, width: number, height: number, dpi: number): Buffer {
  const stride = width + 1; // each scanline starts with its filter type, 0 = none
  const scanlines = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) scanlines[y * stride + 1 + x] = rgba[(y * width + x) * 4];
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 0, 0, 0, 0], 8); // bit depth 8, colour type 0 (grey), deflate, adaptive filters, no interlace
  const density = Buffer.alloc(9);
  const pixelsPerMetre = Math.round(dpi / METRES_PER_INCH);
  density.writeUInt32BE(pixelsPerMetre, 0);
  density.writeUInt32BE(pixelsPerMetre, 4);
  density[8] = 1; // unit: metre
  return Buffer.concat([
    SIGNATURE,
    chunk('IHDR', header),
    chunk('pHYs', density),
    // Level 1: a label is mostly white runs, so it is ~4x faster than the default for ~20% more bytes.
    chunk('IDAT', deflateSync(scanlines, { level: 1 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
