import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { carrierBalance } from '../../src/domain/carriers/balances.ts';
import type { TestApp } from '../helpers/server.ts';
import { assertRedirectsToSignIn, startWebApp, WebClient } from './client.ts';
import { createV1Order, createWarehouse, quotedRates } from './fixtures.ts';

const flashOf = (html: string) => /class="banner (?:ok|error)"[^>]*>([^<]*)</.exec(html)?.[1];

describe('dashboard carriers and funds', () => {
  let t: TestApp;
  let web: WebClient;
  let funded: { id: number; carrier_code: string };
  let billed: { id: number };
  before(async () => {
    t = await startWebApp();
    await createWarehouse(t);
    web = new WebClient(t);
    await web.signIn();
    const connected = await web.post('/app/carriers/funded', { carrier_code: 'stamps_com', nickname: 'Wallet USPS' });
    assert.equal(connected.statusCode, 303);
    const carriers = await t.ctx.database.db.selectFrom('carriers').select(['id', 'carrier_code', 'funded']).where('account_id', '=', 1).orderBy('id').execute();
    funded = carriers.find((c) => c.funded === 1)!;
    billed = carriers.find((c) => c.funded === 0)!;
    assert.ok(funded && billed);
  });
  after(() => t.close());

  it('lists connected carriers with services and balances', async () => {
    const page = await web.get('/app/carriers');
    assert.equal(page.statusCode, 200);
    assert.match(flashOf(page.body)!, /Wallet USPS is connected with a zero balance/);
    assert.match(page.body, new RegExp(`id="balance-${funded.id}">\\$0\\.00<`));
    await web.post('/app/carriers/funded', { carrier_code: 'stamps_com' });
    assert.match(flashOf((await web.get('/app/carriers')).body)!, /already has a ShipStation-funded/);
    for (const text of ['UPS', 'FedEx', 'DHL Express', 'ups_ground', 'fedex_ground', 'ShipStation funded', 'billed by carrier']) assert.ok(page.body.includes(text), text);
    assert.match(page.body, new RegExp(`id="balance-${funded.id}">\\$`));
  });

  it('adds funds to a funded carrier, refuses small amounts and carrier-billed connections', async () => {
    const before = await carrierBalance(t.ctx.database.db, funded.id);
    await web.post(`/app/carriers/${funded.id}/funds`, { amount: '25.50' });
    assert.equal(await carrierBalance(t.ctx.database.db, funded.id), before + 2550);
    const page = await web.get('/app/carriers');
    assert.match(flashOf(page.body)!, /Added \$25\.50; the balance is now/);
    assert.match(page.body, /Funds added/);
    assert.match(page.body, /\+\$25\.50/);

    await web.post(`/app/carriers/${funded.id}/funds`, { amount: '5' });
    assert.match(flashOf((await web.get('/app/carriers')).body)!, /between \$10\.00 and \$10000\.00/);
    await web.post(`/app/carriers/${funded.id}/funds`, { amount: '-20' });
    assert.match(flashOf((await web.get('/app/carriers')).body)!, /amount in dollars/);
    await web.post(`/app/carriers/${billed.id}/funds`, { amount: '50' });
    assert.match(flashOf((await web.get('/app/carriers')).body)!, /billed by the carrier/);
    assert.equal(await carrierBalance(t.ctx.database.db, funded.id), before + 2550);
  });

  it('saves auto-funding rules', async () => {
    await web.post(`/app/carriers/${funded.id}/auto-funding`, { enabled: 'on', threshold: '20', purchase: '100', per_day: '2' });
    const row = await t.ctx.database.db.selectFrom('carriers').select('settings').where('id', '=', funded.id).executeTakeFirstOrThrow();
    assert.deepEqual(JSON.parse(row.settings).auto_funding, { isEnabled: true, thresholdCents: 2000, purchaseCents: 10000, maximumPurchasesPerDay: 2 });
    assert.match(flashOf((await web.get('/app/carriers')).body)!, /Auto-funding on: \$100\.00 whenever the balance falls below \$20\.00, at most 2 a day/);
    await web.post(`/app/carriers/${funded.id}/auto-funding`, { enabled: 'on', threshold: '20', purchase: '0', per_day: '2' });
    assert.match(flashOf((await web.get('/app/carriers')).body)!, /purchase_amount is required/);
    await web.post(`/app/carriers/${funded.id}/auto-funding`, { threshold: '0', purchase: '0', per_day: '0' });
    const off = await t.ctx.database.db.selectFrom('carriers').select('settings').where('id', '=', funded.id).executeTakeFirstOrThrow();
    assert.equal(JSON.parse(off.settings).auto_funding.isEnabled, false);
  });

  it('shows label debits and void refunds in the ledger', async () => {
    await web.post(`/app/carriers/${funded.id}/funds`, { amount: '200' });
    const order = await createV1Order(t, 'LEDGER-1');
    await web.post(`/app/orders/${order.orderId}/rates`);
    const orderPage = await web.get(`/app/orders/${order.orderId}`);
    const rateIds = [...orderPage.body.matchAll(/name="rate_id" value="(\d+)"/g)].map((m) => Number(m[1]));
    const [rate] = (await quotedRates(t, rateIds)).filter((r) => r.carrierId === funded.id);
    const bought = await web.post(`/app/orders/${order.orderId}/label`, { rate_id: String(rate.id) });
    const labelId = Number(/\/app\/shipments\/(\d+)/.exec(String(bought.headers.location))![1]);
    await web.post(`/app/shipments/${labelId}/void`);
    const ledger = await web.get('/app/carriers');
    const amount = `$${(rate.totalCents / 100).toFixed(2)}`;
    assert.ok(ledger.body.includes(`−${amount}`), 'the label debit');
    assert.match(ledger.body, /Refund \(void\)/);
    assert.ok(ledger.body.includes(`+${amount}`), 'the refund');
  });

  it("answers 404 for another account's carriers", async () => {
    const intruder = new WebClient(t);
    await intruder.signUp('carriers.intruder@example.com');
    const before = await carrierBalance(t.ctx.database.db, funded.id);
    assert.equal((await intruder.post(`/app/carriers/${funded.id}/funds`, { amount: '50' })).statusCode, 404);
    assert.equal((await intruder.post(`/app/carriers/${funded.id}/auto-funding`, { enabled: 'on', threshold: '1', purchase: '20', per_day: '1' })).statusCode, 404);
    assert.equal(await carrierBalance(t.ctx.database.db, funded.id), before);
    assert.doesNotMatch((await intruder.get('/app/carriers')).body, /Funds added/);
  });

  it('requires sign-in and a CSRF token', async () => {
    await assertRedirectsToSignIn(t, '/app/carriers');
    await assertRedirectsToSignIn(t, '/app/carriers/funded', 'POST');
    assert.equal((await web.post('/app/carriers/funded', { carrier_code: 'ups' }, { csrf: false })).statusCode, 403);
    for (const action of ['funds', 'auto-funding']) {
      await assertRedirectsToSignIn(t, `/app/carriers/${funded.id}/${action}`, 'POST');
      assert.equal((await web.post(`/app/carriers/${funded.id}/${action}`, { amount: '50', threshold: '1', purchase: '20', per_day: '1' }, { csrf: false })).statusCode, 403);
    }
  });
});
