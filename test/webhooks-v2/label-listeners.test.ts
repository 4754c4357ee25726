import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../helpers/server.ts';
import { createAccount } from '../../src/domain/accounts/accounts.ts';
import { apiSubscriptionsTo, createApiWebhook } from '../../src/domain/webhooks/api-webhooks.ts';
import { labelListeners } from '../../src/domain/webhooks/label-listeners.ts';
import { subscribeWebhook, subscriptionsTo } from '../../src/domain/webhooks/webhooks.ts';

// On PostgreSQL the listeners come back from one query over both tables, each row as JSON: they
// must be the same objects, in the same order, as the two tables' own lookups give.
describe('labelListeners: who hears about a new label', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
  });
  after(() => t.close());

  test('V1 SHIP_NOTIFY hooks and label_created_v2 subscriptions of the account only, each by id, field for field', async () => {
    const db = t.ctx.database.db;
    const now = t.ctx.clock.nowIso();
    const account = (await createAccount(db, { plan: 'standard' }, now)).id;
    const other = (await createAccount(db, { plan: 'standard' }, now)).id;
    const v1 = (accountId: number, event: 'SHIP_NOTIFY' | 'ITEM_SHIP_NOTIFY' | 'ORDER_NOTIFY', n: number) =>
      subscribeWebhook(db, accountId, { targetUrl: `https://hooks.example.com/v1/${n}`, event, storeId: null, friendlyName: n % 2 ? `hook ${n}` : null }, now);
    const api = (accountId: number, surface: 'v2' | 'shipengine', event: string, n: number) =>
      createApiWebhook(db, accountId, surface, { event, url: `https://hooks.example.com/api/${n}`, headers: [{ key: 'x-n', value: String(n) }], name: n % 2 ? null : `sub ${n}` }, now);

    assert.deepEqual(await labelListeners(db, account), { shipNotify: [], labelCreated: [] });
    // Interleaved, so ids alternate between the tables and the events.
    await v1(account, 'ITEM_SHIP_NOTIFY', 1);
    await api(account, 'shipengine', 'label_created_v2', 2);
    await v1(account, 'ORDER_NOTIFY', 3);
    await api(account, 'v2', 'batch', 4);
    await v1(account, 'SHIP_NOTIFY', 5);
    await api(account, 'v2', 'label_created_v2', 6);
    await v1(other, 'SHIP_NOTIFY', 7);
    await api(other, 'v2', 'label_created_v2', 8);

    const listeners = await labelListeners(db, account);
    assert.deepEqual(listeners.shipNotify.map((h) => h.targetUrl), ['https://hooks.example.com/v1/1', 'https://hooks.example.com/v1/5']);
    assert.deepEqual(listeners.labelCreated.map((h) => h.url), ['https://hooks.example.com/api/2', 'https://hooks.example.com/api/6']);
    assert.deepEqual(listeners.shipNotify, await subscriptionsTo(db, account, ['SHIP_NOTIFY', 'ITEM_SHIP_NOTIFY']));
    assert.deepEqual(listeners.labelCreated, await apiSubscriptionsTo(db, account, 'label_created_v2'));
    assert.deepEqual(listeners.labelCreated[0].headers, [{ key: 'x-n', value: '2' }]);
  });
});
