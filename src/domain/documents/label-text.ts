// Wording of the printed fields, kept apart from geometry so the layout stays readable.
import type { PostalAddress } from '../shipping-types.ts';
import type { PackageDimensionsIn } from './label-document.ts';

const regionNames = new Intl.DisplayNames(['en'], { type: 'region' });

export function countryName(countryCode: string): string {
  try {
    return regionNames.of(countryCode.toUpperCase()) ?? countryCode;
  } catch {
    return countryCode; // not a valid region code: print it as given
  }
}

/** Name, company, street lines, "CITY ST ZIP" and optionally the country, skipping empty parts. */
export function addressLines(address: PostalAddress, withCountry: boolean): string[] {
  const cityLine = [address.cityLocality, address.stateProvince, address.postalCode]
    .map((part) => part.trim())
    .filter(Boolean)
    .join(' ');
  const lines = [
    address.name,
    address.companyName,
    address.addressLine1,
    address.addressLine2,
    address.addressLine3,
    cityLine,
    withCountry ? countryName(address.countryCode) : null,
  ];
  return lines.map((line) => line?.trim() ?? '').filter((line) => line.length > 0);
}

function trimNumber(value: number): string {
  return String(Math.round(value * 10) / 10);
}

/** "12 OZ" under a pound, else "2 LB 4 OZ", as carriers print package weights. */
export function formatWeight(weightOz: number): string {
  if (weightOz < 16) return `${trimNumber(weightOz)} OZ`;
  const pounds = Math.floor(weightOz / 16);
  const ounces = Math.round((weightOz - pounds * 16) * 10) / 10;
  return ounces === 0 ? `${pounds} LB` : `${pounds} LB ${trimNumber(ounces)} OZ`;
}

export function formatDimensions(dimensions: PackageDimensionsIn): string {
  return `${[dimensions.length, dimensions.width, dimensions.height].map(trimNumber).join(' x ')} IN`;
}

export function formatCents(cents: number): string {
  return `$${(cents / 100).toFixed(2)}`;
}

/** Sort routing: state + 3-digit ZIP prefix at home, country + postal code abroad. */
export function routingCode(shipTo: PostalAddress): string {
  const postal = shipTo.postalCode.trim().toUpperCase();
  if (shipTo.countryCode.toUpperCase() === 'US') return `${shipTo.stateProvince.toUpperCase()} ${postal.slice(0, 3)}`.trim();
  return `${shipTo.countryCode.toUpperCase()} ${postal}`.trim();
}
