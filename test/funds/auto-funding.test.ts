import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../helpers/server.ts';
import { partnerCall } from '../partners/helpers.ts';
import { addFunds, balanceOf, buyLabel, cents, ledger, priceCents, register, seCall } from './helpers.ts';

const SERVICE = 'usps_parcel_select';
const DAY_MS = 24 * 60 * 60 * 1000;

describe('auto-funding', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
  });
  after(() => t.close());

  const settingsUrl = (id: string) => `/v1/carriers/${id}/auto_funding`;
  const storedSettings = async (id: string) => {
    const row = await t.ctx.database.db.selectFrom('carriers').select('settings').where('id', '=', Number(id.slice(3))).executeTakeFirstOrThrow();
    return JSON.parse(row.settings).auto_funding;
  };

  test('GET shows disabled rules until set; POST stores them (domain shape in the settings JSON) and answers them as sent', async () => {
    const stamps = await register(t, 'stamps_com');
    assert.deepEqual((await seCall(t, 'GET', settingsUrl(stamps))).json(), {
      is_enabled: false,
      low_balance_purchase_threshold: { currency: 'usd', amount: 0 },
      purchase_amount: { currency: 'usd', amount: 0 },
      maximum_purchases_per_day: 0,
    });
    const rules = {
      is_enabled: true,
      low_balance_purchase_threshold: { currency: 'usd', amount: 25 },
      purchase_amount: { currency: 'usd', amount: 100 },
      maximum_purchases_per_day: 3,
    };
    const set = await seCall(t, 'POST', settingsUrl(stamps), rules);
    assert.equal(set.statusCode, 200, set.body);
    assert.deepEqual(set.json(), rules);
    assert.deepEqual((await seCall(t, 'GET', settingsUrl(stamps))).json(), rules);
    assert.deepEqual(await storedSettings(stamps), { isEnabled: true, thresholdCents: 2500, purchaseCents: 10000, maximumPurchasesPerDay: 3 });

    const asNumber = await seCall(t, 'POST', settingsUrl(stamps), { ...rules, purchase_amount: 50.5 });
    assert.deepEqual(asNumber.json().purchase_amount, { currency: 'usd', amount: 50.5 }, 'a bare number is dollars');
    const disabled = await seCall(t, 'PUT', settingsUrl(stamps), { is_enabled: false });
    assert.deepEqual(disabled.json(), { ...rules, is_enabled: false, purchase_amount: { currency: 'usd', amount: 50.5 } }, 'left-out fields keep their values');
    const nickname = (await t.api('shipengine', 'GET', `/v1/carriers/${stamps}`)).json().nickname;
    assert.equal(nickname, 'My Stamps.com account', 'the other settings are untouched');
  });

  test('invalid rules are field-level 400s; unfunded carriers 400 auto_fund_not_supported; unknown 404', async () => {
    const ups = await register(t, 'ups');
    const cases: [unknown, string][] = [
      [{ low_balance_purchase_threshold: { amount: 10 } }, 'is_enabled'],
      [{ is_enabled: true, low_balance_purchase_threshold: { amount: 10 }, maximum_purchases_per_day: 1 }, 'purchase_amount'],
      [{ is_enabled: true, purchase_amount: 20, maximum_purchases_per_day: 0 }, 'maximum_purchases_per_day'],
      [{ is_enabled: true, purchase_amount: { currency: 'gbp', amount: 20 }, maximum_purchases_per_day: 1 }, 'purchase_amount.currency'],
      [{ is_enabled: true, purchase_amount: 20000, maximum_purchases_per_day: 1 }, 'purchase_amount'],
      [{ is_enabled: false, low_balance_purchase_threshold: { amount: -1 } }, 'low_balance_purchase_threshold.amount'],
      [{ is_enabled: true, purchase_amount: 20, maximum_purchases_per_day: 1.5 }, 'maximum_purchases_per_day'],
    ];
    for (const [body, field] of cases) {
      const res = await seCall(t, 'POST', settingsUrl(ups), body);
      assert.equal(res.statusCode, 400, JSON.stringify(body));
      assert.ok(res.json().errors.some((e: { field_name?: string }) => e.field_name === field), `${field}: ${res.body}`);
    }
    assert.equal(await storedSettings(ups), undefined, 'nothing stored');
    const { carriers } = (await t.api('shipengine', 'GET', '/v1/carriers')).json();
    const fedex = carriers.find((c: { carrier_code: string }) => c.carrier_code === 'fedex').carrier_id;
    for (const method of ['GET', 'POST']) {
      const res = await seCall(t, method, settingsUrl(fedex), method === 'POST' ? { is_enabled: false } : undefined);
      assert.equal(res.statusCode, 400);
      assert.equal(res.json().errors[0].error_code, 'auto_fund_not_supported');
    }
    assert.equal((await seCall(t, 'GET', settingsUrl('se-999999'))).statusCode, 404);
    assert.equal((await t.inject({ method: 'GET', url: `/v2/carriers/${ups}/auto_funding`, headers: { 'api-key': 'TEST_api_key_for_shipdock_tests' } })).statusCode, 404, 'ShipEngine only');
  });

  test('crossing the threshold buys once; at most N purchases a day; none when the balance started below; a new day resets', async () => {
    // Early in a UTC day, so the purchases below cannot straddle midnight.
    const morning = t.ctx.clock.now();
    morning.setUTCHours(24 + 6, 0, 0, 0);
    t.ctx.clock.set(morning);
    // A fresh account: the default one already has its funded stamps_com from the first test.
    const account = (await partnerCall(t, 'POST', '/v1/partners/accounts', {})).json();
    const h = { 'api-key': account.api_key.encrypted_api_key };
    const stamps = await register(t, 'stamps_com', h);
    const price = await priceCents(t, stamps, SERVICE, h);
    const threshold = 3 * price;
    const purchase = 2 * price;
    const set = await seCall(t, 'POST', settingsUrl(stamps), {
      is_enabled: true,
      low_balance_purchase_threshold: { currency: 'usd', amount: threshold / 100 },
      purchase_amount: purchase / 100,
      maximum_purchases_per_day: 2,
    }, h);
    assert.equal(set.statusCode, 200, set.body);
    await addFunds(t, stamps, (threshold + price) / 100, h);

    const buy = async () => {
      const res = await buyLabel(t, stamps, SERVICE, h);
      assert.equal(res.statusCode, 200, res.body);
      return cents(await balanceOf(t, stamps, h));
    };
    const autoFunds = async () => (await ledger(t, stamps)).filter((e) => e.kind === 'auto_fund').map((e) => e.amount_cents);

    assert.equal(await buy(), threshold, 'down to the threshold: not below it, no purchase');
    assert.equal(await buy(), threshold - price + purchase, 'crossed: one purchase');
    assert.deepEqual(await autoFunds(), [purchase]);
    assert.equal(await buy(), threshold);
    assert.equal(await buy(), threshold - price + purchase, 'crossed again: second purchase of the day');
    assert.equal(await buy(), threshold);
    assert.equal(await buy(), threshold - price, 'crossed a third time: the daily limit of 2 holds');
    assert.equal(await buy(), threshold - 2 * price, 'already below the threshold: no purchase');
    assert.deepEqual(await autoFunds(), [purchase, purchase]);

    t.ctx.clock.advance(DAY_MS);
    await addFunds(t, stamps, (2 * price) / 100, h);
    assert.equal(await buy(), threshold - price + purchase, 'a new UTC day allows purchases again');
    assert.deepEqual(await autoFunds(), [purchase, purchase, purchase]);

    await seCall(t, 'POST', settingsUrl(stamps), { is_enabled: false }, h);
    await buy();
    assert.equal(await buy(), threshold - 3 * price + purchase, 'disabled: crossing buys nothing');
    assert.deepEqual(await autoFunds(), [purchase, purchase, purchase]);
  });
});
