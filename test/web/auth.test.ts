import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { hashKey, verifyPassword } from '../../src/domain/accounts/secrets.ts';
import { CREDENTIALS, type TestApp } from '../helpers/server.ts';
import { ADMIN, assertRedirectsToSignIn, startWebApp, WebClient } from './client.ts';

describe('dashboard sign-in, sign-up and sessions', () => {
  let t: TestApp;
  before(async () => {
    t = await startWebApp();
  });
  after(() => t.close());

  it('signs the default account in with the configured email and password, into a database session', async () => {
    const web = new WebClient(t);
    const response = await web.signIn();
    assert.equal(response.headers.location, '/app');
    const setCookie = String(response.headers['set-cookie']);
    assert.match(setCookie, /shipdock_session=[^;]+; Max-Age=604800; Path=\/app; HttpOnly; SameSite=Lax/);
    assert.doesNotMatch(setCookie, /Secure/);
    const token = web.cookies.get('shipdock_session')!;
    const rows = await t.ctx.database.db.selectFrom('web_sessions').selectAll().execute();
    assert.equal(rows.length, 1);
    assert.equal(rows[0].account_id, 1);
    assert.equal(rows[0].token_hash, hashKey(token), 'only the digest is stored');
    assert.notEqual(rows[0].token_hash, token);
    const home = await web.get('/app');
    assert.equal(home.statusCode, 200);
    assert.match(home.body, /admin@example\.com/);
    assert.match(home.body, /premium/);
  });

  it('refuses a wrong password and an unknown email alike', async () => {
    const web = new WebClient(t);
    await web.get('/app/login');
    const wrong = await web.post('/app/login', { email: ADMIN.email, password: 'nope-nope-nope' });
    assert.equal(wrong.statusCode, 401);
    assert.match(wrong.body, /do not match an account/);
    const unknown = await web.post('/app/login', { email: 'ghost@example.com', password: 'nope-nope-nope' });
    assert.equal(unknown.statusCode, 401);
    assert.equal(web.cookies.has('shipdock_session'), false);
  });

  it('refuses forms without the CSRF token', async () => {
    const web = new WebClient(t);
    await web.get('/app/login');
    const login = await web.post('/app/login', { email: ADMIN.email, password: ADMIN.password }, { csrf: false });
    assert.equal(login.statusCode, 403);
    assert.equal(web.cookies.has('shipdock_session'), false);
    await web.signIn();
    const forged = await web.post('/app/logout', { _csrf: 'forged-token' }, { csrf: false });
    assert.equal(forged.statusCode, 403);
    assert.equal((await web.get('/app')).statusCode, 200, 'still signed in');
    for (const url of ['/app/verify/resend', '/app/settings/password']) {
      assert.equal((await web.post(url, { current_password: ADMIN.password, new_password: 'x-new-password', new_password_confirm: 'x-new-password' }, { csrf: false })).statusCode, 403, url);
    }
    const anonymous = new WebClient(t);
    await anonymous.get('/app/signup');
    const signup = await anonymous.post('/app/signup', { email: 'csrf@example.com', password: 'long-enough-1', password_confirm: 'long-enough-1' }, { csrf: false });
    assert.equal(signup.statusCode, 403);
    assert.match(signup.body, /The form expired or did not come from this site/);
    const made = await t.ctx.database.db.selectFrom('accounts').select('id').where('email', '=', 'csrf@example.com').executeTakeFirst();
    assert.equal(made, undefined);
    await new WebClient(t).signIn(); // the password did not change
  });

  it('limits sign-in attempts per email', async () => {
    const web = new WebClient(t);
    await web.get('/app/login');
    const statuses: number[] = [];
    // Fixed one-minute windows: 21 attempts cross at most one boundary, so one window sees an 11th.
    for (let i = 0; i < 21; i++) statuses.push((await web.post('/app/login', { email: 'limited@example.com', password: 'wrong-password' })).statusCode);
    assert.deepEqual(statuses.slice(0, 10), Array(10).fill(401));
    assert.ok(statuses.includes(429), statuses.join(','));
    assert.ok(statuses.every((s) => s === 401 || s === 429));
  });

  it('signs partner-created accounts in with their Partner API password', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/v1/partners/accounts',
      payload: { email: 'partner.user@example.com', password: 'partner-pass-1', first_name: 'Pat' },
      headers: { 'api-key': CREDENTIALS.partnerKey },
    });
    assert.equal(created.statusCode, 200, created.body);
    const web = new WebClient(t);
    await web.signIn('Partner.User@example.com', 'partner-pass-1');
    const home = await web.get('/app');
    assert.match(home.body, /partner\.user@example\.com/);
    assert.equal(await web.accountId(), created.json().account_id);
  });

  it('refuses a disabled account, and ends its open sessions', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/v1/partners/accounts',
      payload: { email: 'disabled.user@example.com', password: 'partner-pass-2' },
      headers: { 'api-key': CREDENTIALS.partnerKey },
    });
    const accountId = created.json().account_id as number;
    const web = new WebClient(t);
    await web.signIn('disabled.user@example.com', 'partner-pass-2');
    const disabled = await t.app.inject({ method: 'PUT', url: `/v1/partners/accounts/${accountId}/disable`, headers: { 'api-key': CREDENTIALS.partnerKey } });
    assert.ok(disabled.statusCode < 300, disabled.body);
    assert.equal((await web.get('/app')).statusCode, 303, 'the session no longer opens pages');
    await assert.rejects(new WebClient(t).signIn('disabled.user@example.com', 'partner-pass-2'));
  });

  it('signs up on a trial, mails a verification link to the outbox and verifies it once', async () => {
    const web = new WebClient(t);
    await web.signUp('new.user@example.com', 'sign-up-password', { verify: false });
    const id = await web.accountId();
    const account = await t.ctx.database.db.selectFrom('accounts').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    assert.equal(account.plan, 'standard');
    assert.equal(account.email, 'new.user@example.com');
    assert.ok(account.trial_ends_at && Date.parse(account.trial_ends_at) - Date.parse(account.created_at) === 30 * 86_400_000);
    assert.equal(account.email_verified_at, null);
    assert.ok(await verifyPassword('sign-up-password', account.password_hash!));

    const home = await web.get('/app');
    assert.match(home.body, /Verify your email address/);
    const outbox = await web.get('/app/outbox');
    const link = /href="(\/app\/verify\?token=[^"]+)"/.exec(outbox.body)![1];
    assert.match(outbox.body, /Verify your Shipdock email address/);
    assert.match(outbox.body, /http:\/\/shipdock\.test\/app\/verify\?token=/, 'the mail names the public URL');

    const verified = await web.get(link);
    assert.equal(verified.statusCode, 303);
    assert.equal(verified.headers.location, '/app/settings/api');
    const after = await t.ctx.database.db.selectFrom('accounts').select('email_verified_at').where('id', '=', id).executeTakeFirstOrThrow();
    assert.ok(after.email_verified_at);
    assert.equal((await web.get(link)).statusCode, 400, 'a link works once');
    assert.doesNotMatch((await web.get('/app')).body, /Verify your email address/);
  });

  it('resends the verification link on request; each outbox shows only its own account\'s mail', async () => {
    const web = new WebClient(t);
    await web.signUp('resend@example.com', 'sign-up-password', { verify: false });
    const resent = await web.post('/app/verify/resend');
    assert.equal(resent.statusCode, 303);
    const outbox = await web.get('/app/outbox');
    assert.match(outbox.body, /A new verification link is on its way to resend@example\.com/);
    const links = [...outbox.body.matchAll(/href="(\/app\/verify\?token=[^"]+)"/g)].map((m) => m[1]);
    assert.equal(links.length, 2);
    assert.notEqual(links[0], links[1]);
    const other = new WebClient(t);
    await other.signIn();
    const theirs = await other.get('/app/outbox');
    assert.doesNotMatch(theirs.body, /resend@example\.com/);
    assert.equal((await web.get(links[1])).statusCode, 303, 'the older link still works');
    await web.post('/app/verify/resend');
    assert.match((await web.get('/app')).body, /already verified/);
  });

  it('refuses a second sign-up with the same email, a short password and mismatched passwords', async () => {
    const web = new WebClient(t);
    await web.get('/app/signup');
    const taken = await web.post('/app/signup', { email: 'ADMIN@example.com', password: 'long-enough-1', password_confirm: 'long-enough-1' });
    assert.equal(taken.statusCode, 409);
    const short = await web.post('/app/signup', { email: 'short@example.com', password: 'short', password_confirm: 'short' });
    assert.equal(short.statusCode, 400);
    assert.match(short.body, /at least 8 characters/);
    const differ = await web.post('/app/signup', { email: 'differ@example.com', password: 'long-enough-1', password_confirm: 'long-enough-2' });
    assert.equal(differ.statusCode, 400);
    const count = await t.ctx.database.db.selectFrom('accounts').select((eb) => eb.fn.countAll<number>().as('n')).where('email', 'in', ['short@example.com', 'differ@example.com']).executeTakeFirstOrThrow();
    assert.equal(Number(count.n), 0);
  });

  it('changes the password, signing other sessions out', async () => {
    const first = new WebClient(t);
    await first.signUp('changer@example.com', 'first-password');
    const second = new WebClient(t);
    await second.signIn('changer@example.com', 'first-password');
    const wrong = await first.post('/app/settings/password', { current_password: 'not-it-at-all', new_password: 'second-password', new_password_confirm: 'second-password' });
    assert.equal(wrong.statusCode, 303);
    assert.match((await first.get('/app/settings/password')).body, /current password is not correct/);
    const ok = await first.post('/app/settings/password', { current_password: 'first-password', new_password: 'second-password', new_password_confirm: 'second-password' });
    assert.equal(ok.statusCode, 303);
    assert.equal((await first.get('/app')).statusCode, 200);
    assert.equal((await second.get('/app')).statusCode, 303, 'the other session ended');
    await new WebClient(t).signIn('changer@example.com', 'second-password');
    await assert.rejects(new WebClient(t).signIn('changer@example.com', 'first-password'));
  });

  it('signs out: the session row is gone and the cookie no longer works', async () => {
    const web = new WebClient(t);
    await web.signIn();
    const token = web.cookies.get('shipdock_session')!;
    await web.get('/app');
    const out = await web.post('/app/logout');
    assert.equal(out.statusCode, 303);
    assert.equal(out.headers.location, '/app/login');
    const row = await t.ctx.database.db.selectFrom('web_sessions').select('id').where('token_hash', '=', hashKey(token)).executeTakeFirst();
    assert.equal(row, undefined);
    const replay = await t.app.inject({ method: 'GET', url: '/app', headers: { cookie: `shipdock_session=${token}` } });
    assert.equal(replay.statusCode, 303);
  });

  it('requires sign-in for every dashboard page and form', async () => {
    for (const url of ['/app', '/app/settings/password', '/app/outbox']) await assertRedirectsToSignIn(t, url);
    for (const url of ['/app/settings/password', '/app/verify/resend', '/app/logout']) await assertRedirectsToSignIn(t, url, 'POST');
  });

  it('sends security headers on dashboard pages only; the APIs and the root stay as they were', async () => {
    const page = await t.app.inject({ method: 'GET', url: '/app/login' });
    assert.match(String(page.headers['content-security-policy']), /default-src 'self'/);
    assert.equal(page.headers['x-frame-options'], 'SAMEORIGIN');
    assert.equal(page.headers['x-content-type-options'], 'nosniff');
    const api = await t.api('v2', 'GET', '/v2/carriers');
    assert.equal(api.statusCode, 200);
    assert.equal(api.headers['content-security-policy'], undefined);
    assert.equal(api.headers['x-frame-options'], undefined);
    const v1 = await t.v1('GET', '/carriers');
    assert.equal(v1.statusCode, 200);
    assert.equal(v1.headers['content-security-policy'], undefined);
    const root = await t.app.inject({ method: 'GET', url: '/' });
    assert.equal(root.statusCode, 404);
    assert.deepEqual(root.json(), { Message: "No HTTP resource was found that matches the request URI '/'." });
    const browser = await t.app.inject({ method: 'GET', url: '/', headers: { accept: 'text/html,application/xhtml+xml' } });
    assert.equal(browser.statusCode, 302);
    assert.equal(browser.headers.location, '/app');
    const unknown = await t.app.inject({ method: 'GET', url: '/nothing-here' });
    assert.equal(unknown.statusCode, 404);
    assert.match(unknown.body, /No HTTP resource/);
  });
});

