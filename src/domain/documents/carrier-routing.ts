// Routing marks per carrier (label-anatomy.md): UPS "TX 787 9-01" over the (420) postal barcode,
// FedEx URSA lines ("XH AUSA" / "78701 TX-US AUS"), DHL service areas with the 2L routing barcode
// and the J license plate. Sort codes are deterministic functions of the destination, not real ones.
import type { PostalAddress } from '../shipping-types.ts';
import type { LabelDocumentInput } from './label-document.ts';

/** Main airport of each state / country: FedEx URSA location and DHL service area codes. */
const STATE_AIRPORTS: Readonly<Record<string, string>> = {
  AL: 'BHM', AK: 'ANC', AZ: 'PHX', AR: 'LIT', CA: 'LAX', CO: 'DEN', CT: 'BDL', DE: 'PHL', DC: 'IAD', FL: 'MIA', GA: 'ATL',
  HI: 'HNL', ID: 'BOI', IL: 'ORD', IN: 'IND', IA: 'DSM', KS: 'MCI', KY: 'SDF', LA: 'MSY', ME: 'PWM', MD: 'BWI', MA: 'BOS',
  MI: 'DTW', MN: 'MSP', MS: 'JAN', MO: 'STL', MT: 'BIL', NE: 'OMA', NV: 'LAS', NH: 'MHT', NJ: 'EWR', NM: 'ABQ', NY: 'JFK',
  NC: 'CLT', ND: 'FAR', OH: 'CMH', OK: 'OKC', OR: 'PDX', PA: 'PHL', RI: 'PVD', SC: 'CAE', SD: 'FSD', TN: 'MEM', TX: 'DFW',
  UT: 'SLC', VT: 'BTV', VA: 'RIC', WA: 'SEA', WV: 'CRW', WI: 'MKE', WY: 'CPR', PR: 'SJU', GU: 'GUM', VI: 'STT',
};
const COUNTRY_AIRPORTS: Readonly<Record<string, string>> = {
  CA: 'YYZ', MX: 'MEX', GB: 'LHR', IE: 'DUB', FR: 'CDG', DE: 'FRA', NL: 'AMS', BE: 'BRU', ES: 'MAD', IT: 'MXP', CH: 'ZRH',
  AT: 'VIE', SE: 'ARN', NO: 'OSL', DK: 'CPH', FI: 'HEL', PL: 'WAW', JP: 'NRT', CN: 'PVG', HK: 'HKG', SG: 'SIN', KR: 'ICN',
  AU: 'SYD', NZ: 'AKL', IN: 'BOM', AE: 'DXB', BR: 'GRU', AR: 'EZE', ZA: 'JNB', IL: 'TLV',
};

function digitsOf(text: string): string {
  return text.replace(/\D/g, '');
}

/** A small stable number from text, for sort codes that only have to look plausible. */
function stableHash(text: string): number {
  let hash = 2166136261;
  for (const char of text) hash = Math.imul(hash ^ char.charCodeAt(0), 16777619) >>> 0;
  return hash;
}

function isUs(address: PostalAddress): boolean {
  return ['US', 'PR', 'VI', 'GU', 'AS', 'MP'].includes(address.countryCode.toUpperCase());
}

function zip(address: PostalAddress): string {
  const digits = digitsOf(address.postalCode);
  return digits.length === 9 ? digits : digits.slice(0, 5);
}

/** UPS routing "TX 787 9-01": state, ZIP3, hub digit and sort, or "GB NW1 9-01" abroad. */
export function upsRoutingCode(shipTo: PostalAddress): string {
  const hash = stableHash(shipTo.postalCode.toUpperCase());
  const sort = `${(hash % 9) + 1}-${String((hash >>> 8) % 60 + 1).padStart(2, '0')}`;
  if (isUs(shipTo)) return `${shipTo.stateProvince.toUpperCase()} ${digitsOf(shipTo.postalCode).slice(0, 3)} ${sort}`;
  return `${shipTo.countryCode.toUpperCase()} ${shipTo.postalCode.toUpperCase().split(' ')[0]} ${sort}`;
}

/** GS1-128 data of the UPS/USPS postal barcode: (420) + ZIP5 or ZIP+4; null abroad or without a ZIP. */
export function postalBarcodeData(shipTo: PostalAddress): string | null {
  const code = zip(shipTo);
  return isUs(shipTo) && (code.length === 5 || code.length === 9) ? `(420)${code}` : null;
}

/** FedEx URSA routing: "XH AUSA" (prefix + airport + station letter) and "78701 TX-US DFW" for Express, "78701 TX 9 1" for Ground. */
export function fedexRouting(input: LabelDocumentInput): { ursa: string; detail: string } {
  const shipTo = input.shipTo;
  const hash = stableHash(shipTo.postalCode.toUpperCase());
  const airport = (isUs(shipTo) ? STATE_AIRPORTS[shipTo.stateProvince.toUpperCase()] : COUNTRY_AIRPORTS[shipTo.countryCode.toUpperCase()]) ?? 'MEM';
  const prefix = String.fromCharCode(65 + (hash % 26)) + String.fromCharCode(65 + ((hash >>> 5) % 26));
  const station = String.fromCharCode(65 + ((hash >>> 10) % 4));
  const postal = shipTo.postalCode.toUpperCase();
  const country = shipTo.countryCode.toUpperCase();
  const ground = /ground|home/.test(`${input.serviceCode} ${input.serviceName}`.toLowerCase());
  const detail = ground
    ? `${postal} ${shipTo.stateProvince.toUpperCase()} ${(hash % 9) + 1} ${((hash >>> 4) % 9) + 1}`.replace(/\s+/g, ' ')
    : `${postal} ${shipTo.stateProvince.toUpperCase() || country}-${country} ${airport}`;
  return { ursa: `${prefix} ${airport}${station}`, detail };
}

/** DHL Express service area codes (destination, origin), IATA-like. */
export function dhlServiceAreas(input: LabelDocumentInput): { destination: string; origin: string } {
  const area = (address: PostalAddress) =>
    (isUs(address) ? STATE_AIRPORTS[address.stateProvince.toUpperCase()] : COUNTRY_AIRPORTS[address.countryCode.toUpperCase()]) ??
    address.cityLocality.replace(/[^A-Za-z]/g, '').slice(0, 3).toUpperCase().padEnd(3, 'X');
  return { destination: area(input.shipTo), origin: area(input.shipFrom) };
}

/** DHL routing barcode data: data identifier 2L + destination country + postal code (no spaces). */
export function dhlRoutingBarcodeData(shipTo: PostalAddress): string {
  return `2L${shipTo.countryCode.toUpperCase()}${shipTo.postalCode.toUpperCase().replace(/[^0-9A-Z]/g, '')}`;
}

/** DHL piece ID ("license plate"): JD01 + 16 digits from the waybill and the piece number. */
export function dhlLicensePlate(input: LabelDocumentInput): string {
  const waybill = digitsOf(input.trackingNumber).padStart(10, '0').slice(-10);
  return `JD0146${waybill}${String(input.packageIndex).padStart(4, '0')}`;
}
