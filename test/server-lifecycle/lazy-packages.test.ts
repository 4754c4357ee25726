// Heavy packages load on first use, not at start: a started app has not loaded them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { packageLoaded } from '../../src/lazy-package.ts';
import { startTestApp, usingPostgres } from '../helpers/server.ts';

test('a started app has loaded no document, ZIP-data or mail package, nor the other engine’s driver', async () => {
  const t = await startTestApp();
  try {
    const ready = await t.api('v2', 'GET', '/v2/warehouses');
    assert.equal(ready.statusCode, 200);
    for (const name of ['pdfkit', '@napi-rs/canvas', 'bwip-js', 'zipcodes', 'nodemailer']) assert.equal(packageLoaded(name), false, `${name} loaded at start`);
    assert.equal(packageLoaded(usingPostgres() ? 'better-sqlite3' : 'pg'), false);
    assert.equal(packageLoaded(usingPostgres() ? 'pg' : 'better-sqlite3'), true);

    // First use loads it: a US address check reads the ZIP data.
    const checked = await t.api('shipengine', 'POST', '/v1/addresses/validate', [
      { name: 'Ada Lovelace', phone: '512-555-0100', address_line1: '500 W 2nd St', city_locality: 'Austin', state_province: 'TX', postal_code: '78701', country_code: 'US' },
    ]);
    assert.equal(checked.statusCode, 200);
    assert.equal(packageLoaded('zipcodes'), true);
  } finally {
    await t.close();
  }
});