describe('dashboard configuration', () => {
  it('marks cookies Secure when the public URL is https, and has no outbox outside sandbox', async () => {
    const t = await startWebApp({ SHIPDOCK_PUBLIC_URL: 'https://ship.example.com', SHIPDOCK_SANDBOX: 'false' });
    try {
      const web = new WebClient(t);
      const response = await web.signIn();
      assert.match(String(response.headers['set-cookie']), /shipdock_session=[^;]+;.*Secure/);
      const outbox = await web.get('/app/outbox');
      assert.equal(outbox.statusCode, 404);
      assert.doesNotMatch((await web.get('/app')).body, /Outbox/);
    } finally {
      await t.close();
    }
  });

  it('generates the default account password at first start and keeps it afterwards', async () => {
    const { startTestApp } = await import('../helpers/server.ts');
    const { ensureAdminLogin } = await import('../../src/domain/users-auth/logins.ts');
    const t = await startTestApp();
    try {
      const db = t.ctx.database.db;
      const before = await db.selectFrom('accounts').select(['email', 'password_hash']).where('id', '=', 1).executeTakeFirstOrThrow();
      assert.equal(before.email, 'admin@shipdock.local');
      assert.ok(before.password_hash);
      assert.equal(await ensureAdminLogin(db, { adminEmail: 'admin@shipdock.local', adminPassword: null }, t.ctx.clock.nowIso()), null, 'nothing new to print');
      await db.updateTable('accounts').set({ password_hash: null }).where('id', '=', 1).execute();
      const generated = await ensureAdminLogin(db, { adminEmail: 'admin@shipdock.local', adminPassword: null }, t.ctx.clock.nowIso());
      assert.ok(generated && generated.password.length >= 12);
      await new WebClient(t).signIn('admin@shipdock.local', generated.password);
    } finally {
      await t.close();
    }
  });
});
