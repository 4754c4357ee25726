// Carrier-specific wording and symbology for the generic label layout (see
// reference/domain/label-anatomy.md and tracking-numbers.md).
import type { LabelDocumentInput } from './label-document.ts';
import type { LinearSymbology, MatrixSymbology } from './label-elements.ts';

export type CarrierFamily = 'usps' | 'ups' | 'fedex' | 'dhl' | 'other';

const FAMILY_BY_CARRIER_CODE: Record<string, CarrierFamily> = {
  stamps_com: 'usps',
  usps: 'usps',
  endicia: 'usps',
  ups: 'ups',
  fedex: 'fedex',
  dhl_express: 'dhl',
};

const BRAND: Record<Exclude<CarrierFamily, 'other'>, string> = { usps: 'USPS', ups: 'UPS', fedex: 'FedEx', dhl: 'DHL' };

/** Places whose mail uses US ZIP codes, so the IMpb can carry the "420" routing element. */
const ZIP_CODE_COUNTRIES = new Set(['US', 'PR', 'VI', 'GU', 'AS', 'MP', 'FM', 'MH', 'PW']);

/** The mark at the top right: a service letter/digit, or a solid box (USPS Media Mail, UPS Next Day). */
export interface ServiceMark {
  text: string;
  inverted: boolean;
}

export interface TrackingBarcode {
  symbology: LinearSymbology;
  data: string;
}

export interface CarrierLabelStyle {
  family: CarrierFamily;
  brand: string;
  bannerText: string;
  serviceMark: ServiceMark;
  paymentCaption: string;
  trackingCaption: string;
  trackingText: string;
  trackingBarcode: TrackingBarcode;
  matrixSymbology: MatrixSymbology;
}

export function carrierLabelStyle(input: LabelDocumentInput): CarrierLabelStyle {
  const family = FAMILY_BY_CARRIER_CODE[input.carrierCode] ?? 'other';
  const brand = family === 'other' ? input.carrierName : BRAND[family];
  const service = `${input.serviceCode} ${input.serviceName}`.toLowerCase().replace(/_/g, ' ');
  return {
    family,
    brand,
    bannerText: bannerText(family, brand, input.serviceName),
    serviceMark: serviceMark(family, service, input.serviceName),
    paymentCaption: family === 'usps' ? 'US POSTAGE PAID' : family === 'ups' ? 'BILLING: P/P' : 'BILL SENDER',
    trackingCaption: trackingCaption(family, brand),
    trackingText: humanReadableTracking(family, input.trackingNumber),
    trackingBarcode: trackingBarcode(family, input),
    // FedEx prints PDF417; USPS's indicia and the others fit a compact square DataMatrix.
    matrixSymbology: family === 'fedex' ? 'pdf417' : 'datamatrix',
  };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function bannerText(family: CarrierFamily, brand: string, serviceName: string): string {
  const withoutBrand = serviceName.trim().replace(new RegExp(`^${escapeRegExp(brand)}\\s*[®™]?\\s*`, 'i'), '');
  const banner = `${brand} ${withoutBrand}`.toUpperCase();
  if (family !== 'usps') return banner;
  // USPS prints its registered product names with their marks (Pub 199 examples).
  return banner.replace(/(PRIORITY MAIL(?: EXPRESS)?|GROUND ADVANTAGE)(?![®™])/, (product) =>
    product === 'GROUND ADVANTAGE' ? `${product}™` : `${product}®`,
  );
}

function serviceMark(family: CarrierFamily, service: string, serviceName: string): ServiceMark {
  const letter = (text: string, inverted = false): ServiceMark => ({ text, inverted });
  switch (family) {
    case 'usps':
      if (service.includes('express')) return letter('E');
      if (service.includes('priority')) return letter('P');
      if (service.includes('first class')) return letter('F');
      if (service.includes('media')) return letter('', true);
      return letter('G');
    case 'ups':
      if (/next day|1 day/.test(service)) return letter('1', true);
      if (/2nd day|2 day/.test(service)) return letter('2');
      if (service.includes('3 day')) return letter('3');
      return letter('');
    case 'fedex':
      if (service.includes('home')) return letter('H');
      return letter(service.includes('ground') ? 'G' : 'E');
    case 'dhl':
      return letter(/\bdoc/.test(service) ? 'D' : 'P');
    case 'other':
      return letter(serviceName.trim().charAt(0).toUpperCase());
  }
}

function trackingCaption(family: CarrierFamily, brand: string): string {
  if (family === 'fedex') return 'FEDEX TRK#';
  if (family === 'dhl') return 'DHL WAYBILL';
  return `${brand.toUpperCase()} TRACKING #`;
}

/** Splits `value` into groups of the given sizes; whatever is left forms the last group. */
function groupChars(value: string, sizes: number[]): string {
  const groups: string[] = [];
  let start = 0;
  for (const size of sizes) {
    if (start >= value.length) break;
    groups.push(value.slice(start, start + size));
    start += size;
  }
  if (start < value.length) groups.push(value.slice(start));
  return groups.join(' ');
}

function groupsOfFour(value: string): string {
  return groupChars(value, Array.from({ length: Math.ceil(value.length / 4) }, () => 4));
}

function humanReadableTracking(family: CarrierFamily, trackingNumber: string): string {
  if (family === 'usps' && /^[A-Z]{2}\d{9}[A-Z]{2}$/.test(trackingNumber)) {
    return groupChars(trackingNumber, [2, 3, 3, 3, 2]); // UPU S10: "RB 123 456 785 US"
  }
  if (family === 'ups' && trackingNumber.startsWith('1Z')) return groupChars(trackingNumber, [2, 3, 3, 2, 4, 4]);
  if (family === 'dhl' && trackingNumber.length === 10) return groupChars(trackingNumber, [2, 4, 4]);
  return groupsOfFour(trackingNumber);
}

function trackingBarcode(family: CarrierFamily, input: LabelDocumentInput): TrackingBarcode {
  const tracking = input.trackingNumber;
  const zip = input.shipTo.postalCode.replace(/[\s-]/g, '');
  const isImpb = /^9[1-5]\d{18,32}$/.test(tracking);
  const hasZip = ZIP_CODE_COUNTRIES.has(input.shipTo.countryCode.toUpperCase()) && /^(\d{5}|\d{9})$/.test(zip);
  if (family === 'usps' && isImpb && hasZip) {
    // IMpb: (420) destination ZIP, then the tracking number whose channel digits 9x act as the AI.
    return { symbology: 'gs1-128', data: `(420)${zip}(${tracking.slice(0, 2)})${tracking.slice(2)}` };
  }
  return { symbology: 'code128', data: tracking };
}
