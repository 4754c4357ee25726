// Premiums under concurrent purchases: on PostgreSQL each request has its own transaction, so the
// connection row lock is what keeps the Shipsurance balance from going negative.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, usingPostgres, type TestApp } from '../helpers/server.ts';
import { domesticShipment } from '../shipping/fixtures.ts';

describe(`concurrent Shipsurance premiums (${usingPostgres() ? 'PostgreSQL' : 'SQLite'})`, () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
  });
  after(() => t.close());

  test('a balance for 3 premiums and 10 simultaneous insured labels: 3 succeed, 7 are insufficient_funds', async () => {
    const { carriers } = (await t.api('shipengine', 'GET', '/v1/carriers')).json();
    const ups = carriers.find((c: { carrier_code: string }) => c.carrier_code === 'ups').carrier_id;
    assert.equal((await t.api('shipengine', 'POST', '/v1/connections/insurance/shipsurance', { email: 'ops@example.com', policy_id: 'P-9' })).statusCode, 200);
    // $1,000 insured on a domestic UPS label: 10 × $0.99 = $9.90; $30 pays for three.
    await t.api('shipengine', 'PATCH', '/v1/insurance/shipsurance/add_funds', { currency: 'usd', amount: 30 });
    const shipment = domesticShipment({
      carrier_id: ups,
      service_code: 'ups_ground',
      insurance_provider: 'shipsurance',
      packages: [{ weight: { value: 1, unit: 'pound' }, insured_value: { currency: 'usd', amount: 1000 } }],
    });
    const responses = await Promise.all(Array.from({ length: 10 }, () => t.api('shipengine', 'POST', '/v1/labels', { shipment })));
    const bought = responses.filter((r) => r.statusCode === 200);
    assert.equal(bought.length, 3);
    for (const r of responses.filter((r) => r.statusCode !== 200)) assert.equal(r.json().errors[0].error_code, 'insufficient_funds', r.body);
    const balance = (await t.api('shipengine', 'GET', '/v1/insurance/shipsurance/balance')).json();
    assert.equal(Math.round(balance.amount * 100), 3000 - 3 * 990);
    const premiums = await t.ctx.database.db.selectFrom('insurance_ledger').select('label_id').where('kind', '=', 'premium').execute();
    assert.deepEqual(premiums.map((p) => p.label_id).sort(), bought.map((r) => Number(r.json().label_id.slice(3))).sort());
  });
});
