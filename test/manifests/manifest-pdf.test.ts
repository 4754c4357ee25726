import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderManifestPdf } from '../../src/domain/documents/index.ts';
import { decodeCode128, pdfMediaBoxes, pdfText, rasterisePdf, requireTool, scratchDir } from '../documents/document-tools.ts';

const shipper = { name: 'Dock Manager', companyName: 'Shipdock Inc', phone: '512-555-0100', addressLine1: '500 W 2nd St', cityLocality: 'Austin', stateProvince: 'TX', postalCode: '78701', countryCode: 'US', residential: 'no' as const };

test('a long manifest runs onto more Letter pages; a carrier other than USPS gets an end-of-day title', async (ctx) => {
  const pieces = Array.from({ length: 140 }, (_, i) => ({
    serviceCode: i % 4 ? 'ups_ground' : 'ups_next_day_air',
    serviceName: i % 4 ? 'UPS Ground' : 'UPS Next Day Air',
    trackingNumber: `1Z999AA1${String(i).padStart(10, '0')}`,
  }));
  const pdf = await renderManifestPdf({
    formId: 'se-4242',
    manifestId: 'se-4242',
    submissionId: '9475700000000000042001',
    carrierCode: 'ups',
    carrierName: 'UPS',
    shipDate: '2027-05-26',
    createdAt: '2027-05-26T15:00:00.000Z',
    shipper,
    pieces,
  });
  assert.deepEqual(pdfMediaBoxes(pdf), [[0, 0, 612, 792], [0, 0, 612, 792]]);
  if (!requireTool(ctx, 'pdftoppm', 'poppler-utils') || !requireTool(ctx, 'zbarimg', 'zbar-tools')) return;
  const dir = scratchDir(ctx);
  const pages = rasterisePdf(pdf, dir);
  assert.equal(pages.length, 2);
  assert.deepEqual(decodeCode128(pages[0]), ['se-4242']);
  const text = pdfText(pdf, dir);
  assert.match(text, /END OF DAY MANIFEST/);
  assert.doesNotMatch(text, /PS Form 5630/);
  assert.match(text, /UPS Ground\s+ups_ground\s+105\b/);
  assert.match(text, /UPS Next Day Air\s+ups_next_day_air\s+35\b/);
  assert.match(text, /Total\s+140\b/);
  assert.match(text, /Page 2 of 2/);
  for (const piece of pieces) assert.ok(text.includes(piece.trackingNumber), piece.trackingNumber);
});
