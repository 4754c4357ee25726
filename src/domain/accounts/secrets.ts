import { createHash, randomBytes, randomFillSync, scrypt, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';

const scryptAsync = promisify(scrypt) as (password: string, salt: Buffer, keylen: number, options: object) => Promise<Buffer>;

/**
 * API keys are long random strings, so a fast digest is safe at rest and keeps every
 * authenticated request to one indexed lookup; passwords get a memory-hard hash instead.
 */
export function hashKey(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

export function generateKey(bytes = 24): string {
  return randomBytes(bytes).toString('base64url');
}

const TOKEN_BYTES = 16;
const tokenPool = Buffer.alloc(TOKEN_BYTES * 256);
let tokenOffset = tokenPool.length;
/**
 * A download link's token: 16 random bytes, base64url. Taken from a pool filled 256 tokens at a
 * time, as Node's randomUUID pools its entropy: one randomBytes call per label bought was ~1.5% of
 * a purchase's CPU in its profile.
 */
export function downloadToken(): string {
  if (tokenOffset === tokenPool.length) {
    randomFillSync(tokenPool);
    tokenOffset = 0;
  }
  tokenOffset += TOKEN_BYTES;
  return tokenPool.toString('base64url', tokenOffset - TOKEN_BYTES, tokenOffset);
}

/** V1 keys and secrets look like ShipStation's: 32 lowercase hex characters. */
export function generateV1Credential(): string {
  return randomBytes(16).toString('hex');
}

export function hint(secret: string): string {
  return secret.length <= 8 ? '****' : `${secret.slice(0, 4)}…${secret.slice(-4)}`;
}

/**
 * N = 2^15 (32 MiB per hash; OWASP asks 2^17 at least). At 2^14 each hash's 16 MiB block, freed,
 * raised glibc's malloc mmap threshold to 16 MiB for good (it follows freed blocks up to 32 MiB),
 * after which every thread's buffers below it stayed in malloc arenas: a 10,000-label batch peaked
 * ~25-45 MB higher. Hashes keep their own N, so older ones still verify.
 */
const SCRYPT = { N: 32768, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const derived = await scryptAsync(password, salt, 32, SCRYPT);
  return `scrypt$${SCRYPT.N}$${salt.toString('base64')}$${derived.toString('base64')}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const derived = await scryptAsync(password, Buffer.from(salt, 'base64'), expected.length, { ...SCRYPT, N: Number(n) });
  return timingSafeEqual(derived, expected);
}
