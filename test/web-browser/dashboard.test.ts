import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import type { TestApp } from '../helpers/server.ts';
import { startWebApp } from '../web/client.ts';
import { address } from '../web/fixtures.ts';
import { assertAccessible, axePage, chromiumOrSkip, launch, screenshot } from './browser.ts';

describe('the dashboard in Chromium', () => {
  let t: TestApp;
  let base: string;
  let browser: Browser | null = null;

  before(async () => {
    t = await startWebApp();
    await t.app.listen({ host: '127.0.0.1', port: 0 });
    base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  });
  after(async () => {
    await browser?.close();
    await t.close();
  });

  const basicAuth = (key: string, secret: string) => `Basic ${Buffer.from(`${key}:${secret}`).toString('base64')}`;

  async function open(page: Page, path: string) {
    const response = await page.goto(`${base}${path}`);
    assert.equal(response?.status(), 200, `${path} answered ${response?.status()}`);
    await assertAccessible(page);
  }

  async function signUp(page: Page, email: string) {
    await open(page, '/app/signup');
    await page.getByLabel('Company name').fill('Browser Co');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password', { exact: false }).first().fill('browser-password');
    await page.getByLabel('Password again').fill('browser-password');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.waitForURL(`${base}/app`);
    assert.match(await page.locator('main').innerText(), /Verify your email address/);
    await assertAccessible(page);
    // The verification link, from the sandbox outbox.
    await page.getByRole('link', { name: 'Open the sandbox outbox' }).click();
    await assertAccessible(page);
    await page.getByRole('link', { name: 'Open the link' }).click();
    await page.waitForURL(`${base}/app/settings/api`);
    assert.match(await page.locator('[role=status]').first().innerText(), /Your email address is verified/);
  }

  it('signs up, verifies, generates a V1 key pair, sees a V1 order and buys its label', async (ctx) => {
    if (!chromiumOrSkip(ctx)) return;
    browser ??= await launch();
    const page = await axePage(browser);
    await open(page, '/app/login');
    await signUp(page, 'browser.user@example.com');
    await assertAccessible(page);

    await page.getByLabel('Expires after').selectOption('6');
    await page.getByRole('button', { name: 'Generate V1 key pair' }).click();
    const key = (await page.locator('#new-v1-key').innerText()).trim();
    const secret = (await page.locator('#new-v1-secret').innerText()).trim();
    assert.match(key, /^[0-9a-f]{32}$/);
    await assertAccessible(page);
    await screenshot(page, 'api-settings');

    const v1 = async (path: string, body: unknown) => {
      const response = await fetch(`${base}${path}`, { method: 'POST', headers: { authorization: basicAuth(key, secret), 'content-type': 'application/json' }, body: JSON.stringify(body) });
      assert.equal(response.status, 200, await response.clone().text());
      return response.json() as Promise<Record<string, unknown>>;
    };
    await v1('/warehouses/createwarehouse', { warehouseName: 'Main', originAddress: { name: 'Dock', street1: '500 W 2nd St', city: 'Austin', state: 'TX', postalCode: '78701', country: 'US', phone: '512-555-0100' } });
    const order = await v1('/orders/createorder', {
      orderNumber: 'WEB-1001',
      orderKey: 'web-1001',
      orderDate: '2026-11-20T10:00:00',
      orderStatus: 'awaiting_shipment',
      billTo: address('Robin Browser'),
      shipTo: address('Robin Browser'),
      items: [{ sku: 'MUG-RED', name: 'Red mug', quantity: 1, unitPrice: 12 }],
      weight: { value: 24, units: 'ounces' },
    });

    await page.getByRole('link', { name: 'Orders', exact: true }).click();
    await page.waitForURL(/\/app\/orders/);
    await assertAccessible(page);
    const row = page.getByRole('row').filter({ hasText: 'WEB-1001' });
    assert.match(await row.innerText(), /Robin Browser/);
    await screenshot(page, 'orders');
    await row.getByRole('link', { name: 'WEB-1001' }).click();
    await page.waitForURL(`${base}/app/orders/${order.orderId}`);
    await assertAccessible(page);
    await page.getByRole('button', { name: 'Shop rates across carriers' }).click();
    await page.waitForURL(`${base}/app/orders/${order.orderId}`);
    assert.match(await page.locator('[role=status]').first().innerText(), /rates across \d carriers/);
    await assertAccessible(page);
    await screenshot(page, 'order-rates');
    await page.getByRole('button', { name: 'Buy label' }).click();
    await page.waitForURL(/\/app\/shipments\/\d+$/);
    const image = page.locator('#label-image');
    await image.waitFor();
    await page.waitForFunction(() => (document.getElementById('label-image') as HTMLImageElement | null)?.complete === true);
    const naturalWidth = await image.evaluate((img: HTMLImageElement) => img.naturalWidth);
    assert.ok(naturalWidth > 0, 'the label image loaded');
    assert.match(await page.locator('h1').innerText(), /Shipment \S+ active/);
    await assertAccessible(page);
    await screenshot(page, 'label');

    const status = await fetch(`${base}/orders/${order.orderId}`, { headers: { authorization: basicAuth(key, secret) } });
    assert.equal(((await status.json()) as { orderStatus: string }).orderStatus, 'shipped');

    for (const path of ['/app', '/app/shipments', '/app/carriers', '/app/settings/plan', '/app/settings/password', '/app/orders?status=shipped']) await open(page, path);
    await screenshot(page, 'orders-shipped');
    await open(page, '/app/carriers');
    await screenshot(page, 'carriers');
    await page.close();
  });

  it('turns the Inventory API add-on on and off, and /v2/inventory follows', async (ctx) => {
    if (!chromiumOrSkip(ctx)) return;
    browser ??= await launch();
    const page = await axePage(browser);
    await open(page, '/app/login');
    await signUp(page, 'inventory.user@example.com');
    await page.getByRole('button', { name: 'Generate API key' }).click();
    const apiKey = (await page.locator('#new-api-key').innerText()).trim();
    const inventory = async () => (await fetch(`${base}/v2/inventory`, { headers: { 'api-key': apiKey } })).status;
    assert.equal(await inventory(), 402, 'a new account has no Inventory API add-on');

    await page.getByRole('link', { name: 'Plan & add-ons' }).click();
    await assertAccessible(page);
    await page.getByRole('button', { name: 'Turn Inventory API on' }).click();
    await page.waitForURL(`${base}/app/settings/plan`);
    assert.match(await page.locator('[role=status]').first().innerText(), /Inventory API add-on turned on/);
    assert.notEqual(await inventory(), 402);

    await page.getByRole('button', { name: 'Turn Inventory API off' }).click();
    await page.waitForURL(`${base}/app/settings/plan`);
    assert.match(await page.locator('[role=status]').first().innerText(), /Inventory API add-on turned off/);
    await assertAccessible(page);
    await screenshot(page, 'plan-addons');
    const refused = await fetch(`${base}/v2/inventory`, { headers: { 'api-key': apiKey } });
    assert.equal(refused.status, 402);
    assert.equal(((await refused.json()) as { errors: { error_code: string }[] }).errors[0].error_code, 'invalid_billing_plan');
    await page.close();
  });

  it('works under its own CSP: styles and script load, nothing is blocked', async (ctx) => {
    if (!chromiumOrSkip(ctx)) return;
    browser ??= await launch();
    const page = await browser.newPage();
    const blocked: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') blocked.push(message.text());
    });
    await page.goto(`${base}/app/login`);
    const header = await page.locator('header.top').evaluate((el) => getComputedStyle(el).backgroundColor);
    assert.equal(header, 'rgb(23, 32, 47)', 'app.css applied');
    assert.deepEqual(blocked, []);
    const inline = await page.evaluate(() => {
      const s = document.createElement('script');
      s.textContent = 'window.__inline = true';
      document.body.append(s);
      return (window as unknown as { __inline?: boolean }).__inline === true;
    });
    assert.equal(inline, false, 'inline script is blocked by the CSP');
    await page.close();

    // The accessibility check can fail: an unlabelled field is a critical violation.
    const checked = await axePage(browser);
    await open(checked, '/app/login');
    await checked.evaluate(() => document.querySelector('form')!.append(document.createElement('input')));
    await assert.rejects(assertAccessible(checked), /label/);
    await checked.close();
  });

  it('signs the default account in and out', async (ctx) => {
    if (!chromiumOrSkip(ctx)) return;
    browser ??= await launch();
    const page = await axePage(browser);
    const root = await page.goto(`${base}/`);
    assert.equal(root?.status(), 200);
    assert.equal(new URL(page.url()).pathname, '/app/login', 'the root sends browsers to the dashboard');
    await assertAccessible(page);
    await page.getByLabel('Email').fill('admin@example.com');
    await page.getByLabel('Password').fill('wrong-password-here');
    await page.getByRole('button', { name: 'Sign in' }).click();
    assert.match(await page.locator('[role=alert]').innerText(), /do not match/);
    await assertAccessible(page);
    await page.getByLabel('Password').fill('correct-horse-battery');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${base}/app`);
    await assertAccessible(page);
    await screenshot(page, 'overview');
    const cookies = await page.context().cookies();
    assert.ok(cookies.length > 0);
    const session = cookies.find((c) => c.name === 'shipdock_session')!;
    assert.equal(session.httpOnly, true);
    assert.equal(session.sameSite, 'Lax');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(`${base}/app/login`);
    await page.goto(`${base}/app/orders`);
    assert.equal(new URL(page.url()).pathname, '/app/login');
    await page.close();
  });
});
