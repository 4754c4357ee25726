import { test } from 'node:test';
import assert from 'node:assert/strict';
import { escapeZplFieldData, renderLabelZpl } from '../../src/domain/documents/render-label-zpl.ts';
import { dhlLabel, fedexLabel, labelsByCarrier, upsLabel, uspsLabel } from './label-fixtures.ts';

function formats(zpl: string): string[] {
  return zpl.split('^XZ').slice(0, -1).map((format) => `${format.trim()}\n^XZ`);
}

test('one ^XA ... ^XZ format per package, sized for 4x6 at 203 dpi', () => {
  const zpl = renderLabelZpl([...labelsByCarrier]);
  const labels = formats(zpl);
  assert.equal(labels.length, labelsByCarrier.length);
  labels.forEach((label, index) => {
    assert.ok(label.startsWith('^XA\n^CI28\n^PW812\n^LL1218'), 'UTF-8 field data on 812 x 1218 dots');
    assert.ok(label.endsWith('^XZ'));
    assert.equal(label.match(/\^XA/g)?.length, 1);
    assert.ok(label.includes(labelsByCarrier[index].trackingNumber));
  });
});

test('Code 128 tracking barcode is left to the printer with ^BC and the exact data', () => {
  for (const input of [upsLabel, fedexLabel, dhlLabel]) {
    assert.match(renderLabelZpl([input]), new RegExp(`\\^BCN,${input === dhlLabel ? 104 : 168},N,N,N,A\\^FH\\^FD${input.trackingNumber}\\^FS`));
  }
});

test('USPS IMpb is GS1-128: subset C start, FNC1 before (420)ZIP and before the tracking number', () => {
  const zpl = renderLabelZpl([uspsLabel]);
  assert.ok(zpl.includes('^BY3,3,168^FO'), 'three-dot modules as USPS labels use');
  assert.ok(zpl.includes('^BCN,168,N,N,N,N^FD>;>842090069>89405511899560337048294^FS'));
  const oddLength = renderLabelZpl([{ ...uspsLabel, trackingNumber: '940551189956033704829' }]);
  assert.ok(oddLength.includes('^FD>;>842090069>894055118995603370482>69^FS'), 'last odd digit in subset B');
});

test('UPS prints its MaxiCode as a graphic (^GFA), the (420) postal barcode as GS1-128; DHL its 2L routing and J license plate', () => {
  const ups = renderLabelZpl([upsLabel]);
  assert.ok(ups.includes('^FD>;>842090069^FS'), 'postal barcode: FNC1 + 420 + ZIP in subset C');
  assert.equal(ups.match(/\^GFA,/g)?.length, 1, 'the MaxiCode bitmap');
  const dhl = renderLabelZpl([dhlLabel]);
  assert.ok(dhl.includes('^FH^FD2LGBNW16XE^FS'));
  assert.ok(dhl.includes('^FH^FDJJD014633188100250001^FS'));
});

test('2D code is DataMatrix (^BX) or, for FedEx, PDF417 (^B7) with ship-to postal code, tracking and service', () => {
  assert.match(renderLabelZpl([uspsLabel]), /\^BXN,\d+,200,\d+,\d+\^FH\^FD90069\|US\|9405511899560337048294\|usps_5Fpriority_5Fmail\^FS/);
  assert.match(renderLabelZpl([fedexLabel]), /\^B7N,\d+,2,2,\d+,N\^FH\^FD90069\|US\|770000000017\|fedex_5F2day\^FS/);
});

test('field data never carries a raw ZPL control character', () => {
  const hostile = {
    ...uspsLabel,
    shipTo: { ...uspsLabel.shipTo, name: 'Zoë ^XZ~JA_Back\\slash' },
    references: ['^FS^XA ~DG'],
  };
  const zpl = renderLabelZpl([hostile]);
  assert.equal(formats(zpl).length, 1);
  assert.ok(zpl.includes('^FDZO_C3_8B _5EXZ_7EJA_5FBACK\\\\SLASH^FS'));
  assert.ok(zpl.includes('^FDREF1: _5EFS_5EXA _7EDG^FS'));
  for (const match of zpl.matchAll(/\^FD([^\n]*?)\^FS/g)) assert.doesNotMatch(match[1], /[\^~]/);
});

test('escapeZplFieldData hex-encodes control characters and non-ASCII as UTF-8', () => {
  assert.equal(escapeZplFieldData('A^B~C_D'), 'A_5EB_7EC_5FD');
  assert.equal(escapeZplFieldData('USPS PRIORITY MAIL®'), 'USPS PRIORITY MAIL_C2_AE');
  assert.equal(escapeZplFieldData('tab\there'), 'tab_09here');
});

test('test and return markers print reversed over a black bar', () => {
  assert.ok(renderLabelZpl([fedexLabel]).includes('^FR^FH^FDTEST LABEL - DO NOT SHIP^FS'));
  assert.ok(renderLabelZpl([dhlLabel]).includes('^FR^FH^FDRETURN^FS'));
  assert.ok(!renderLabelZpl([uspsLabel]).includes('TEST LABEL'));
});

test('ZPL needs at least one package', () => {
  assert.throws(() => renderLabelZpl([]), /at least one package/);
});
