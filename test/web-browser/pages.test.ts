// Batches, sandbox, webhooks and inventory pages in real Chromium: the batch progress bar moving
// under the page's own CSP, the test clock driving tracking, and webhook deliveries sent again.
import assert from 'node:assert/strict';
import { isDeepStrictEqual } from 'node:util';
import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { runBatch } from '../../src/domain/batches/index.ts';
import { runDueJobs } from '../../src/jobs/runner.ts';
import type { TestApp } from '../helpers/server.ts';
import { carrierIds, createShipments, upsGround } from '../batches/helpers.ts';
import { domesticShipment } from '../shipping/fixtures.ts';
import { startSignedReceiver, type SignedReceiver } from '../webhooks-v2/receiver.ts';
import { ADMIN, startWebApp } from '../web/client.ts';
import { assertAccessible, axePage, chromiumOrSkip, launch, screenshot } from './browser.ts';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('dashboard batches, sandbox, webhooks and inventory in Chromium', () => {
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

  async function open(page: Page, path: string) {
    const response = await page.goto(`${base}${path}`);
    assert.equal(response?.status(), 200, `${path} answered ${response?.status()}`);
    await assertAccessible(page);
  }

  async function signedIn(): Promise<Page> {
    browser ??= await launch();
    const page = await axePage(browser);
    await page.goto(`${base}/app/login`);
    await page.getByLabel('Email').fill(ADMIN.email);
    await page.getByLabel('Password').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${base}/app`);
    return page;
  }

  async function buyLabel(): Promise<number> {
    const ups = (await carrierIds(t)).ups;
    const res = await t.api('v2', 'POST', '/v2/labels', { shipment: domesticShipment({ carrier_id: ups, service_code: 'ups_ground' }) });
    assert.equal(res.statusCode, 200, res.body);
    return Number(String(res.json().label_id).replace('se-', ''));
  }

  it('creates and processes a batch; the progress bar moves to 100% without a reload and the PDF downloads', async (ctx) => {
    if (!chromiumOrSkip(ctx)) return;
    const carriers = await carrierIds(t);
    await createShipments(t, Array.from({ length: 12 }, (_, i) => upsGround(carriers, { external_shipment_id: `browser-batch-${i}` })));
    const page = await signedIn();
    await page.getByRole('link', { name: 'Batches', exact: true }).click();
    await page.waitForURL(`${base}/app/batches`);
    await assertAccessible(page);
    for (let i = 0; i < 12; i++) await page.getByLabel(new RegExp(`browser-batch-${i}\\b`)).check();
    await page.getByLabel('Notes').fill('Browser batch');
    await screenshot(page, 'batches');
    await page.getByRole('button', { name: 'Create batch' }).click();
    await page.waitForURL(/\/app\/batches\/\d+$/);
    const batchId = Number(/(\d+)$/.exec(page.url())![1]);
    await assertAccessible(page);
    await page.getByRole('button', { name: 'Process batch' }).click();
    await page.waitForURL(`${base}/app/batches/${batchId}`);
    assert.match(await page.locator('#batch-status').innerText(), /queued/);
    // Every value the bar takes, sampled in the page; a reload would lose the marker.
    await page.evaluate(() => {
      const w = window as unknown as { seen: number[]; marker: boolean };
      w.marker = true;
      w.seen = [];
      setInterval(() => w.seen.push((document.getElementById('progress-bar') as HTMLProgressElement).value), 100);
    });
    // The job runner, a few labels at a time with pauses, so the bar is seen part-way.
    for (let i = 0; i < 3; i++) {
      await runBatch(t.ctx.database.db, 1, batchId, { deadline: Date.now() + 60_000, maxShipments: 3, now: () => t.ctx.clock.nowIso() });
      await pause(1500);
    }
    await screenshot(page, 'batch-progress');
    await runDueJobs(t.ctx);
    await page.waitForFunction(() => (document.getElementById('progress-bar') as HTMLProgressElement).value === 100, undefined, { timeout: 10_000 });
    const { seen, marker } = await page.evaluate(() => window as unknown as { seen: number[]; marker: boolean }).then(() =>
      page.evaluate(() => ({ seen: (window as unknown as { seen: number[] }).seen, marker: (window as unknown as { marker: boolean }).marker })),
    );
    assert.equal(marker, true, 'the page was not reloaded');
    const between = [...new Set(seen.filter((v) => v > 0 && v < 100))];
    assert.ok(between.length >= 2, `the bar moved through ${between.join(', ')}`);
    assert.match(await page.locator('#progress-text').innerText(), /100% · 12 of 12 labels, 0 errors/);
    assert.match(await page.locator('#batch-status').innerText(), /completed/);
    await assertAccessible(page);
    await screenshot(page, 'batch-done');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download the labels (PDF)' }).click()]);
    const pdf = await readFile((await download.path())!);
    assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
    await open(page, '/app/batches');
    assert.match(await page.getByRole('row').filter({ hasText: `Batch ${batchId}` }).innerText(), /completed\s+12\s+12\s+0/);
    await page.close();
  });

  it("advances the test clock from the sandbox page and the label's tracking reaches Delivered", async (ctx) => {
    if (!chromiumOrSkip(ctx)) return;
    const labelId = await buyLabel();
    const page = await signedIn();
    await page.getByRole('link', { name: 'Sandbox', exact: true }).click();
    await page.waitForURL(`${base}/app/sandbox`);
    await assertAccessible(page);
    assert.match(await page.locator('main').innerText(), /LOST IN TRANSIT/);
    await screenshot(page, 'sandbox');
    await open(page, `/app/shipments/${labelId}`);
    const bought = await page.locator('main').innerText();
    assert.doesNotMatch(bought, /Delivered/);
    // Delivery comes on the estimated date, at a time of day of its own: the steps below are placed
    // around that date, not around the time the test runs.
    const estimated = /Estimated delivery (\d{4}-\d{2}-\d{2})/.exec(bought)?.[1];
    assert.ok(estimated, bought);
    const dayBefore = new Date(Date.parse(`${estimated}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    await open(page, '/app/sandbox');
    await page.getByRole('button', { name: '+1 day' }).click();
    await page.waitForURL(`${base}/app/sandbox`);
    assert.match(await page.locator('[role=status]').first().innerText(), /The test clock is now .* [1-9]\d* tracking events passed/);
    const clockDay = /The test clock is now (\d{4}-\d{2}-\d{2})/.exec(await page.locator('[role=status]').first().innerText())![1];
    assert.ok(dayBefore > clockDay, `UPS Ground from Austin to Brooklyn takes days: ${estimated} is not two days after ${clockDay}`);
    await page.getByLabel('To a date (noon UTC)').fill(dayBefore);
    await page.getByRole('button', { name: 'Move the clock' }).click();
    await page.waitForURL(`${base}/app/sandbox`);
    assert.match(await page.locator('[role=status]').first().innerText(), new RegExp(`The test clock is now ${dayBefore} 12:00 UTC`));
    await open(page, `/app/shipments/${labelId}`);
    assert.match(await page.locator('main').innerText(), /Tracking: In Transit/);
    await open(page, '/app/sandbox');
    await page.getByRole('button', { name: '+1 week' }).click();
    await page.waitForURL(`${base}/app/sandbox`);
    await open(page, `/app/shipments/${labelId}`);
    assert.match(await page.locator('main').innerText(), /Tracking: Delivered/);
    await screenshot(page, 'sandbox-delivered');
    await open(page, '/app/sandbox/reset');
    await page.close();
  });

  it('subscribes a V2 webhook, sees its delivery in the log, and sends it again', async (ctx) => {
    if (!chromiumOrSkip(ctx)) return;
    const page = await signedIn();
    await page.getByRole('link', { name: 'Webhooks', exact: true }).click();
    await page.waitForURL(`${base}/app/webhooks`);
    await assertAccessible(page);
    await page.getByLabel('API').selectOption('v2');
    await page.getByLabel('Event').selectOption('track');
    await page.getByLabel('URL').fill(receiver.url);
    await page.getByLabel('Name').fill('Local receiver');
    await page.getByRole('button', { name: 'Subscribe' }).click();
    await page.waitForURL(/\/app\/webhooks\/v2\/\d+$/);
    const hookUrl = page.url();
    await assertAccessible(page);

    await buyLabel();
    await open(page, '/app/sandbox');
    // A week passes the parcel's first scans whatever day the account's clock reads (no weekend pickups).
    await page.getByRole('button', { name: '+1 week' }).click();
    await page.waitForURL(`${base}/app/sandbox`);
    await runDueJobs(t.ctx);
    const first = receiver.deliveries.length;
    assert.ok(first >= 1, 'a tracking delivery arrived');
    await open(page, new URL(hookUrl).pathname);
    const rows = page.locator('#deliveries tbody tr');
    const logged = await rows.count();
    assert.equal(logged, first);
    assert.match(await rows.first().innerText(), /API_TRACK\s+delivered\s+200\s+1/);
    await screenshot(page, 'webhook-log');
    await rows.first().getByRole('button', { name: /Send again/ }).click();
    await page.waitForURL(hookUrl);
    assert.match(await page.locator('[role=status]').first().innerText(), /Queued again/);
    await runDueJobs(t.ctx);
    assert.equal(receiver.deliveries.length, first + 1, 'the delivery arrived a second time');
    // The log's top row was resent; with several deliveries of one advance their arrival order is not the log's.
    const resent = receiver.deliveries.at(-1)!.body;
    assert.ok(receiver.deliveries.slice(0, first).some((d) => isDeepStrictEqual(d.body, resent)), 'the same body as an earlier delivery');
    await open(page, new URL(hookUrl).pathname);
    assert.equal(await rows.count(), logged + 1);
    await open(page, '/app/webhooks');
    await page.close();
  });

  it('shows the inventory page, off and then on', async (ctx) => {
    if (!chromiumOrSkip(ctx)) return;
    const page = await signedIn();
    await t.ctx.database.db.updateTable('accounts').set({ addons: '[]' }).where('id', '=', 1).execute();
    await open(page, '/app/inventory');
    assert.match(await page.locator('main').innerText(), /The Inventory add-on is off/);
    await t.ctx.database.db.updateTable('accounts').set({ addons: '["inventory_api"]' }).where('id', '=', 1).execute();
    const w = await t.api('v2', 'POST', '/v2/inventory_warehouses', { name: 'Main' });
    const l = await t.api('v2', 'POST', '/v2/inventory_locations', { name: 'Shelf 1', inventory_warehouse_id: w.json().inventory_warehouse_id });
    const moved = await t.api('v2', 'POST', '/v2/inventory', { transaction_type: 'increment', inventory_location_id: l.json().inventory_location_id, sku: 'MUG-RED', quantity: 12 });
    assert.equal(moved.statusCode, 204, moved.body);
    await open(page, '/app/inventory');
    await page.getByRole('link', { name: 'MUG-RED' }).click();
    await page.waitForURL(/sku=MUG-RED/);
    await assertAccessible(page);
    assert.match(await page.locator('#transactions').innerText(), /increment\s+Main \/ Shelf 1\s+sellable\s+\+12/);
    await screenshot(page, 'inventory');
    await page.close();
  });
});
