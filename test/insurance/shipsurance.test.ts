import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../helpers/server.ts';
import { austin, customs, domesticShipment, toronto } from '../shipping/fixtures.ts';
import { SURFACES, otherAccountKey } from './accounts.ts';

type Headers = Record<string, string>;
const cents = (amount: number) => Math.round(amount * 100);

describe('Shipsurance: connection, balance, premiums on labels', () => {
  let t: TestApp;
  let carriers: Record<string, string>;
  before(async () => {
    t = await startTestApp();
    const listed = (await t.api('shipengine', 'GET', '/v1/carriers')).json().carriers as { carrier_id: string; carrier_code: string }[];
    carriers = Object.fromEntries(listed.map((c) => [c.carrier_code, c.carrier_id]));
  });
  after(() => t.close());

  const connect = (headers: Headers = {}) => t.api('shipengine', 'POST', '/v1/connections/insurance/shipsurance', { email: 'ops@example.com', policy_id: 'SP-1001' }, headers);
  const balance = async (headers: Headers = {}) => {
    const res = await t.api('shipengine', 'GET', '/v1/insurance/shipsurance/balance', undefined, headers);
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().currency, 'usd');
    return cents(res.json().amount);
  };
  const addFunds = (amount: number, headers: Headers = {}, currency = 'usd') =>
    t.api('shipengine', 'PATCH', '/v1/insurance/shipsurance/add_funds', { currency, amount }, headers);
  const insured = (carrier: string, service: string, values: number[], extra: Record<string, unknown> = {}) =>
    domesticShipment({
      carrier_id: carriers[carrier],
      service_code: service,
      insurance_provider: 'shipsurance',
      packages: values.map((amount) => ({ weight: { value: 2, unit: 'pound' }, dimensions: { length: 10, width: 8, height: 4, unit: 'inch' }, insured_value: { currency: 'usd', amount } })),
      ...extra,
    });
  const labelCount = async () => Number((await t.ctx.database.db.selectFrom('labels').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

  test('before connecting: balance and add_funds are 400; a shipsurance label is refused with no label made', async () => {
    for (const res of [await t.api('shipengine', 'GET', '/v1/insurance/shipsurance/balance'), await addFunds(10), await t.api('shipengine', 'DELETE', '/v1/connections/insurance/shipsurance')]) {
      assert.equal(res.statusCode, 400, res.body);
      assert.match(res.json().errors[0].message, /Shipsurance/);
    }
    const before = await labelCount();
    for (const { surface, prefix } of SURFACES) {
      const res = await t.api(surface, 'POST', `${prefix}/labels`, { shipment: insured('stamps_com', 'usps_priority_mail', [250]) });
      assert.equal(res.statusCode, 400, res.body);
      assert.match(res.json().errors[0].message, /No Shipsurance account is connected/);
    }
    assert.equal(await labelCount(), before);
  });

  test('connect, fund, read the balance; bad bodies are 400', async () => {
    const res = await connect();
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual(res.json(), {});
    assert.equal(await balance(), 0);
    const funded = await addFunds(25);
    assert.equal(funded.statusCode, 200, funded.body);
    assert.deepEqual(funded.json(), { currency: 'usd', amount: 25 });
    assert.deepEqual((await addFunds(0.5)).json(), { currency: 'usd', amount: 25.5 });
    assert.equal(await balance(), 2550);
    for (const bad of [await addFunds(0), await addFunds(-5), await addFunds(10, {}, 'eur'), await addFunds(20_000)]) {
      assert.equal(bad.statusCode, 400, bad.body);
    }
    assert.equal((await t.api('shipengine', 'POST', '/v1/connections/insurance/shipsurance', { email: 'ops@example.com' })).statusCode, 400);
    assert.equal((await t.api('shipengine', 'POST', '/v1/connections/insurance/shipsurance', { email: 'not an email', policy_id: 'x' })).statusCode, 400);
    assert.equal(await balance(), 2550);
  });

  test('a USPS domestic label pays $1.09 per started $100 as its insurance cost; void refunds it', async () => {
    for (const { surface, prefix } of SURFACES) {
      const before = await balance();
      // $250 → 3 started $100s: 3 × $1.09.
      const res = await t.api(surface, 'POST', `${prefix}/labels`, { shipment: insured('stamps_com', 'usps_priority_mail', [250]) });
      assert.equal(res.statusCode, 200, res.body);
      const label = res.json();
      assert.equal(cents(label.insurance_cost.amount), 327);
      assert.equal(await balance(), before - 327);
      const voided = await t.api(surface, 'PUT', `${prefix}/labels/${label.label_id}/void`);
      assert.equal(voided.json().approved, true);
      assert.equal(await balance(), before);
      await t.api(surface, 'PUT', `${prefix}/labels/${label.label_id}/void`);
      assert.equal(await balance(), before, 'refunded once');
      const entries = await t.ctx.database.db
        .selectFrom('insurance_ledger')
        .select(['kind', 'amount_cents'])
        .where('label_id', '=', Number(label.label_id.slice(3)))
        .orderBy('id')
        .execute();
      assert.deepEqual(entries.map((e) => [e.kind, Number(e.amount_cents)]), [['premium', -327], ['refund', 327]]);
    }
  });

  test('other domestic carriers pay $0.99, international shipments $1.39; the carrier prices no insurance itself', async () => {
    let before = await balance();
    // Per package: $150 → 2 units, $50 → 1 unit: 3 × $0.99.
    const ups = await t.api('shipengine', 'POST', '/v1/labels', { shipment: insured('ups', 'ups_ground', [150, 50]) });
    assert.equal(ups.statusCode, 200, ups.body);
    assert.equal(cents(ups.json().insurance_cost.amount), 297);
    assert.equal(await balance(), before - 297);
    before = await balance();
    const abroad = await t.api('shipengine', 'POST', '/v1/labels', {
      shipment: insured('ups', 'ups_standard_international', [300], { ship_to: toronto, ship_from: austin, customs }),
    });
    assert.equal(abroad.statusCode, 200, abroad.body);
    assert.equal(cents(abroad.json().insurance_cost.amount), 417);
    assert.equal(await balance(), before - 417);

    const rate = async (provider: string) => {
      const res = await t.api('shipengine', 'POST', '/v1/rates', {
        shipment: { ...insured('ups', 'ups_ground', [500]), insurance_provider: provider },
        rate_options: { carrier_ids: [carriers.ups], service_codes: ['ups_ground'] },
      });
      assert.equal(res.statusCode, 200, res.body);
      return res.json().rate_response.rates[0].insurance_amount.amount;
    };
    assert.equal(await rate('shipsurance'), 0);
    assert.ok((await rate('carrier')) > 0, 'carrier insurance is still priced by the carrier');
  });

  test('a test label pays no premium; a premium the balance cannot cover is 400 insufficient_funds with no label', async () => {
    const before = await balance();
    const test = await t.api('shipengine', 'POST', '/v1/labels', { shipment: insured('ups', 'ups_ground', [100]), test_label: true });
    assert.equal(test.statusCode, 200, test.body);
    assert.equal(await balance(), before);
    const labels = await labelCount();
    for (const { surface, prefix } of SURFACES) {
      // $5,000 → 50 units × $0.99 = $49.50, more than is left.
      const res = await t.api(surface, 'POST', `${prefix}/labels`, { shipment: insured('ups', 'ups_ground', [5000]) });
      assert.equal(res.statusCode, 400, res.body);
      assert.equal(res.json().errors[0].error_code, 'insufficient_funds');
      assert.match(res.json().errors[0].message, /Shipsurance/);
    }
    assert.equal(await labelCount(), labels);
    assert.equal(await balance(), before);
  });

  test("another account has its own connection and balance; disconnecting keeps the balance for a reconnect", async () => {
    const other = await otherAccountKey(t);
    assert.equal((await t.api('shipengine', 'GET', '/v1/insurance/shipsurance/balance', undefined, other)).statusCode, 400);
    assert.equal((await connect(other)).statusCode, 200);
    assert.equal(await balance(other), 0);
    await addFunds(3, other);
    assert.equal(await balance(other), 300);
    const mine = await balance();
    assert.notEqual(mine, 300);
    const disconnected = await t.api('shipengine', 'DELETE', '/v1/connections/insurance/shipsurance');
    assert.equal(disconnected.statusCode, 200, disconnected.body);
    assert.deepEqual(disconnected.json(), {});
    assert.equal((await t.api('shipengine', 'GET', '/v1/insurance/shipsurance/balance')).statusCode, 400);
    assert.equal((await connect()).statusCode, 200);
    assert.equal(await balance(), mine);
    assert.equal(await balance(other), 300);
  });

  test('Shipsurance is ShipEngine-only: the V2 paths do not exist', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/v2/insurance/shipsurance/balance', headers: { 'api-key': 'TEST_api_key_for_shipdock_tests' } });
    assert.equal(res.statusCode, 404);
  });
});
