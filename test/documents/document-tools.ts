// Helpers that inspect rendered documents with real tools (zbar, poppler), as a scanner or printer would.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestContext } from 'node:test';

/** True when `command` is installed; otherwise skipped locally, failed in CI (test/helpers/skips.ts). */
export { requireTool } from '../helpers/skips.ts';

/** A scratch directory removed when the test ends. */
export function scratchDir(t: TestContext): string {
  const dir = mkdtempSync(join(tmpdir(), 'shipdock-documents-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Every Code 128 / GS1-128 symbol zbar finds in the image, in the order it reports them. */
export function decodeCode128(imagePath: string): string[] {
  const result = spawnSync('zbarimg', ['--raw', '-q', '--set', '*.enable=0', '--set', 'code128.enable=1', imagePath], {
    encoding: 'utf8',
  });
  // zbarimg exits 4 when the image holds no barcode; anything else non-zero is a real failure.
  assert.ok(result.status === 0 || result.status === 4, `zbarimg failed: ${result.stderr}`);
  return result.stdout.split('\n').filter((line) => line.length > 0);
}

/** Drops a UPS label's (420) postal barcode (AI 420 + ZIP or ZIP+4 alone), keeping tracking barcodes. */
export const trackingBarcodes = (codes: string[]) => codes.filter((code) => !/^420\d{5}(\d{4})?$/.test(code));

/** Rasterises every page at the label printer's 203 dpi; returns the PNG paths in page order. */
export function rasterisePdf(pdf: Buffer, dir: string): string[] {
  const pdfPath = join(dir, 'document.pdf');
  writeFileSync(pdfPath, pdf);
  const result = spawnSync('pdftoppm', ['-r', '203', '-png', pdfPath, join(dir, 'page')], { encoding: 'utf8' });
  assert.equal(result.status, 0, `pdftoppm failed: ${result.stderr}`);
  return readdirSync(dir)
    .filter((name) => name.startsWith('page') && name.endsWith('.png'))
    .sort()
    .map((name) => join(dir, name));
}

export function pdfText(pdf: Buffer, dir: string): string {
  const pdfPath = join(dir, 'text.pdf');
  writeFileSync(pdfPath, pdf);
  const result = spawnSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' });
  assert.equal(result.status, 0, `pdftotext failed: ${result.stderr}`);
  return result.stdout;
}

/** Page MediaBoxes, in page order (pdfkit writes page dictionaries uncompressed). */
export function pdfMediaBoxes(pdf: Buffer): number[][] {
  return [...pdf.toString('latin1').matchAll(/\/MediaBox\s*\[([^\]]*)\]/g)].map((match) =>
    match[1].trim().split(/\s+/).map(Number),
  );
}

export const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export function pngSize(png: Buffer): { width: number; height: number } {
  // IHDR is always the first chunk: width and height follow the 8-byte signature and chunk header.
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/** Pixels per metre from the pHYs chunk, or null when the PNG has none. */
export function pngPixelsPerMetre(png: Buffer): number | null {
  const at = png.indexOf('pHYs', 8, 'latin1');
  return at < 0 ? null : png.readUInt32BE(at + 4);
}
