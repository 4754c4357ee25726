import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../helpers/server.ts';
import { assertErrorFields } from '../partners/helpers.ts';
import { addFunds, balanceOf, ledger, register, seCall } from './helpers.ts';

describe('adding funds to a funded carrier', () => {
  let t: TestApp;
  let stamps: string;
  let ups: string;
  let unfunded: string;
  before(async () => {
    t = await startTestApp();
    stamps = await register(t, 'stamps_com');
    ups = await register(t, 'ups');
    const { carriers } = (await t.api('shipengine', 'GET', '/v1/carriers')).json();
    unfunded = carriers.find((c: { carrier_code: string; requires_funded_amount: boolean }) => c.carrier_code === 'fedex').carrier_id;
  });
  after(() => t.close());

  test('PUT add_funds on /v1 and /v2 answers {balance: {currency, amount}}; the carrier shows it; one ledger entry each', async () => {
    const v1 = await t.api('shipengine', 'PUT', `/v1/carriers/${stamps}/add_funds`, { currency: 'usd', amount: 10.0 });
    assert.equal(v1.statusCode, 200, v1.body);
    assert.deepEqual(v1.json(), { balance: { currency: 'usd', amount: 10 } });
    const v2 = await t.api('v2', 'PUT', `/v2/carriers/${stamps}/add_funds`, { currency: 'USD', amount: 40.25 });
    assert.equal(v2.statusCode, 200, v2.body);
    assert.deepEqual(v2.json(), { balance: { currency: 'usd', amount: 50.25 } });
    assert.equal(await balanceOf(t, stamps), 50.25);
    assert.equal((await t.api('v2', 'GET', `/v2/carriers/${stamps}`)).json().balance, 50.25);
    const listed = (await t.api('v2', 'GET', '/v2/carriers')).json().carriers.find((c: { carrier_id: string }) => c.carrier_id === stamps);
    assert.equal(listed.balance, 50.25);
    assert.deepEqual(await ledger(t, stamps), [
      { amount_cents: 1000, kind: 'deposit', label_id: null },
      { amount_cents: 4025, kind: 'deposit', label_id: null },
    ]);
  });

  test('POST /v1/connections/carriers/{carrier_name}/{carrier_id}/add_funds: same ledger; the name must fit the carrier', async () => {
    const res = await seCall(t, 'POST', `/v1/connections/carriers/ups_walleted/${ups}/add_funds`, { currency: 'usd', amount: 25 });
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual(res.json(), { balance: { currency: 'usd', amount: 25 } });
    assert.equal((await seCall(t, 'POST', `/v1/connections/carriers/ups/${ups}/add_funds`, { currency: 'usd', amount: 5 })).json().balance.amount, 30);
    assert.equal((await seCall(t, 'POST', `/v1/connections/carriers/fedex/${ups}/add_funds`, { currency: 'usd', amount: 5 })).statusCode, 404);
    assert.equal(await balanceOf(t, ups), 30);
  });

  test('ShipEngine takes any positive amount; V2 needs at least $10.00; $10,000.00 at most everywhere', async () => {
    const before = await balanceOf(t, ups);
    assert.equal(await addFunds(t, ups, 0.01), before + 0.01);
    const small = await t.api('v2', 'PUT', `/v2/carriers/${ups}/add_funds`, { currency: 'usd', amount: 9.99 });
    assertV2Field(small, 'amount');
    for (const [surface, prefix, amount] of [['shipengine', '/v1', 0], ['shipengine', '/v1', -5], ['shipengine', '/v1', 10000.01], ['v2', '/v2', 20000]] as const) {
      const res = await t.api(surface, 'PUT', `${prefix}/carriers/${ups}/add_funds`, { currency: 'usd', amount });
      assert.equal(res.statusCode, 400, `${surface} ${amount}`);
      assert.equal(res.json().errors[0].field_name, 'amount');
    }
    assert.equal(await addFunds(t, ups, 10000), Math.round((before + 0.01 + 10000) * 100) / 100, 'the maximum itself is fine');
  });

  test('bad bodies: currency other than USD, missing fields, wrong types', async () => {
    const url = `/v1/carriers/${stamps}/add_funds`;
    const before = await balanceOf(t, stamps);
    assertErrorFields(await t.api('shipengine', 'PUT', url, { currency: 'gbp', amount: 20 }), 400, ['currency']);
    assertErrorFields(await t.api('shipengine', 'PUT', url, { amount: 20 }), 400, ['currency']);
    assertErrorFields(await t.api('shipengine', 'PUT', url, { currency: 'usd' }), 400, ['amount']);
    assertErrorFields(await t.api('shipengine', 'PUT', url, { currency: 'usd', amount: 'lots' }), 400, ['amount']);
    assert.equal((await t.api('shipengine', 'PUT', url, { currency: 'usd', amount: '12.5' })).json().balance.amount, before + 12.5, 'numeric strings are read as numbers');
    assert.equal((await t.api('shipengine', 'PUT', url)).statusCode, 400);
  });

  test('an unfunded carrier takes no funds: 400 auto_fund_not_supported; unknown carriers 404', async () => {
    for (const [surface, prefix] of [['shipengine', '/v1'], ['v2', '/v2']] as const) {
      const res = await t.api(surface, 'PUT', `${prefix}/carriers/${unfunded}/add_funds`, { currency: 'usd', amount: 20 });
      assert.equal(res.statusCode, 400);
      assert.equal(res.json().errors[0].error_code, 'auto_fund_not_supported');
      assert.equal((await t.api(surface, 'PUT', `${prefix}/carriers/se-999999/add_funds`, { currency: 'usd', amount: 20 })).statusCode, 404);
    }
    assert.deepEqual(await ledger(t, unfunded), []);
  });

  test('V1 POST /carriers/addfunds credits the same ledger and returns the V1 carrier', async () => {
    const before = await balanceOf(t, stamps);
    const res = await t.v1('POST', '/carriers/addfunds', { carrierCode: 'stamps_com', amount: 20 });
    assert.equal(res.statusCode, 200, res.body);
    const carrier = res.json();
    assert.deepEqual(
      { name: carrier.name, code: carrier.code, requiresFundedAccount: carrier.requiresFundedAccount, balance: carrier.balance, shippingProviderId: carrier.shippingProviderId },
      { name: 'Stamps.com', code: 'stamps_com', requiresFundedAccount: true, balance: before + 20, shippingProviderId: Number(stamps.slice(3)) },
      'the funded stamps_com, not the built-in primary one',
    );
    assert.equal(typeof carrier.accountNumber, 'string');
    assert.equal(await balanceOf(t, stamps), before + 20);
    const byWalletedCode = await t.v1('POST', '/carriers/addfunds', { carrierCode: 'ups_walleted', amount: 10 });
    assert.equal(byWalletedCode.json().code, 'ups_walleted');
  });

  test('V1 limits and errors in the ASP.NET format', async () => {
    const before = await balanceOf(t, stamps);
    for (const amount of [9.99, 10000.01]) {
      const res = await t.v1('POST', '/carriers/addfunds', { carrierCode: 'stamps_com', amount });
      assert.equal(res.statusCode, 400);
      assert.ok(res.json().ModelState['request.amount'], res.body);
    }
    const missing = await t.v1('POST', '/carriers/addfunds', { amount: 20 });
    assert.ok(missing.json().ModelState['request.carrierCode']);
    const unknown = await t.v1('POST', '/carriers/addfunds', { carrierCode: 'ontrac', amount: 20 });
    assert.ok(unknown.json().ModelState['request.carrierCode']);
    const notFunded = await t.v1('POST', '/carriers/addfunds', { carrierCode: 'fedex', amount: 20 });
    assert.equal(notFunded.statusCode, 400);
    assert.match(notFunded.json().Message, /only ShipStation-funded carriers take funds/);
    assert.equal(await balanceOf(t, stamps), before);
  });
});

function assertV2Field(res: { statusCode: number; json(): any }, field: string) {
  assert.equal(res.statusCode, 400);
  assert.equal(res.json().errors[0].field_name, field);
  assert.equal(res.json().errors[0].error_source, 'ShipStation');
}
