import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { basic, CREDENTIALS, startTestApp, type TestApp } from '../helpers/server.ts';
import { createPartner, partnerCall } from '../partners/helpers.ts';
import { createV1KeyPair } from '../../src/domain/accounts/keys.ts';
import { addFunds, balanceOf, buyLabel, ledger, register, seCall, type Headers } from './helpers.ts';

describe("funded carriers are the account's own", () => {
  let t: TestApp;
  let carrier: string;
  let other: { id: number; key: Headers; onBehalf: Headers };
  before(async () => {
    t = await startTestApp();
    carrier = await register(t, 'stamps_com');
    await addFunds(t, carrier, 30);
    const account = (await partnerCall(t, 'POST', '/v1/partners/accounts', {})).json();
    other = {
      id: account.account_id,
      key: { 'api-key': account.api_key.encrypted_api_key },
      onBehalf: { 'api-key': CREDENTIALS.partnerKey, 'on-behalf-of': String(account.account_id) },
    };
  });
  after(() => t.close());

  const untouched = async () => {
    assert.equal(await balanceOf(t, carrier), 30);
    assert.deepEqual((await ledger(t, carrier)).map((e) => e.kind), ['deposit']);
  };

  test("another account's key or a partner acting for another account gets 404 for the carrier, its balance and its rules", async () => {
    for (const headers of [other.key, other.onBehalf]) {
      const listed = (await t.api('shipengine', 'GET', '/v1/carriers', undefined, headers)).json().carriers;
      assert.ok(!listed.some((c: { carrier_id: string }) => c.carrier_id === carrier));
      assert.equal((await t.api('shipengine', 'GET', `/v1/carriers/${carrier}`, undefined, headers)).statusCode, 404);
      assert.equal((await t.api('shipengine', 'PUT', `/v1/carriers/${carrier}/add_funds`, { currency: 'usd', amount: 10 }, headers)).statusCode, 404);
      assert.equal((await seCall(t, 'POST', `/v1/connections/carriers/stamps_com/${carrier}/add_funds`, { currency: 'usd', amount: 10 }, headers)).statusCode, 404);
      assert.equal((await seCall(t, 'GET', `/v1/carriers/${carrier}/auto_funding`, undefined, headers)).statusCode, 404);
      assert.equal((await seCall(t, 'POST', `/v1/carriers/${carrier}/auto_funding`, { is_enabled: true, purchase_amount: 10, maximum_purchases_per_day: 5 }, headers)).statusCode, 404);
      const label = await buyLabel(t, carrier, 'usps_parcel_select', headers);
      assert.equal(label.statusCode, 400, 'a label cannot name it either');
      assert.equal(label.json().errors[0].error_code, 'carrier_not_connected');
    }
    assert.equal((await t.api('v2', 'PUT', `/v2/carriers/${carrier}/add_funds`, { currency: 'usd', amount: 10 }, other.key)).statusCode, 404);
    await untouched();
  });

  test('another partner cannot act for either account (403); a partner key alone reaches no carrier (403)', async () => {
    const stranger = await createPartner(t, 'Stranger');
    for (const target of ['1', String(other.id)]) {
      const headers = { 'api-key': stranger.key, 'on-behalf-of': target };
      assert.equal((await t.api('shipengine', 'PUT', `/v1/carriers/${carrier}/add_funds`, { currency: 'usd', amount: 10 }, headers)).statusCode, 403);
      assert.equal((await seCall(t, 'POST', '/v1/registration/dhl_express_walleted', { nickname: 'theirs' }, headers)).statusCode, 403);
    }
    assert.equal((await t.api('shipengine', 'PUT', `/v1/carriers/${carrier}/add_funds`, { currency: 'usd', amount: 10 }, { 'api-key': CREDENTIALS.partnerKey })).statusCode, 403);
    assert.equal((await seCall(t, 'GET', `/v1/carriers/${carrier}/auto_funding`, undefined, { 'api-key': stranger.key })).statusCode, 403);
    await untouched();
  });

  test("V1 addfunds by carrier code reaches only the caller's own carriers", async () => {
    const pair = await createV1KeyPair(t.ctx.database.db, other.id, 6, t.ctx.clock.nowIso());
    const res = await t.v1('POST', '/carriers/addfunds', { carrierCode: 'stamps_com', amount: 20 }, { authorization: basic(pair.apiKey, pair.apiSecret) });
    assert.equal(res.statusCode, 400, "the other account's stamps_com is its unfunded built-in one");
    await untouched();
  });
});
