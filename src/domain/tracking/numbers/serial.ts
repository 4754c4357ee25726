/**
 * The counter field of a minted number: `(start + serial) mod 10^width`, zero-padded.
 * Distinct serials give distinct fields until `10^width` serials have been used; after
 * that numbers repeat, as real carriers recycle theirs. `start` only makes serial 1
 * look like a carrier's range instead of 000...1.
 */
export function counterField(serial: number, width: number, start = 0): string {
  if (!Number.isSafeInteger(serial) || serial < 0) {
    throw new RangeError(`serial must be a non-negative safe integer, got ${serial}`);
  }
  const capacity = 10n ** BigInt(width);
  return ((BigInt(start) + BigInt(serial)) % capacity).toString().padStart(width, '0');
}
