// Pickup confirmation numbers in each carrier's style: deterministic (derived from the pickup's
// row id) and unique (the derivation is a bijection within each format's range).
//   USPS (stamps_com, usps, endicia): WTC + 9 digits            e.g. WTC482913577
//   UPS:                              29 + 9 base-36 characters  e.g. 2900A7K3ZQ1 (UPS "PRN" style)
//   FedEx:                            CPUA + 9 digits            e.g. CPUA482913577 (location + number)
//   DHL Express:                      PRG + 9 digits             e.g. PRG482913577
//   any other carrier:                PU + 10 digits             e.g. PU0482913577
const USPS = new Set(['stamps_com', 'usps', 'endicia']);

/** n ↦ (n·a + b) mod m is a bijection on [0, m) when a and m are coprime. */
function scramble(id: number, modulus: number): number {
  return Number((BigInt(id) * 7919n + 104_729n) % BigInt(modulus));
}

const digits = (id: number, count: number) => String(scramble(id, 10 ** count)).padStart(count, '0');

export function confirmationNumber(carrierCode: string, pickupRowId: number): string {
  if (USPS.has(carrierCode)) return `WTC${digits(pickupRowId, 9)}`;
  if (carrierCode === 'ups') return `29${scramble(pickupRowId, 36 ** 9).toString(36).toUpperCase().padStart(9, '0')}`;
  if (carrierCode === 'fedex') return `CPUA${digits(pickupRowId, 9)}`;
  if (carrierCode === 'dhl_express') return `PRG${digits(pickupRowId, 9)}`;
  return `PU${digits(pickupRowId, 10)}`;
}
