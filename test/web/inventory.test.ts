import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { TestApp } from '../helpers/server.ts';
import { increment, makePlaces, move } from '../inventory/helpers.ts';
import { assertRedirectsToSignIn, startWebApp, WebClient } from './client.ts';

describe('dashboard inventory', () => {
  let t: TestApp;
  let web: WebClient;
  before(async () => {
    t = await startWebApp();
    web = new WebClient(t);
    await web.signIn();
  });
  after(() => t.close());

  it('requires sign-in', async () => {
    await assertRedirectsToSignIn(t, '/app/inventory');
    await assertRedirectsToSignIn(t, '/app/inventory?sku=A');
  });

  it('says how to enable the add-on when the account does not have it', async () => {
    await t.ctx.database.db.updateTable('accounts').set({ addons: '[]' }).where('id', '=', 1).execute();
    const page = await web.get('/app/inventory');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /The Inventory add-on is off/);
    assert.match(page.body, /href="\/app\/settings\/plan"/);
    assert.doesNotMatch(page.body, /Stock by SKU/);
  });

  it('shows stock by SKU and location, and the transactions of a SKU', async () => {
    await t.ctx.database.db.updateTable('accounts').set({ addons: '["inventory_api"]' }).where('id', '=', 1).execute();
    const empty = await web.get('/app/inventory');
    assert.match(empty.body, /No stock yet/);
    const main = await makePlaces(t, 'Main');
    const east = await makePlaces(t, 'East');
    await increment(t, main.locationId, 'MUG-BLUE', 40, 2.5);
    await increment(t, east.locationId, 'MUG-BLUE', 10, 2.5);
    await increment(t, main.locationId, 'TEE-RED', 7, 4);
    const removed = await move(t, { transaction_type: 'decrement', inventory_location_id: main.locationId, sku: 'MUG-BLUE', quantity: 5, reason: 'breakage' });
    assert.equal(removed.statusCode, 204, removed.body);

    const page = await web.get('/app/inventory');
    assert.equal(page.statusCode, 200);
    const rows = [...page.body.matchAll(/<tr>\s*<td><a [^>]*>([^<]+)<\/a><\/td>\s*<td>([^<]*)<\/td>\s*<td>([^<]*)<\/td>\s*<td class="num">(\d+)<\/td>/g)].map((m) => [m[1], m[2], m[3], Number(m[4])]);
    assert.deepEqual(rows, [
      ['MUG-BLUE', 'Main', 'Main A-1', 35],
      ['MUG-BLUE', 'East', 'East A-1', 10],
      ['TEE-RED', 'Main', 'Main A-1', 7],
    ]);
    assert.match(page.body, /\$2\.50/);

    const sku = await web.get('/app/inventory?sku=MUG-BLUE');
    assert.match(sku.body, /Transactions of MUG-BLUE/);
    const tx = sku.body.slice(sku.body.indexOf('<tbody>', sku.body.indexOf('id="transactions"')));
    assert.equal((tx.match(/<tr>/g) ?? []).length, 3);
    assert.match(tx, /decrement<\/td>\s*<td>Main \/ Main A-1<\/td>\s*<td>sellable<\/td>\s*<td class="num">−5<\/td>/);
    assert.match(tx, /breakage/);
    assert.doesNotMatch(sku.body.slice(0, sku.body.indexOf('id="transactions"')), /TEE-RED<\/a>/);
  });

  it("shows none of another account's stock", async () => {
    const intruder = new WebClient(t);
    await intruder.signUp('inventory.intruder@example.com');
    const id = await intruder.accountId();
    await t.ctx.database.db.updateTable('accounts').set({ addons: '["inventory_api"]' }).where('id', '=', id).execute();
    const page = await intruder.get('/app/inventory?sku=MUG-BLUE');
    assert.equal(page.statusCode, 200);
    assert.doesNotMatch(page.body, /Main A-1/);
    assert.match(page.body, /No transactions/);
  });
});
