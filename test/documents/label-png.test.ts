import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createCanvas, GlobalFonts, loadImage } from '@napi-rs/canvas';
import { renderLabelPng } from '../../src/domain/documents/render-label-png.ts';
import { layoutLabel } from '../../src/domain/documents/label-layout.ts';
import { decodeCode128, PNG_SIGNATURE, pngPixelsPerMetre, pngSize, requireTool, scratchDir } from './document-tools.ts';
import type { LinearBarcodeElement } from '../../src/domain/documents/label-elements.ts';
import { expectedScans, labelsByCarrier, upsLabel, USPS_IMPB_SCAN, uspsLabel } from './label-fixtures.ts';

test('PNG is 812 x 1218 at 203 dpi and records its resolution', async () => {
  const png = await renderLabelPng(uspsLabel);
  assert.ok(png.subarray(0, 8).equals(PNG_SIGNATURE));
  assert.deepEqual(pngSize(png), { width: 812, height: 1218 });
  assert.equal(pngPixelsPerMetre(png), Math.round(203 * 39.3701));
});

test('a bundled fallback font is registered, so text renders even without system fonts', () => {
  assert.ok(GlobalFonts.has('ShipdockFallback'));
});

test('PNG scales to other resolutions: 1200 x 1800 at 300 dpi', async () => {
  assert.deepEqual(pngSize(await renderLabelPng(uspsLabel, { dpi: 300 })), { width: 1200, height: 1800 });
});

test('barcode rows are pure black and white: no anti-aliased bar edges', async () => {
  const barcode = layoutLabel(upsLabel).elements.find((element): element is LinearBarcodeElement => element.kind === 'barcode1d' && element.role === 'tracking');
  assert.ok(barcode);
  const image = await loadImage(await renderLabelPng(upsLabel));
  const canvas = createCanvas(image.width, image.height);
  const ctx = canvas.getContext('2d');
  ctx.drawImage(image, 0, 0);
  const row = ctx.getImageData(0, barcode.y + barcode.height / 2, image.width, 1).data;
  const greys = new Set<number>();
  for (let i = 0; i < row.length; i += 4) greys.add(row[i]);
  assert.deepEqual([...greys].sort((a, b) => a - b), [0, 255]);
});

for (const dpi of [203, 300]) {
  test(`PNG barcodes (tracking, postal, routing, license plate) scan for every carrier at ${dpi} dpi`, async (t) => {
    if (!requireTool(t, 'zbarimg', 'zbar-tools')) return;
    const dir = scratchDir(t);
    for (const input of labelsByCarrier) {
      const path = join(dir, `${input.carrierCode}.png`);
      writeFileSync(path, await renderLabelPng(input, { dpi }));
      const decoded = decodeCode128(path);
      if (input === uspsLabel) {
        assert.equal(decoded.length, 1, 'USPS: the IMpb only');
        assert.match(decoded[0], USPS_IMPB_SCAN);
      } else {
        assert.deepEqual(decoded.sort(), expectedScans.get(input), input.carrierCode);
      }
    }
  });
}
