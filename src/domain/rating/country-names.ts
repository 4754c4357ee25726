// ISO 3166-1 alpha-2 code -> the country name as printed in the DHL 2025 US export zone list.
// Most names equal the English name from Intl.DisplayNames; the overrides cover the ones DHL prints differently.
// Three DHL names share an ISO code with another entry and are reached through it (same zone):
// "Nevis" (KN = "St. Kitts"), "St. Eustatius" (BQ = "Bonaire"), "Somaliland, Rep. (N. Somalia)" (SO = "Somalia").

const DHL_NAME_OVERRIDES: Readonly<Record<string, string>> = {
  AG: 'Antigua',
  BA: 'Bosnia and Herzegovina',
  BL: 'St. Barthelemy',
  BQ: 'Bonaire',
  CD: 'Congo, Democratic Rep. of',
  CG: 'Congo',
  CI: "Cote d'Ivoire",
  CN: "China, People's Republic",
  CW: 'Curacao',
  CZ: 'Czech Republic, The',
  GF: 'French Guyana',
  GN: 'Guinea Republic',
  GQ: 'Guinea Equatorial',
  GY: 'Guyana (British)',
  IC: 'Canary Islands, The',
  IE: 'Ireland, Rep. of',
  IR: 'Iran, Islamic Rep. of',
  KN: 'St. Kitts',
  KP: 'Korea, D.P.R. of (North)',
  KR: 'Korea, Rep. of (South)',
  LA: 'Laos P.D.R.',
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
  TC: 'Turks and Caicos Islands',
  TR: 'Turkey',
  TT: 'Trinidad and Tobago',
  VC: 'St. Vincent',
  VG: 'Virgin Islands (British)',
  YE: 'Yemen, Rep. of',
};

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** Deprecated codes (UK, DD, HV...) canonicalize to their successor and are skipped. */
function isCanonicalRegion(code: string): boolean {
  return Intl.getCanonicalLocales(`und-${code}`)[0] === `und-${code}`;
}

/** Every two-letter region code ICU names in English (a few non-country codes such as EU match no DHL name). */
function englishRegionNames(): Map<string, string> {
  const displayNames = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
  const names = new Map<string, string>();
  for (const first of LETTERS) {
    for (const second of LETTERS) {
      const code = first + second;
      const name = displayNames.of(code);
      if (name && name !== code && isCanonicalRegion(code)) names.set(code, name);
    }
  }
  return names;
}

/** ISO-2 -> DHL name, limited to the names present in `dhlNames`. */
export function buildDhlCountryNames(dhlNames: Iterable<string>): ReadonlyMap<string, string> {
  const wanted = new Set(dhlNames);
  const byCode = new Map<string, string>();
  for (const [code, englishName] of englishRegionNames()) {
    const name = DHL_NAME_OVERRIDES[code] ?? englishName;
    if (wanted.has(name)) byCode.set(code, name);
  }
  for (const [code, name] of Object.entries(DHL_NAME_OVERRIDES)) {
    if (wanted.has(name)) byCode.set(code, name);
  }
  return byCode;
}
