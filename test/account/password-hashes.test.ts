// Dashboard passwords: scrypt at N = 2^15, and hashes stored at an earlier N still verify; download tokens.
import assert from 'node:assert/strict';
import { randomBytes, scryptSync } from 'node:crypto';
import { test } from 'node:test';
import { downloadToken, hashPassword, verifyPassword } from '../../src/domain/accounts/secrets.ts';

test('a new hash is scrypt at N = 32768 with its own salt, and verifies only its password', async () => {
  const [first, second] = [await hashPassword('correct horse battery'), await hashPassword('correct horse battery')];
  assert.match(first, /^scrypt\$32768\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
  assert.notEqual(first, second);
  assert.equal(await verifyPassword('correct horse battery', first), true);
  assert.equal(await verifyPassword('correct horse batterz', first), false);
});

test('a hash stored at N = 16384 still verifies', async () => {
  const salt = randomBytes(16);
  const derived = scryptSync('an older password', salt, 32, { N: 16384, r: 8, p: 1, maxmem: 64 * 2 ** 20 });
  const stored = `scrypt$16384$${salt.toString('base64')}$${derived.toString('base64')}`;
  assert.equal(await verifyPassword('an older password', stored), true);
  assert.equal(await verifyPassword('another password', stored), false);
});

test('download tokens: 16 random bytes as base64url, all different across pool refills', () => {
  const tokens = Array.from({ length: 1000 }, () => downloadToken());
  for (const token of tokens) assert.match(token, /^[A-Za-z0-9_-]{22}$/);
  assert.equal(new Set(tokens).size, tokens.length);
  // Each token is its own bytes: no two share a half, as a reused or overlapping slice would.
  assert.equal(new Set(tokens.map((t) => Buffer.from(t, 'base64url').subarray(0, 8).toString('hex'))).size, tokens.length);
});
