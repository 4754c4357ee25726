// Dashboard passwords: scrypt at N = 2^15, and hashes stored at an earlier N still verify.
import assert from 'node:assert/strict';
import { randomBytes, scryptSync } from 'node:crypto';
import { test } from 'node:test';
import { hashPassword, verifyPassword } from '../../src/domain/accounts/secrets.ts';

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
