// Canadian provinces/territories and the first letter of their postal codes (Canada Post FSA map).

const PROVINCES: Readonly<Record<string, { name: string; postalLetters: string }>> = {
  AB: { name: 'Alberta', postalLetters: 'T' },
  BC: { name: 'British Columbia', postalLetters: 'V' },
  MB: { name: 'Manitoba', postalLetters: 'R' },
  NB: { name: 'New Brunswick', postalLetters: 'E' },
  NL: { name: 'Newfoundland and Labrador', postalLetters: 'A' },
  NS: { name: 'Nova Scotia', postalLetters: 'B' },
  NT: { name: 'Northwest Territories', postalLetters: 'X' },
  NU: { name: 'Nunavut', postalLetters: 'X' },
  ON: { name: 'Ontario', postalLetters: 'KLMNP' },
  PE: { name: 'Prince Edward Island', postalLetters: 'C' },
  QC: { name: 'Quebec', postalLetters: 'GHJ' },
  SK: { name: 'Saskatchewan', postalLetters: 'S' },
  YT: { name: 'Yukon', postalLetters: 'Y' },
};

const CODE_BY_NAME = new Map(Object.entries(PROVINCES).map(([code, p]) => [p.name.toUpperCase(), code]));

/** "ON", "Ontario", "Québec" -> two-letter code; null when it names no province. */
export function canadianProvinceCode(value: string | null | undefined): string | null {
  const plain = (value ?? '')
    .normalize('NFD')
    .replace(/[\u0300-\u036f.]/g, '')
    .trim()
    .toUpperCase()
    .replace(/\s+/g, ' ');
  if (plain in PROVINCES) return plain;
  return CODE_BY_NAME.get(plain) ?? null;
}

export function canadianProvinceName(code: string): string | null {
  return PROVINCES[code]?.name ?? null;
}

/** Provinces a (well-formed) Canadian postal code can belong to, from its first letter. */
export function provincesForPostalCode(postalCode: string): string[] {
  const letter = postalCode.charAt(0).toUpperCase();
  return Object.entries(PROVINCES)
    .filter(([, p]) => p.postalLetters.includes(letter))
    .map(([code]) => code);
}
