// The sandbox page's tools in real Chromium: a snapshot saved and restored through the forms
// (with the confirmation dialog), a sample webhook sent and replayed, and the request log found by
// an error's request id; every page passes axe and leaves a screenshot.
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { runDueJobs } from '../../src/jobs/runner.ts';
import { CREDENTIALS, type TestApp } from '../helpers/server.ts';
import { startSignedReceiver, type SignedReceiver } from '../webhooks-v2/receiver.ts';
import { ADMIN, startWebApp } from '../web/client.ts';
import { createV1Order } from '../web/fixtures.ts';
import { assertAccessible, axePage, chromiumOrSkip, launch, screenshot } from './browser.ts';

describe('dashboard sandbox tools in Chromium', () => {
  let t: TestApp;
  let base: string;
  let browser: Browser | null = null;
  let receiver: SignedReceiver;

  before(async () => {
    t = await startWebApp();
    await t.app.listen({ host: '127.0.0.1', port: 0 });
    base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    receiver = await startSignedReceiver();
  });
  after(async () => {
    await browser?.close();
    await receiver.close();
    await t.close();
  });

  async function signedIn(): Promise<Page> {
    browser ??= await launch();
    const page = await axePage(browser);
    await page.goto(`${base}/app/login`);
    await page.getByLabel('Email').fill(ADMIN.email);
    await page.getByLabel('Password').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${base}/app`);
    page.on('dialog', (dialog) => void dialog.accept());
    return page;
  }

  const orderNumbers = async () => (await t.ctx.database.db.selectFrom('orders').select('order_number').where('account_id', '=', 1).orderBy('id').execute()).map((o) => o.order_number);

  it('saves and restores a snapshot, sends and replays a sample webhook, and finds a request by id', async (ctx) => {
    if (!chromiumOrSkip(ctx)) return;
    await createV1Order(t, 'BROWSER-KEEP');
    const hook = await t.app.inject({ method: 'POST', url: '/v2/environment/webhooks', payload: { event: 'track_event_v2', url: receiver.url }, headers: { 'api-key': CREDENTIALS.apiKey } });
    assert.ok([200, 201].includes(hook.statusCode), hook.body);
    const page = await signedIn();

    await page.goto(`${base}/app/sandbox`);
    await page.getByLabel('Snapshot name').fill('browser-baseline');
    await page.getByRole('button', { name: 'Save a snapshot' }).click();
    await page.getByRole('status').filter({ hasText: 'Snapshot browser-baseline saved' }).waitFor();
    await createV1Order(t, 'BROWSER-GONE');
    assert.deepEqual(await orderNumbers(), ['BROWSER-KEEP', 'BROWSER-GONE']);
    await page.getByRole('button', { name: 'Restore browser-baseline' }).click();
    await page.getByRole('status').filter({ hasText: 'Snapshot browser-baseline restored' }).waitFor();
    assert.deepEqual(await orderNumbers(), ['BROWSER-KEEP']);

    await page.getByLabel('Event', { exact: true }).selectOption('track_event_v2');
    await page.getByRole('button', { name: 'Send a sample event' }).click();
    await page.getByRole('status').filter({ hasText: 'A sample track_event_v2 event is queued' }).waitFor();
    await runDueJobs(t.ctx);
    assert.equal(receiver.deliveries.length, 1);
    await page.reload();
    await page.getByRole('button', { name: /^Replay delivery \d+$/ }).click();
    await page.getByRole('status').filter({ hasText: 'is queued again' }).waitFor();
    await runDueJobs(t.ctx);
    assert.equal(receiver.deliveries.length, 2);
    assert.equal(receiver.deliveries[1]!.raw, receiver.deliveries[0]!.raw);
    await page.reload();
    assert.equal(await page.locator('#sandbox-deliveries tbody tr').count(), 2);
    await assertAccessible(page);
    await screenshot(page, 'sandbox-tools');

    const bad = await t.app.inject({ method: 'GET', url: '/v2/labels/se-999999', headers: { 'api-key': CREDENTIALS.apiKey } });
    assert.equal(bad.statusCode, 404);
    const requestId = bad.json().request_id as string;
    await page.getByLabel('Find by request id').fill(requestId);
    await page.getByRole('button', { name: 'Find', exact: true }).click();
    await page.waitForURL(/\/app\/sandbox\/requests\/\d+$/);
    assert.equal(await page.locator('#request-id').textContent(), requestId);
    assert.match((await page.locator('#response-body').textContent())!, /se-999999/);
    assert.match((await page.locator('#request-headers').textContent())!, /\[REDACTED\]/);
    await assertAccessible(page);
    await screenshot(page, 'sandbox-request');

    await page.goto(`${base}/app/sandbox/requests?status=404`);
    assert.equal(await page.locator('#requests tbody tr').count(), 1);
    await assertAccessible(page);
    await screenshot(page, 'sandbox-requests');
  });
});
