import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../helpers/server.ts';
import { createAccount } from '../../src/domain/accounts/accounts.ts';
import { apiSubscriptionsTo, createApiWebhook } from '../../src/domain/webhooks/api-webhooks.ts';
import { createLabelImage } from '../../src/domain/label-images/images.ts';
import { purchaseSetup } from '../../src/domain/labels/purchase-setup.ts';
import { halfBlackPng } from '../account/images.ts';
import { subscribeWebhook, subscriptionsTo } from '../../src/domain/webhooks/webhooks.ts';

// On PostgreSQL the setup comes back from one query over three tables, each row as JSON: it must be
// the same objects, in the same order, as the tables' own lookups give.
describe('purchaseSetup: default label image and who hears about a new label', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
  });
  after(() => t.close());

  test('the default image, V1 SHIP_NOTIFY hooks and label_created_v2 subscriptions of the account only, each by id, field for field', async () => {
    const db = t.ctx.database.db;
    const now = t.ctx.clock.nowIso();
    const account = (await createAccount(db, { plan: 'standard' }, now)).id;
    const other = (await createAccount(db, { plan: 'standard' }, now)).id;
    const v1 = (accountId: number, event: 'SHIP_NOTIFY' | 'ITEM_SHIP_NOTIFY' | 'ORDER_NOTIFY', n: number) =>
      subscribeWebhook(db, accountId, { targetUrl: `https://hooks.example.com/v1/${n}`, event, storeId: null, friendlyName: n % 2 ? `hook ${n}` : null }, now);
    const api = (accountId: number, surface: 'v2' | 'shipengine', event: string, n: number) =>
      createApiWebhook(db, accountId, surface, { event, url: `https://hooks.example.com/api/${n}`, headers: [{ key: 'x-n', value: String(n) }], name: n % 2 ? null : `sub ${n}` }, now);

    const { ids, ...setup } = await purchaseSetup(db, account, 1);
    assert.deepEqual(setup, { defaultLabelImageId: null, shipNotify: [], labelCreated: [] });
    assert.ok(Number.isInteger(ids.label) && ids.label > 0 && ids.packages.length === 1, JSON.stringify(ids));
    const three = (await purchaseSetup(db, account, 3)).ids.packages;
    assert.deepEqual(three.map((id) => id - three[0]), [0, 1, 2], "a label's package ids, in order");
    const image = (accountId: number, isDefault: boolean) =>
      createLabelImage(db, accountId, { name: 'logo', isDefault, contentType: 'image/png', imageData: halfBlackPng().toString('base64') }, now);
    await image(account, false);
    assert.equal((await purchaseSetup(db, account, 1)).defaultLabelImageId, null, 'an image that is not the default');
    const logo = await image(account, true);
    await image(other, true);
    // Interleaved, so ids alternate between the tables and the events.
    await v1(account, 'ITEM_SHIP_NOTIFY', 1);
    await api(account, 'shipengine', 'label_created_v2', 2);
    await v1(account, 'ORDER_NOTIFY', 3);
    await api(account, 'v2', 'batch', 4);
    await v1(account, 'SHIP_NOTIFY', 5);
    await api(account, 'v2', 'label_created_v2', 6);
    await v1(other, 'SHIP_NOTIFY', 7);
    await api(other, 'v2', 'label_created_v2', 8);

    const listeners = await purchaseSetup(db, account, 1);
    assert.equal(listeners.defaultLabelImageId, logo.id);
    assert.deepEqual(listeners.shipNotify.map((h: { targetUrl: string }) => h.targetUrl), ['https://hooks.example.com/v1/1', 'https://hooks.example.com/v1/5']);
    assert.deepEqual(listeners.labelCreated.map((h: { url: string }) => h.url), ['https://hooks.example.com/api/2', 'https://hooks.example.com/api/6']);
    assert.deepEqual(listeners.shipNotify, await subscriptionsTo(db, account, ['SHIP_NOTIFY', 'ITEM_SHIP_NOTIFY']));
    assert.deepEqual(listeners.labelCreated, await apiSubscriptionsTo(db, account, 'label_created_v2'));
    assert.deepEqual(listeners.labelCreated[0].headers, [{ key: 'x-n', value: '2' }]);
  });
});
