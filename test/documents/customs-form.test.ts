import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildCustomsDeclaration, customsFormType, type CustomsFormInput } from '../../src/domain/documents/customs-declaration.ts';
import { renderCustomsFormPdf } from '../../src/domain/documents/render-customs-pdf.ts';
import { decodeCode128, pdfMediaBoxes, pdfText, rasterisePdf, requireTool, scratchDir } from './document-tools.ts';
import { customsFormForDhl } from './label-fixtures.ts';

const highValue: CustomsFormInput = {
  ...customsFormForDhl,
  invoiceNumber: 'INV-5521',
  customs: {
    ...customsFormForDhl.customs,
    items: [{ description: 'Mechanical watch', quantity: 1, valueCents: 125_000, harmonizedTariffCode: '9102.11', countryOfOrigin: 'CH' }],
  },
};

test('CN22 below US$400 declared, CN23 from US$400', () => {
  assert.equal(customsFormType(39_999), 'CN22');
  assert.equal(customsFormType(40_000), 'CN23');
  assert.equal(buildCustomsDeclaration(customsFormForDhl).formType, 'CN22');
  assert.equal(buildCustomsDeclaration(highValue).formType, 'CN23');
});

test('declaration lines are unit value and weight times quantity, totals add the lines', () => {
  const declaration = buildCustomsDeclaration(customsFormForDhl);
  assert.equal(declaration.lines[0].valueCents, 3 * 1500);
  assert.equal(declaration.lines[0].weightLb, (3 * 6) / 16);
  assert.equal(declaration.totalValueCents, 6499);
  assert.ok(Math.abs((declaration.totalWeightLb ?? 0) - (18 / 16 + 0.4 / 0.45359237)) < 1e-9);
  assert.equal(declaration.lines[0].countryOfOrigin, 'US');
  assert.equal(declaration.category, 'merchandise');
  assert.equal(buildCustomsDeclaration(highValue).totalWeightLb, null, 'no weight declared');
  const unusual = buildCustomsDeclaration({ ...customsFormForDhl, customs: { ...customsFormForDhl.customs, contents: 'rubber_duckies' } });
  assert.equal(unusual.category, 'other');
});

test('customs form is a 4x6 PDF', async () => {
  const pdf = await renderCustomsFormPdf(customsFormForDhl);
  assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
  assert.deepEqual(pdfMediaBoxes(pdf), [[0, 0, 288, 432]]);
});

test('CN22 states sender, recipient, contents, items with HS code and origin, totals, date and signature', async (t) => {
  if (!requireTool(t, 'pdftotext', 'poppler-utils')) return;
  const text = pdfText(await renderCustomsFormPdf(customsFormForDhl), scratchDir(t));
  for (const expected of [
    'CN 22',
    'Shipping Department',
    'Oliver Smith',
    'United Kingdom',
    'Sale of goods',
    'Return to sender',
    'Cotton T-shirt, printed',
    '6109.10',
    '3926.10',
    '$45.00',
    '$64.99',
    '2.01',
    'Date: 2025-10-22',
    "Sender's signature",
  ]) {
    assert.ok(text.includes(expected), `missing "${expected}"`);
  }
});

test('CN23 adds postal charges, office of origin and invoice number', async (t) => {
  if (!requireTool(t, 'pdftotext', 'poppler-utils')) return;
  const text = pdfText(await renderCustomsFormPdf(highValue), scratchDir(t));
  for (const expected of ['CN 23', 'Postal charges/fees: $64.20', 'Office of origin: 78756', 'Invoice no.: INV-5521', '$1250.00']) {
    assert.ok(text.includes(expected), `missing "${expected}"`);
  }
});

test('many items continue on further 4x6 pages, totals on the last', async (t) => {
  const items = Array.from({ length: 20 }, (_, index) => ({
    description: `Spare part ${index + 1}`,
    quantity: 1,
    valueCents: 1000,
    harmonizedTariffCode: '8473.30',
    countryOfOrigin: 'DE',
  }));
  const pdf = await renderCustomsFormPdf({ ...customsFormForDhl, customs: { ...customsFormForDhl.customs, items } });
  const pages = pdfMediaBoxes(pdf);
  assert.ok(pages.length > 1);
  assert.ok(pages.every((box) => box.join() === '0,0,288,432'));
  if (!requireTool(t, 'pdftotext', 'poppler-utils')) return;
  const text = pdfText(pdf, scratchDir(t));
  for (const item of items) assert.ok(text.includes(item.description), `missing ${item.description}`);
  assert.equal(text.match(/TOTAL/g)?.length, 1);
});

test('customs form tracking barcode scans at 203 dpi', async (t) => {
  if (!requireTool(t, 'pdftoppm', 'poppler-utils') || !requireTool(t, 'zbarimg', 'zbar-tools')) return;
  const [page] = rasterisePdf(await renderCustomsFormPdf(customsFormForDhl), scratchDir(t));
  assert.deepEqual(decodeCode128(page), [customsFormForDhl.trackingNumber]);
});
