import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { CREDENTIALS, startTestApp, type TestApp } from '../helpers/server.ts';
import { chromiumOrSkip, launch, screenshot } from '../web-browser/browser.ts';

/** A free loopback port, so the documents' server URL (SHIPDOCK_PUBLIC_URL) is where we listen. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('/docs in Chromium: pick a surface, authorize, Try it out', () => {
  let t: TestApp;
  let base: string;
  let browser: Browser | null = null;

  before(async () => {
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    t = await startTestApp({ SHIPDOCK_PUBLIC_URL: base });
    await t.app.listen({ host: '127.0.0.1', port });
    // Build the documents before the browser waits on them (seconds on a loaded machine).
    await t.app.inject({ method: 'GET', url: '/docs/openapi/v2.json' });
  });
  after(async () => {
    await browser?.close();
    await t.close();
  });

  async function tryGet(page: Page, path: string): Promise<string> {
    const block = page.locator(`.opblock-get:has(.opblock-summary-path[data-path="${path}"])`).first();
    await block.locator('.opblock-summary').first().click();
    await block.locator('.try-out__btn').click();
    await block.locator('.execute').click();
    const status = block.locator('.live-responses-table tr.response .response-col_status').first();
    await status.waitFor();
    return (await status.innerText()).trim();
  }

  async function authorize(page: Page, fill: (dialog: ReturnType<Page['locator']>) => Promise<void>) {
    await page.locator('.scheme-container .authorize').click();
    const dialog = page.locator('.dialog-ux .modal-ux');
    await fill(dialog);
    await dialog.locator('.auth-btn-wrapper .authorize').first().click();
    await dialog.locator('.btn-done').first().click();
  }

  it('lists the four surfaces and calls this server with each scheme', async (ctx) => {
    if (!chromiumOrSkip(ctx)) return;
    browser = await launch();
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    // The machine running the suite is shared: generous waits, the assertions stay exact.
    page.setDefaultTimeout(120_000);
    const response = await page.goto(`${base}/docs`);
    assert.equal(response?.status(), 200);

    const select = page.locator('.topbar select');
    await select.waitFor();
    const names = await select.locator('option').allInnerTexts();
    assert.deepEqual(names.map((n) => n.trim()), ['ShipStation V2', 'ShipEngine /v1 + Partner API', 'ShipStation V1 (legacy)', 'Shipdock sandbox & extensions']);
    await page.locator('.opblock-summary-path[data-path="/v2/warehouses"]').first().waitFor();
    assert.equal(await page.locator('.opblock-summary-path[data-path="/v1/warehouses"]').count(), 0, 'ShipEngine operations are in their own document');

    // V2: the API-Key scheme.
    await authorize(page, async (dialog) => dialog.locator('input').first().fill(CREDENTIALS.apiKey));
    assert.equal(await tryGet(page, '/v2/warehouses'), '200');
    await screenshot(page, 'docs-v2-try-it-out');

    // V1: HTTP Basic.
    await select.selectOption({ label: 'ShipStation V1 (legacy)' });
    await page.locator('.opblock-summary-path[data-path="/stores"]').first().waitFor();
    await authorize(page, async (dialog) => {
      await dialog.locator('input').nth(0).fill(CREDENTIALS.v1Key);
      await dialog.locator('input[type="password"]').first().fill(CREDENTIALS.v1Secret);
    });
    assert.equal(await tryGet(page, '/stores'), '200');
    await screenshot(page, 'docs-v1-try-it-out');
  });
});
