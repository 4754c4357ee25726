import { test } from 'node:test';
import assert from 'node:assert/strict';
import { layoutLabel } from '../../src/domain/documents/label-layout.ts';
import { LABEL_HEIGHT_DOTS, LABEL_WIDTH_DOTS, type LabelElement, type LabelLayout } from '../../src/domain/documents/label-elements.ts';
import { CODE128_QUIET_ZONE_MODULES } from '../../src/domain/documents/barcode-symbols.ts';
import { textWidth } from '../../src/domain/documents/text-metrics.ts';
import { formatWeight } from '../../src/domain/documents/label-text.ts';
import { dhlLabel, fedexLabel, labelsByCarrier, upsLabel, uspsLabel } from './label-fixtures.ts';

function texts(layout: LabelLayout): string[] {
  return layout.elements.flatMap((element) => (element.kind === 'text' ? [element.text] : []));
}

function only<K extends LabelElement['kind']>(layout: LabelLayout, kind: K): Extract<LabelElement, { kind: K }> {
  const found = layout.elements.filter((element): element is Extract<LabelElement, { kind: K }> => element.kind === kind);
  assert.equal(found.length, 1, `expected one ${kind}`);
  return found[0];
}

test('service banner names the carrier and service as carriers print them', () => {
  const banners = labelsByCarrier.map((input) => texts(layoutLabel(input)));
  assert.ok(banners[0].includes('USPS PRIORITY MAIL®'));
  assert.ok(banners[1].includes('UPS GROUND'));
  assert.ok(banners[2].includes('FEDEX 2DAY®'));
  assert.ok(banners[3].includes('DHL EXPRESS WORLDWIDE'));
  assert.ok(texts(layoutLabel({ ...uspsLabel, serviceName: 'USPS Ground Advantage' })).includes('USPS GROUND ADVANTAGE™'));
});

function trackingBarcode(layout: LabelLayout) {
  const found = layout.elements.filter((element) => element.kind === 'barcode1d' && element.role === 'tracking');
  assert.equal(found.length, 1, 'expected one tracking barcode');
  return found[0] as Extract<LabelElement, { kind: 'barcode1d' }>;
}

test('USPS tracking barcode is an IMpb: GS1-128 with (420) destination ZIP then the tracking number', () => {
  const barcode = only(layoutLabel(uspsLabel), 'barcode1d');
  assert.equal(barcode.role, 'tracking');
  assert.equal(barcode.symbology, 'gs1-128');
  assert.equal(barcode.data, '(420)90069(94)05511899560337048294');
  assert.equal(barcode.moduleWidth, 3);
  const zipPlusFour = only(layoutLabel({ ...uspsLabel, shipTo: { ...uspsLabel.shipTo, postalCode: '90069-1234' } }), 'barcode1d');
  assert.equal(zipPlusFour.data, '(420)900691234(94)05511899560337048294');
});

test('other carriers, and USPS abroad, barcode the bare tracking number in Code 128', () => {
  for (const input of [upsLabel, fedexLabel, dhlLabel]) {
    const barcode = trackingBarcode(layoutLabel(input));
    assert.deepEqual([barcode.symbology, barcode.data], ['code128', input.trackingNumber]);
  }
  const abroad = { ...uspsLabel, trackingNumber: 'RB123456785US', shipTo: dhlLabel.shipTo, international: true };
  assert.equal(only(layoutLabel(abroad), 'barcode1d').symbology, 'code128');
  assert.ok(texts(layoutLabel(abroad)).includes('RB 123 456 785 US'));
});

test('human-readable tracking number is grouped the way each carrier prints it', () => {
  const readable = labelsByCarrier.map((input) => texts(layoutLabel(input)));
  assert.ok(readable[0].includes('9405 5118 9956 0337 0482 94'));
  assert.ok(readable[1].includes('1Z 5R8 939 03 5756 7127'));
  assert.ok(readable[2].includes('7700 0000 0017'));
  assert.ok(readable[3].includes('33 1881 0025'));
});

