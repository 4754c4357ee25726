// Check-digit routines from reference/domain/tracking-numbers.md. Each takes the data
// characters (everything but the check digit) and returns the check digit.

const digitsOf = (data: string): number[] => [...data].map(Number);

/** MOD 10 with weights 3,1,3,1... starting at the rightmost data digit (USPS IMpb, FedEx 15-digit, GS1). */
export function mod10Weight31(data: string): number {
  const sum = digitsOf(data)
    .reverse()
    .reduce((total, digit, index) => total + digit * (index % 2 === 0 ? 3 : 1), 0);
  return (10 - (sum % 10)) % 10;
}

/** UPS 1Z: the 15 characters after `1Z`; letters count (ASCII - 63) mod 10; even positions doubled. */
export function upsCheckDigit(data: string): number {
  const sum = [...data].reduce((total, char, index) => {
    const value = /\d/.test(char) ? Number(char) : (char.charCodeAt(0) - 63) % 10;
    return total + value * (index % 2 === 1 ? 2 : 1);
  }, 0);
  return (10 - (sum % 10)) % 10;
}

/** FedEx Express 12-digit: weights 1,3,7 repeating from the rightmost data digit, (sum mod 11) mod 10. */
export function fedexMod11(data: string): number {
  const weights = [1, 3, 7];
  const sum = digitsOf(data)
    .reverse()
    .reduce((total, digit, index) => total + digit * weights[index % 3], 0);
  return (sum % 11) % 10;
}

/** DHL Express waybill: the data digits read as one integer, mod 7. */
export function dhlMod7(data: string): number {
  return Number(BigInt(data) % 7n);
}

/** UPU S10 (international mail): weights 8,6,4,2,3,5,9,7 on the 8 serial digits. */
export function s10CheckDigit(serial: string): number {
  const weights = [8, 6, 4, 2, 3, 5, 9, 7];
  const sum = digitsOf(serial).reduce((total, digit, index) => total + digit * weights[index], 0);
  const remainder = 11 - (sum % 11);
  if (remainder === 10) return 0;
  if (remainder === 11) return 5;
  return remainder;
}
