// One realistic label per carrier, with tracking numbers that pass each carrier's check digit
// (examples from reference/domain/tracking-numbers.md).
import type { PostalAddress } from '../../src/domain/shipping-types.ts';
import type { LabelDocumentInput } from '../../src/domain/documents/label-document.ts';
import type { CustomsFormInput } from '../../src/domain/documents/customs-declaration.ts';

export const warehouse: PostalAddress = {
  name: 'Shipping Department',
  companyName: 'Acme Widgets Inc',
  phone: '512-555-0100',
  addressLine1: '4009 Marathon Blvd',
  addressLine2: 'Suite 200',
  cityLocality: 'Austin',
  stateProvince: 'TX',
  postalCode: '78756',
  countryCode: 'US',
  residential: 'no',
};

export const customer: PostalAddress = {
  name: 'Jane Doe',
  addressLine1: '9200 Sunset Blvd',
  addressLine2: 'Apt 5B',
  cityLocality: 'West Hollywood',
  stateProvince: 'CA',
  postalCode: '90069',
  countryCode: 'US',
  residential: 'yes',
};

export const londonCustomer: PostalAddress = {
  name: 'Oliver Smith',
  companyName: 'Smith & Sons Ltd',
  phone: '+44 20 7946 0958',
  addressLine1: '221B Baker Street',
  cityLocality: 'London',
  stateProvince: '',
  postalCode: 'NW1 6XE',
  countryCode: 'GB',
  residential: 'no',
};

const base: LabelDocumentInput = {
  labelId: 'se-1001',
  carrierCode: 'stamps_com',
  carrierName: 'Stamps.com',
  serviceCode: 'usps_priority_mail',
  serviceName: 'USPS Priority Mail',
  trackingNumber: '9405511899560337048294',
  shipFrom: warehouse,
  shipTo: customer,
  weightOz: 36,
  dimensionsIn: { length: 12, width: 10, height: 8 },
  zone: 8,
  shipDate: '2025-10-22',
  references: ['Order #1001', 'PO 7788'],
  isTest: false,
  isReturn: false,
  packageIndex: 1,
  packageCount: 1,
  postageCents: 1245,
  international: false,
};

export const uspsLabel: LabelDocumentInput = base;

export const upsLabel: LabelDocumentInput = {
  ...base,
  labelId: 'se-1002',
  carrierCode: 'ups',
  carrierName: 'UPS',
  serviceCode: 'ups_ground',
  serviceName: 'UPS® Ground',
  trackingNumber: '1Z5R89390357567127',
  zone: 5,
  packageIndex: 1,
  packageCount: 2,
};

export const fedexLabel: LabelDocumentInput = {
  ...base,
  labelId: 'se-1003',
  carrierCode: 'fedex',
  carrierName: 'FedEx',
  serviceCode: 'fedex_2day',
  serviceName: 'FedEx 2Day®',
  trackingNumber: '770000000017',
  zone: 4,
  isTest: true,
};

export const dhlLabel: LabelDocumentInput = {
  ...base,
  labelId: 'se-1004',
  carrierCode: 'dhl_express',
  carrierName: 'DHL Express',
  serviceCode: 'dhl_express_worldwide',
  serviceName: 'DHL Express Worldwide',
  trackingNumber: '3318810025',
  shipTo: londonCustomer,
  zone: null,
  international: true,
  isReturn: true,
  references: ['Invoice INV-5521', 'Dept 12', 'Gift'],
};

export const labelsByCarrier: readonly LabelDocumentInput[] = [uspsLabel, upsLabel, fedexLabel, dhlLabel];

export const customsFormForDhl: CustomsFormInput = {
  trackingNumber: dhlLabel.trackingNumber,
  carrierName: dhlLabel.carrierName,
  serviceName: dhlLabel.serviceName,
  shipFrom: warehouse,
  shipTo: londonCustomer,
  shipDate: dhlLabel.shipDate,
  postageCents: 6420,
  customs: {
    contents: 'merchandise',
    nonDelivery: 'return_to_sender',
    items: [
      {
        description: 'Cotton T-shirt, printed',
        quantity: 3,
        valueCents: 1500,
        harmonizedTariffCode: '6109.10',
        countryOfOrigin: 'us',
        weight: { value: 6, unit: 'ounce' },
      },
      {
        description: 'Plastic desk organiser',
        quantity: 1,
        valueCents: 1999,
        harmonizedTariffCode: '3926.10',
        countryOfOrigin: 'CN',
        weight: { value: 0.4, unit: 'kilogram' },
      },
    ],
  },
};

/**
 * What zbar reads off each fixture label (sorted): the tracking barcode, plus UPS's (420) postal
 * barcode and DHL's 2L routing and J license plate. USPS is matched by USPS_IMPB_SCAN instead.
 */
export const expectedScans: ReadonlyMap<LabelDocumentInput, string[]> = new Map([
  [upsLabel, ['1Z5R89390357567127', '42090069'].sort()],
  [fedexLabel, ['770000000017']],
  [dhlLabel, ['3318810025', '2LGBNW16XE', 'JJD014633188100250001'].sort()],
]);

/** zbar prints GS1-128 as AI 420 + ZIP, a GS separator, then the tracking number (optionally after ]C1). */
export const USPS_IMPB_SCAN = /^(\]C1)?42090069\x1d?9405511899560337048294$/;