test('every linear barcode has whole-dot modules and its quiet zones fit on the label', () => {
  for (const barcode of labelsByCarrier.flatMap((input) => layoutLabel(input).elements.flatMap((e) => (e.kind === 'barcode1d' ? [{ ...e, carrierCode: `${input.carrierCode} ${e.role}` }] : [])))) {
    const input = barcode;
    const modules = barcode.runs.reduce((sum, run) => sum + run, 0);
    const quiet = CODE128_QUIET_ZONE_MODULES * barcode.moduleWidth;
    assert.ok(Number.isInteger(barcode.moduleWidth) && barcode.moduleWidth >= 2, `${input.carrierCode} module width`);
    assert.ok(barcode.x - quiet >= 0, `${input.carrierCode} left quiet zone`);
    assert.ok(barcode.x + modules * barcode.moduleWidth + quiet <= LABEL_WIDTH_DOTS, `${input.carrierCode} right quiet zone`);
  }
});

test('2D barcode carries ship-to postal code, tracking number and service (UPS: MaxiCode, tested apart)', () => {
  for (const input of labelsByCarrier.filter((label) => label !== upsLabel)) {
    const matrix = only(layoutLabel(input), 'barcode2d');
    assert.equal(matrix.data, `${input.shipTo.postalCode}|${input.shipTo.countryCode}|${input.trackingNumber}|${input.serviceCode}`);
    assert.equal(matrix.cells.length, matrix.rows * matrix.columns);
    assert.ok(Number.isInteger(matrix.moduleWidth) && Number.isInteger(matrix.moduleHeight));
  }
  assert.equal(only(layoutLabel(fedexLabel), 'barcode2d').symbology, 'pdf417');
  assert.equal(only(layoutLabel(uspsLabel), 'barcode2d').symbology, 'datamatrix');
});

test('label shows addresses, weight, ship date, zone, references and package count', () => {
  const printed = texts(layoutLabel(upsLabel));
  for (const expected of [
    'SHIPPING DEPARTMENT',
    'AUSTIN TX 78756',
    'JANE DOE',
    'WEST HOLLYWOOD CA 90069',
    'DIMS: 12 x 10 x 8 IN',
    'SHIP DATE: 2025-10-22  WEIGHT: 2 LB 4 OZ',
    'REF1: Order #1001',
    'REF2: PO 7788',
    '1 OF 2',
    '$12.45',
  ]) {
    assert.ok(printed.includes(expected), `missing "${expected}"`);
  }
  assert.ok(texts(layoutLabel(uspsLabel)).includes('ZONE 8'), 'USPS prints the zone');
  assert.ok(texts(layoutLabel(uspsLabel)).includes('CA 900'));
  const international = texts(layoutLabel(dhlLabel));
  assert.ok(international.includes('UNITED KINGDOM'));
  assert.ok(international.includes('CUSTOMS FORM ATTACHED'));
  assert.ok(!international.some((line) => line.startsWith('ZONE')), 'no zone when the input has none');
});

test('test and return markers appear only when flagged', () => {
  assert.ok(texts(layoutLabel(fedexLabel)).includes('TEST LABEL - DO NOT SHIP'));
  assert.ok(texts(layoutLabel(dhlLabel)).includes('RETURN'));
  const plain = texts(layoutLabel(uspsLabel));
  assert.ok(!plain.includes('TEST LABEL - DO NOT SHIP'));
  assert.ok(!plain.includes('RETURN'));
});

test('every element stays on the 812 x 1218 canvas and long text is fitted to its box', () => {
  const crowded = {
    ...uspsLabel,
    shipTo: {
      ...uspsLabel.shipTo,
      name: 'Maximilian Alexander Bartholomew Featherstonehaugh-Wolfeschlegelsteinhausen',
      companyName: 'International Consolidated Widget Manufacturing and Distribution Company LLC',
      addressLine3: 'Building 7, Loading Dock C, Attention Receiving Department',
    },
    references: ['R'.repeat(200)],
  };
  for (const input of [...labelsByCarrier, crowded]) {
    for (const element of layoutLabel(input).elements) {
      if (element.kind === 'text') {
        assert.ok(textWidth(element.text, element.size, element.bold) <= element.width + 0.01, `"${element.text}" overflows`);
        assert.ok(element.x >= 0 && element.x + element.width <= LABEL_WIDTH_DOTS);
        assert.ok(element.baseline - element.size >= 0 && element.baseline <= LABEL_HEIGHT_DOTS);
      } else {
        assert.ok(element.x >= 0 && element.y >= 0, `${element.kind} starts on the label`);
      }
    }
  }
});

test('weights print in ounces under a pound and pounds plus ounces above', () => {
  assert.equal(formatWeight(8), '8 OZ');
  assert.equal(formatWeight(12.5), '12.5 OZ');
  assert.equal(formatWeight(32), '2 LB');
  assert.equal(formatWeight(36), '2 LB 4 OZ');
});
