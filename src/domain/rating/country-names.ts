// ISO 3166-1 alpha-2 code -> the country name as printed in the DHL 2025 US export zone list.
// Names come from i18n-iso-countries' English names and aliases (the same on every Node version,
// unlike Intl.DisplayNames, whose names follow the ICU build); the overrides cover the ones DHL
// prints differently. Three DHL names share an ISO code with another entry and are reached through
// it (same zone): "Nevis" (KN = "St. Kitts"), "St. Eustatius" (BQ = "Bonaire"),
// "Somaliland, Rep. (N. Somalia)" (SO = "Somalia").
import { englishCountryNames } from '../addresses/countries.ts';

const DHL_NAME_OVERRIDES: Readonly<Record<string, string>> = {
  AG: 'Antigua',
  BA: 'Bosnia and Herzegovina',
  BL: 'St. Barthelemy',
  BN: 'Brunei',
  BQ: 'Bonaire',
  CD: 'Congo, Democratic Rep. of',
  CG: 'Congo',
  CI: "Cote d'Ivoire",
  CN: "China, People's Republic",
  CW: 'Curacao',
  CZ: 'Czech Republic, The',
  FK: 'Falkland Islands',
  GF: 'French Guyana',
  GN: 'Guinea Republic',
  GQ: 'Guinea Equatorial',
  GY: 'Guyana (British)',
  HK: 'Hong Kong SAR China',
  IC: 'Canary Islands, The',
  IE: 'Ireland, Rep. of',
  IR: 'Iran, Islamic Rep. of',
  KN: 'St. Kitts',
  KP: 'Korea, D.P.R. of (North)',
  KR: 'Korea, Rep. of (South)',
  LA: 'Laos P.D.R.',
  LC: 'St. Lucia',
  MD: 'Moldova, Rep. of',
  ME: 'Montenegro, Rep. of',
  MM: 'Myanmar',
  MO: 'Macau SAR China',
  NL: 'Netherlands, The',
  NR: 'Nauru, Rep. of',
  PF: 'Tahiti',
  PH: 'Philippines, The',
  RE: 'Reunion, Island of',
  RS: 'Serbia, Rep. of',
  RU: 'Russian Federation, The',
  ST: 'Sao Tome \\& Principe', // the backslash is in the source file
  SX: 'St. Maarten',
  SY: 'Syria',
  TC: 'Turks and Caicos Islands',
  TR: 'Turkey',
  TT: 'Trinidad and Tobago',
  VA: 'Vatican City',
  VC: 'St. Vincent',
  VG: 'Virgin Islands (British)',
  YE: 'Yemen, Rep. of',
};

/** ISO-2 -> DHL name, limited to the names present in `dhlNames`. */
export function buildDhlCountryNames(dhlNames: Iterable<string>): ReadonlyMap<string, string> {
  const wanted = new Set(dhlNames);
  const byCode = new Map<string, string>();
  for (const [code, names] of englishCountryNames()) {
    const name = DHL_NAME_OVERRIDES[code] ?? names.find((candidate) => wanted.has(candidate));
    if (name !== undefined && wanted.has(name)) byCode.set(code, name);
  }
  // Codes outside ISO 3166-1 that DHL rates on their own (IC, the Canary Islands).
  for (const [code, name] of Object.entries(DHL_NAME_OVERRIDES)) {
    if (wanted.has(name)) byCode.set(code, name);
  }
  return byCode;
}
