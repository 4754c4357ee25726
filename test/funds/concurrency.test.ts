// Ledger consistency under concurrent purchases. On PostgreSQL each request runs its own
// transaction on its own pooled connection, so this is where the carrier row lock matters;
// on SQLite the same test checks the single-writer path.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, usingPostgres, type TestApp } from '../helpers/server.ts';
import { addFunds, balanceOf, buyLabel, cents, ledger, priceCents, register, type LedgerEntry } from './helpers.ts';

const SERVICE = 'usps_parcel_select';

/** Every prefix sum of the ledger, in the order the entries were written: none may be negative. */
function lowestRunningBalance(entries: LedgerEntry[]): number {
  let balance = 0;
  let lowest = 0;
  for (const e of entries) {
    balance += e.amount_cents;
    lowest = Math.min(lowest, balance);
  }
  return lowest;
}

describe(`concurrent label purchases on one funded carrier (${usingPostgres() ? 'PostgreSQL' : 'SQLite'})`, () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
  });
  after(() => t.close());

  test('$50 and 20 simultaneous ~$10 labels: floor(50/price) succeed, the rest are insufficient_funds, the ledger adds up', async () => {
    const stamps = await register(t, 'stamps_com');
    const price = await priceCents(t, stamps, SERVICE);
    assert.ok(price > 500 && price < 1500, `a ~$10 label, got ${price}`);
    await addFunds(t, stamps, 50);

    const responses = await Promise.all(Array.from({ length: 20 }, () => buyLabel(t, stamps, SERVICE)));
    const bought = responses.filter((r) => r.statusCode === 200).map((r) => r.json());
    const refused = responses.filter((r) => r.statusCode !== 200);
    assert.equal(bought.length, Math.floor(5000 / price));
    for (const r of refused) {
      assert.equal(r.statusCode, 400, r.body);
      assert.equal(r.json().errors[0].error_code, 'insufficient_funds');
    }

    const entries = await ledger(t, stamps);
    const debits = entries.filter((e) => e.kind === 'label');
    assert.equal(debits.length, bought.length, 'one debit per label, none for refused purchases');
    assert.deepEqual(debits.map((e) => e.label_id).sort(), bought.map((l) => Number(l.label_id.slice(3))).sort());
    const labelCosts = bought.reduce((sum, l) => sum + cents(l.shipment_cost.amount) + cents(l.insurance_cost.amount), 0);
    assert.equal(-debits.reduce((sum, e) => sum + e.amount_cents, 0), labelCosts);
    assert.equal(cents(await balanceOf(t, stamps)), 5000 - labelCosts);
    assert.ok(5000 - labelCosts < price, 'whatever is left cannot pay for another label');
    assert.equal(lowestRunningBalance(entries), 0, 'the balance never went negative');
  });

  test('deposits racing purchases: every successful label was paid for and the balance is the ledger sum', async () => {
    const ups = await register(t, 'ups');
    const price = await priceCents(t, ups, 'ups_ground');
    await addFunds(t, ups, 20);
    const calls = [
      ...Array.from({ length: 16 }, () => buyLabel(t, ups, 'ups_ground')),
      ...Array.from({ length: 6 }, () => t.api('shipengine', 'PUT', `/v1/carriers/${ups}/add_funds`, { currency: 'usd', amount: 10 })),
    ];
    const responses = await Promise.all(calls);
    const labels = responses.slice(0, 16).filter((r) => r.statusCode === 200).length;
    assert.ok(responses.slice(16).every((r) => r.statusCode === 200), 'every deposit lands');
    assert.ok(responses.slice(0, 16).every((r) => r.statusCode === 200 || r.json().errors[0].error_code === 'insufficient_funds'));
    const entries = await ledger(t, ups);
    assert.equal(entries.filter((e) => e.kind === 'label').length, labels);
    assert.ok(labels >= Math.floor(2000 / price) && labels <= Math.floor(8000 / price), `${labels} labels`);
    assert.equal(cents(await balanceOf(t, ups)), 8000 - labels * price);
    assert.equal(lowestRunningBalance(entries), 0);
  });
});
