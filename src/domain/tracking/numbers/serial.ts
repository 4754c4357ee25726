// Serial fields of minted numbers. Labels are numbered by their database row id; a keyed
// permutation turns consecutive ids into scattered, still unique, field values, so numbers of
// successive labels look like a carrier's (no run of zeros, no visible counter).

function checkSerial(serial: number): void {
  if (!Number.isSafeInteger(serial) || serial < 0) {
    throw new RangeError(`serial must be a non-negative safe integer, got ${serial}`);
  }
}

/**
 * The counter field of a minted number: `(start + serial) mod 10^width`, zero-padded.
 * Distinct serials give distinct fields until `10^width` serials have been used.
 */
export function counterField(serial: number, width: number, start = 0): string {
  checkSerial(serial);
  const capacity = 10n ** BigInt(width);
  return ((BigInt(start) + BigInt(serial)) % capacity).toString().padStart(width, '0');
}

/** 32-bit integer mix (a murmur3 finaliser): the Feistel round function. */
function mix(value: number, key: number): number {
  let h = (value ^ key) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

const ROUNDS = 4;

/** One pass of a balanced Feistel network on `2 * halfBits` bits (halfBits <= 26, so it stays exact in doubles). */
function feistel(value: number, halfBits: number, key: number): number {
  const half = 2 ** halfBits;
  let left = Math.floor(value / half);
  let right = value % half;
  for (let round = 0; round < ROUNDS; round++) {
    const next = (left ^ (mix(right, key + round * 0x9e3779b9) % half)) >>> 0;
    left = right;
    right = next;
  }
  return left * half + right;
}

/**
 * A bijection of [0, size) chosen by `key` (size <= 2^52): Feistel on the smallest even number of bits
 * that covers `size`, cycle-walking until the value falls inside. Distinct inputs give distinct outputs.
 */
export function permuteBelow(value: number, size: number, key: number): number {
  if (!(value >= 0 && value < size)) throw new RangeError(`${value} is outside [0, ${size})`);
  const halfBits = Math.max(1, Math.ceil(Math.log2(size) / 2));
  let result = value;
  do result = feistel(result, halfBits, key);
  while (result >= size);
  return result;
}

/**
 * A scattered field of `width` digits for `serial`: serial mod 10^width, permuted with `key`. Unique for
 * 10^width consecutive serials, as a counter would be, and zero-padded to the width.
 */
export function scrambledField(serial: number, width: number, key: number): string {
  checkSerial(serial);
  const size = 10 ** width;
  return String(permuteBelow(serial % size, size, key)).padStart(width, '0');
}
