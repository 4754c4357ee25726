import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { basic, type TestApp } from '../helpers/server.ts';
import { assertRedirectsToSignIn, startWebApp, WebClient } from './client.ts';

const secretOf = (html: string, id: string) => new RegExp(`id="${id}">([^<]+)<`).exec(html)?.[1];

describe('dashboard API Settings and Plan & add-ons', () => {
  let t: TestApp;
  before(async () => {
    t = await startWebApp();
  });
  after(() => t.close());

  const v1Call = (key: string, secret: string) => t.app.inject({ method: 'GET', url: '/carriers', headers: { authorization: basic(key, secret) } });
  const v2Call = (key: string, url = '/v2/carriers') => t.app.inject({ method: 'GET', url, headers: { 'api-key': key } });

  it('refuses API keys until the sign-up email is verified', async () => {
    const web = new WebClient(t);
    await web.signUp('unverified@example.com', 'sign-up-password', { verify: false });
    const response = await web.post('/app/settings/api/v1-keys', { months: '12' });
    assert.equal(response.statusCode, 303);
    assert.match((await web.get('/app/settings/api')).body, /Verify your email address \(unverified@example\.com\) before generating API keys/);
    const v2 = await web.post('/app/settings/api/api-keys', { description: 'x' });
    assert.equal(v2.statusCode, 303);
    const id = await web.accountId();
    const pairs = await t.ctx.database.db.selectFrom('v1_key_pairs').select('id').where('account_id', '=', id).execute();
    const keys = await t.ctx.database.db.selectFrom('api_keys').select('id').where('account_id', '=', id).execute();
    assert.equal(pairs.length + keys.length, 0);
  });

  it('generates V1 key pairs that work over HTTP Basic, at most two, with expiry and warnings', async () => {
    const web = new WebClient(t);
    await web.signUp('keys@example.com');
    const created = await web.post('/app/settings/api/v1-keys', { months: '3' });
    assert.equal(created.statusCode, 200);
    const key = secretOf(created.body, 'new-v1-key')!;
    const secret = secretOf(created.body, 'new-v1-secret')!;
    assert.match(key, /^[0-9a-f]{32}$/);
    assert.match(secret, /^[0-9a-f]{32}$/);
    const call = await v1Call(key, secret);
    assert.equal(call.statusCode, 200);
    assert.equal(call.json().length, 4, 'the new account has its four built-in carriers');

    const id = await web.accountId();
    const [row] = await t.ctx.database.db.selectFrom('v1_key_pairs').selectAll().where('account_id', '=', id).execute();
    const expected = new Date(row.created_at);
    expected.setUTCMonth(expected.getUTCMonth() + 3);
    assert.equal(row.expires_at, expected.toISOString());
    const page = await web.get('/app/settings/api');
    assert.ok(page.body.includes(row.expires_at.slice(0, 10)));
    assert.doesNotMatch(page.body, new RegExp(secret), 'the secret is never shown again');
    assert.doesNotMatch(page.body, /expires within 30 days/);

    assert.equal((await web.post('/app/settings/api/v1-keys', { months: '6' })).statusCode, 200);
    const third = await web.post('/app/settings/api/v1-keys', { months: '12' });
    assert.equal(third.statusCode, 303);
    assert.match((await web.get('/app/settings/api')).body, /at most two V1 API key pairs/);
    assert.equal((await web.post('/app/settings/api/v1-keys', { months: '7' })).statusCode, 303, 'only 3, 6 or 12 months');

    await t.ctx.database.db.updateTable('v1_key_pairs').set({ expires_at: new Date(Date.now() + 10 * 86_400_000).toISOString() }).where('id', '=', row.id).execute();
    assert.match((await web.get('/app/settings/api')).body, /expires within 30 days/);
  });

  it('rotates and deletes V1 pairs; another account cannot touch them', async () => {
    const web = new WebClient(t);
    await web.signUp('rotate@example.com');
    const first = await web.post('/app/settings/api/v1-keys', { months: '12' });
    const oldKey = secretOf(first.body, 'new-v1-key')!;
    const oldSecret = secretOf(first.body, 'new-v1-secret')!;
    const id = await web.accountId();
    const [pair] = await t.ctx.database.db.selectFrom('v1_key_pairs').select('id').where('account_id', '=', id).execute();

    const other = new WebClient(t);
    await other.signUp('intruder@example.com');
    assert.equal((await other.post(`/app/settings/api/v1-keys/${pair.id}/delete`)).statusCode, 404);
    assert.equal((await other.post(`/app/settings/api/v1-keys/${pair.id}/rotate`, { months: '12' })).statusCode, 404);
    assert.equal((await v1Call(oldKey, oldSecret)).statusCode, 200);

    const rotated = await web.post(`/app/settings/api/v1-keys/${pair.id}/rotate`, { months: '6' });
    assert.equal(rotated.statusCode, 200);
    const newKey = secretOf(rotated.body, 'new-v1-key')!;
    const newSecret = secretOf(rotated.body, 'new-v1-secret')!;
    assert.equal((await v1Call(oldKey, oldSecret)).statusCode, 401);
    assert.equal((await v1Call(newKey, newSecret)).statusCode, 200);

    const [current] = await t.ctx.database.db.selectFrom('v1_key_pairs').select('id').where('account_id', '=', id).where('deleted_at', 'is', null).execute();
    assert.equal((await web.post(`/app/settings/api/v1-keys/${current.id}/delete`)).statusCode, 303);
    assert.equal((await v1Call(newKey, newSecret)).statusCode, 401);
    assert.equal((await web.post('/app/settings/api/v1-keys/abc/delete')).statusCode, 404);
  });

  it('shows a V2 key once, then its hint; deleting it stops it', async () => {
    const web = new WebClient(t);
    await web.signUp('v2keys@example.com');
    const created = await web.post('/app/settings/api/api-keys', { description: 'Warehouse' });
    assert.equal(created.statusCode, 200);
    const key = secretOf(created.body, 'new-api-key')!;
    assert.ok(key.length >= 24);
    assert.equal((await v2Call(key)).statusCode, 200);
    const page = await web.get('/app/settings/api');
    assert.ok(!page.body.includes(key));
    assert.ok(page.body.includes(`${key.slice(0, 4)}…${key.slice(-4)}`));
    assert.match(page.body, /Warehouse/);
    const id = await web.accountId();
    const [row] = await t.ctx.database.db.selectFrom('api_keys').select('id').where('account_id', '=', id).execute();
    const other = new WebClient(t);
    await other.signIn();
    assert.equal((await other.post(`/app/settings/api/api-keys/${row.id}/delete`)).statusCode, 404);
    assert.equal((await web.post(`/app/settings/api/api-keys/${row.id}/delete`)).statusCode, 303);
    assert.equal((await v2Call(key)).statusCode, 401);
  });

  it('gates the APIs by plan and add-on, and says so plainly', async () => {
    const web = new WebClient(t);
    await web.signUp('plans@example.com');
    const pair = await web.post('/app/settings/api/v1-keys', { months: '12' });
    const [key, secret] = [secretOf(pair.body, 'new-v1-key')!, secretOf(pair.body, 'new-v1-secret')!];
    const apiKey = secretOf((await web.post('/app/settings/api/api-keys', {})).body, 'new-api-key')!;

    assert.equal((await web.post('/app/settings/plan', { plan: 'starter' })).statusCode, 303);
    const id = await web.accountId();
    const account = await t.ctx.database.db.selectFrom('accounts').select(['plan', 'trial_ends_at']).where('id', '=', id).executeTakeFirstOrThrow();
    assert.deepEqual(account, { plan: 'starter', trial_ends_at: null });
    assert.equal((await v1Call(key, secret)).statusCode, 402);
    assert.equal((await v2Call(apiKey)).statusCode, 402);
    const settings = await web.get('/app/settings/api');
    assert.match(settings.body, /V1 calls with these keys answer <strong>402 Payment Required/);

    assert.equal((await web.post('/app/settings/addons/shipping_api', { enabled: 'true' })).statusCode, 303);
    assert.equal((await v2Call(apiKey)).statusCode, 200, 'the Shipping API add-on opens V2');
    assert.equal((await v1Call(key, secret)).statusCode, 402, 'but not V1');
    const plan = await web.get('/app/settings/plan');
    assert.match(plan.body, /Shipping API <span class="tag ok">on<\/span>/);
    assert.match(plan.body, /Inventory API <span class="tag ">off<\/span>/);

    await web.post('/app/settings/plan', { plan: 'premium' });
    assert.equal((await v1Call(key, secret)).statusCode, 200);
    assert.equal((await v2Call(apiKey, '/v2/inventory')).statusCode, 402, 'no Inventory API add-on');
    await web.post('/app/settings/addons/inventory_api', { enabled: 'true' });
    assert.notEqual((await v2Call(apiKey, '/v2/inventory')).statusCode, 402);
    await web.post('/app/settings/addons/inventory_api', { enabled: 'false' });
    assert.equal((await v2Call(apiKey, '/v2/inventory')).statusCode, 402);

    assert.equal((await web.post('/app/settings/plan', { plan: 'platinum' })).statusCode, 303);
    assert.match((await web.get('/app/settings/plan')).body, /There is no platinum plan/);
    assert.equal((await web.post('/app/settings/addons/teleport', { enabled: 'true' })).statusCode, 404);
  });

  it('requires sign-in and a CSRF token on every form', async () => {
    for (const url of ['/app/settings/api', '/app/settings/plan']) await assertRedirectsToSignIn(t, url);
    const forms = ['/app/settings/api/v1-keys', '/app/settings/api/v1-keys/1/rotate', '/app/settings/api/v1-keys/1/delete', '/app/settings/api/api-keys', '/app/settings/api/api-keys/1/delete', '/app/settings/plan', '/app/settings/addons/inventory_api'];
    const web = new WebClient(t);
    await web.signIn();
    for (const url of forms) {
      await assertRedirectsToSignIn(t, url, 'POST');
      const refused = await web.post(url, { months: '12', plan: 'starter', enabled: 'false' }, { csrf: false });
      assert.equal(refused.statusCode, 403, url);
    }
    const account = await t.ctx.database.db.selectFrom('accounts').select(['plan', 'addons']).where('id', '=', 1).executeTakeFirstOrThrow();
    assert.deepEqual(account, { plan: 'premium', addons: '["inventory_api"]' });
    assert.equal((await t.v1('GET', '/carriers')).statusCode, 200, 'the default pair survived');
  });
});
