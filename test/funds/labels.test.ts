import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../helpers/server.ts';
import { addFunds, balanceOf, buyLabel, cents, ledger, parcel, priceCents, register } from './helpers.ts';

const SERVICE = 'usps_parcel_select';

describe('labels on a funded carrier: debit, insufficient funds, refund on void', () => {
  let t: TestApp;
  let stamps: string;
  let price: number;
  before(async () => {
    t = await startTestApp();
    stamps = await register(t, 'stamps_com');
    price = await priceCents(t, stamps, SERVICE);
  });
  after(() => t.close());

  const labelCount = async () => Number((await t.ctx.database.db.selectFrom('labels').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

  test('a label debits exactly its rate total, once, against the label', async () => {
    await addFunds(t, stamps, 50);
    const res = await buyLabel(t, stamps, SERVICE);
    assert.equal(res.statusCode, 200, res.body);
    const label = res.json();
    assert.equal(cents(label.shipment_cost.amount) + cents(label.insurance_cost.amount), price);
    assert.equal(cents(await balanceOf(t, stamps)), 5000 - price);
    const entries = await ledger(t, stamps);
    assert.deepEqual(entries.at(-1), { amount_cents: -price, kind: 'label', label_id: Number(label.label_id.slice(3)) });
  });

  test('insufficient funds: 400 insufficient_funds, no label, nothing debited', async () => {
    const ups = await register(t, 'ups');
    const ground = 'ups_ground';
    const short = Math.floor((await priceCents(t, ups, ground)) / 2) / 100;
    await addFunds(t, ups, short);
    const labelsBefore = await labelCount();
    const ledgerBefore = await ledger(t, ups);
    for (const surface of ['shipengine', 'v2'] as const) {
      const res = surface === 'v2' ? await t.api('v2', 'POST', '/v2/labels', { shipment: parcel(ups, ground) }) : await buyLabel(t, ups, ground);
      assert.equal(res.statusCode, 400, res.body);
      assert.equal(res.json().errors[0].error_code, 'insufficient_funds');
      assert.match(res.json().errors[0].message, /Insufficient funds/);
    }
    assert.equal(await labelCount(), labelsBefore);
    assert.deepEqual(await ledger(t, ups), ledgerBefore);
    assert.equal(await balanceOf(t, ups), short);
  });

  test('a test label is free; an unfunded carrier is never debited', async () => {
    const before = await balanceOf(t, stamps);
    const test = await t.api('shipengine', 'POST', '/v1/labels', { shipment: parcel(stamps, SERVICE), test_label: true });
    assert.equal(test.statusCode, 200, test.body);
    assert.equal(await balanceOf(t, stamps), before);
    const { carriers } = (await t.api('shipengine', 'GET', '/v1/carriers')).json();
    const builtIn = carriers.find((c: { carrier_code: string; requires_funded_amount: boolean }) => c.carrier_code === 'stamps_com' && !c.requires_funded_amount);
    assert.equal((await buyLabel(t, builtIn.carrier_id, SERVICE)).statusCode, 200, 'the built-in carrier bills the carrier account');
    assert.deepEqual(await ledger(t, builtIn.carrier_id), []);
  });

  test('voiding refunds the debit once; voiding again refunds nothing', async () => {
    const before = cents(await balanceOf(t, stamps));
    const label = (await buyLabel(t, stamps, SERVICE)).json();
    assert.equal(cents(await balanceOf(t, stamps)), before - price);
    const voided = await t.api('shipengine', 'PUT', `/v1/labels/${label.label_id}/void`);
    assert.equal(voided.statusCode, 200, voided.body);
    assert.equal(voided.json().approved, true);
    assert.equal(cents(await balanceOf(t, stamps)), before);
    const again = await t.api('shipengine', 'PUT', `/v1/labels/${label.label_id}/void`);
    assert.equal(again.json().approved, false);
    assert.equal(cents(await balanceOf(t, stamps)), before);
    const own = (await ledger(t, stamps)).filter((e) => e.label_id === Number(label.label_id.slice(3)));
    assert.deepEqual(own.map((e) => [e.kind, e.amount_cents]), [['label', -price], ['refund', price]]);
  });
});
