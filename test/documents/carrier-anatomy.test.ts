// Each carrier's label anatomy (reference/domain/label-anatomy.md) beyond the tracking barcode:
// UPS MaxiCode, routing and (420) postal barcode; DHL service areas, 2L routing and J license plate;
// FedEx URSA routing. MaxiCode is not a symbology zbar reads, so its content is checked here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { layoutLabel } from '../../src/domain/documents/label-layout.ts';
import type { LabelElement, LabelLayout } from '../../src/domain/documents/label-elements.ts';
import { MAXICODE_COLUMNS, MAXICODE_ROWS, maxiCodeBitmap, maxiCodeModules } from '../../src/domain/documents/maxicode.ts';
import { dhlLabel, fedexLabel, upsLabel, uspsLabel } from './label-fixtures.ts';

const GS = '\x1d';
const RS = '\x1e';

function texts(layout: LabelLayout): string[] {
  return layout.elements.flatMap((element) => (element.kind === 'text' ? [element.text] : []));
}

function barcodes(layout: LabelLayout): Extract<LabelElement, { kind: 'barcode1d' }>[] {
  return layout.elements.filter((element): element is Extract<LabelElement, { kind: 'barcode1d' }> => element.kind === 'barcode1d');
}

function maxiCodeOf(layout: LabelLayout) {
  const found = layout.elements.filter((element): element is Extract<LabelElement, { kind: 'bitmap' }> => element.kind === 'bitmap' && element.encodes?.symbology === 'maxicode');
  assert.equal(found.length, 1, 'one MaxiCode');
  return found[0];
}

test('UPS MaxiCode carries the structured carrier message: ZIP, 840, service class, tracking, UPSN, shipper, pickup day', () => {
  const symbol = maxiCodeOf(layoutLabel(upsLabel));
  const fields = symbol.encodes!.data.split(GS);
  assert.equal(fields[0], `[)>${RS}01`);
  assert.equal(fields[1], '9690069', 'format 96 + destination ZIP');
  assert.equal(fields[2], '840', 'country: USA');
  assert.equal(fields[3], '003', 'service class: Ground');
  assert.equal(fields[4], upsLabel.trackingNumber);
  assert.equal(fields[5], 'UPSN');
  assert.equal(fields[6], '5R8939', 'shipper number from the 1Z number');
  assert.equal(fields[7], '295', 'Julian day of 2025-10-22');
  assert.equal(fields[9], '1/2');
  assert.equal(fields[10], '3', 'weight rounded up to whole pounds');
  assert.equal(fields.at(-2), 'WEST HOLLYWOOD');
  assert.ok(fields.at(-1)!.startsWith('CA'));
  const nextDay = maxiCodeOf(layoutLabel({ ...upsLabel, serviceCode: 'ups_next_day_air', trackingNumber: '1Z5R89390157567129' }));
  assert.equal(nextDay.encodes!.data.split(GS)[3], '001');
});

test('the MaxiCode bitmap has a dark hexagon exactly where the encoder puts a module, and the bullseye', () => {
  const symbol = maxiCodeOf(layoutLabel(upsLabel));
  const modules = maxiCodeModules(symbol.encodes!.data);
  const geometry = maxiCodeBitmap(symbol.encodes!.data);
  assert.deepEqual([symbol.width, symbol.height], [geometry.width, geometry.height]);
  assert.ok(symbol.width >= 190 && symbol.width <= 215, 'about one inch at 203 dpi');
  const eye = geometry.centre(16, 14);
  let checked = 0;
  for (let row = 0; row < MAXICODE_ROWS; row++) {
    for (let column = 0; column < MAXICODE_COLUMNS; column++) {
      const { x, y } = geometry.centre(row, column);
      if (Math.hypot(x - eye.x, y - eye.y) < 5 * geometry.moduleWidth) continue; // the finder pattern
      const dark = symbol.bits[Math.floor(y) * symbol.width + Math.floor(x)] === 1;
      assert.equal(dark, modules.has(row * MAXICODE_COLUMNS + column), `module ${row},${column}`);
      checked++;
    }
  }
  assert.ok(checked > 800);
  // Rings: dark at 1, 2.5 and 4 module widths from the centre, light at 1.75 and 3.25.
  const at = (r: number) => symbol.bits[Math.floor(eye.y) * symbol.width + Math.floor(eye.x + r * geometry.moduleWidth)];
  assert.deepEqual([1, 1.75, 2.5, 3.25, 4].map(at), [1, 0, 1, 0, 1]);
});

test('UPS routing line and the (420) postal barcode of the destination ZIP sit beside the MaxiCode', () => {
  const layout = layoutLabel(upsLabel);
  assert.ok(texts(layout).some((line) => /^CA 900 \d-\d\d$/.test(line)), texts(layout).join(' | '));
  const postal = barcodes(layout).find((b) => b.role === 'postal');
  assert.deepEqual([postal?.symbology, postal?.data], ['gs1-128', '(420)90069']);
  const zip4 = barcodes(layoutLabel({ ...upsLabel, shipTo: { ...upsLabel.shipTo, postalCode: '90069-1234' } })).find((b) => b.role === 'postal');
  assert.equal(zip4?.data, '(420)900691234');
  const abroad = layoutLabel({ ...upsLabel, shipTo: dhlLabel.shipTo, international: true });
  assert.equal(barcodes(abroad).find((b) => b.role === 'postal'), undefined, 'no (420) outside US ZIP codes');
});

test('DHL Express: service area codes, 2L routing barcode and J license plate', () => {
  const layout = layoutLabel(dhlLabel);
  assert.ok(texts(layout).includes('LHR'), 'destination service area');
  const byRole = new Map(barcodes(layout).map((b) => [b.role, b.data]));
  assert.equal(byRole.get('tracking'), '3318810025');
  assert.equal(byRole.get('routing'), '2LGBNW16XE');
  assert.match(byRole.get('license_plate')!, /^JJD01\d{16}$/);
  const second = new Map(barcodes(layoutLabel({ ...dhlLabel, packageIndex: 2, packageCount: 2 })).map((b) => [b.role, b.data]));
  assert.notEqual(second.get('license_plate'), byRole.get('license_plate'), 'one license plate per piece');
});

test('FedEx: URSA routing line ("XX AAAA") and destination detail; Ground prints postal code and sort', () => {
  const express = texts(layoutLabel(fedexLabel));
  assert.ok(express.some((line) => /^[A-Z]{2} LAX[A-D]$/.test(line)), express.join(' | '));
  assert.ok(express.includes('90069 CA-US LAX'));
  const ground = texts(layoutLabel({ ...fedexLabel, serviceCode: 'fedex_ground', serviceName: 'FedEx Ground®', trackingNumber: '568283610012000' }));
  assert.ok(ground.some((line) => /^90069 CA \d \d$/.test(line)), ground.join(' | '));
});

test('USPS keeps its own anatomy: zone, ZIP3 routing, no MaxiCode and one barcode (the IMpb)', () => {
  const layout = layoutLabel(uspsLabel);
  assert.ok(texts(layout).includes('ZONE 8'));
  assert.equal(barcodes(layout).length, 1);
  assert.ok(!layout.elements.some((element) => element.kind === 'bitmap' && element.encodes));
});
