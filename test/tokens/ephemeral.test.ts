import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { startTestApp, type TestApp } from '../helpers/server.ts';
import { SURFACES, otherAccountKey } from '../insurance/accounts.ts';

describe('ephemeral tokens', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
  });
  after(() => t.close());

  const bearer = (token: string) => ({ 'api-key': '', authorization: `Bearer ${token}` });

  for (const { surface, prefix } of SURFACES) {
    test(`${surface}: a token authenticates as the account for 10 seconds, then 401`, async () => {
      const res = await t.api(surface, 'POST', `${prefix}/tokens/ephemeral`);
      assert.equal(res.statusCode, 200, res.body);
      const { token, redirect_url } = res.json();
      assert.match(token, /^eph_[A-Za-z0-9_-]{40,}$/);
      assert.equal(redirect_url, undefined);
      // Only the digest is stored.
      const rows = await t.ctx.database.db.selectFrom('ephemeral_tokens').select(['token_hash', 'created_at', 'expires_at']).execute();
      assert.ok(rows.length > 0 && rows.every((r) => r.token_hash !== token && /^[0-9a-f]{64}$/.test(r.token_hash)));
      const last = rows.find((r) => r.token_hash === createHash('sha256').update(token).digest('hex'))!;
      assert.ok(last, 'the digest of the token is stored');
      assert.equal(new Date(last.expires_at).getTime() - new Date(last.created_at).getTime(), 10_000);

      const mine = await t.api(surface, 'GET', `${prefix}/warehouses`);
      const withToken = await t.api(surface, 'GET', `${prefix}/warehouses`, undefined, bearer(token));
      assert.equal(withToken.statusCode, 200, withToken.body);
      assert.deepEqual(withToken.json(), mine.json());

      // Pinned just before and just after the stored expiry, whatever wall time has passed.
      const expiresAt = new Date(last.expires_at).getTime();
      try {
        t.ctx.clock.set(new Date(expiresAt - 1_000));
        assert.equal((await t.api(surface, 'GET', `${prefix}/warehouses`, undefined, bearer(token))).statusCode, 200);
        t.ctx.clock.set(new Date(expiresAt));
        const expired = await t.api(surface, 'GET', `${prefix}/warehouses`, undefined, bearer(token));
        assert.equal(expired.statusCode, 401, expired.body);
        assert.equal(expired.json().errors[0].error_type, 'security');
        assert.match(expired.json().errors[0].message, /expired/);
      } finally {
        t.ctx.clock.set(new Date());
      }
    });

    test(`${surface}: redirect=shipengine-dashboard adds the application URL with the token; bad redirect is 400`, async () => {
      const res = await t.api(surface, 'POST', `${prefix}/tokens/ephemeral?redirect=shipengine-dashboard`);
      assert.equal(res.statusCode, 200, res.body);
      const { token, redirect_url } = res.json();
      assert.equal(new URL(redirect_url).searchParams.get('token'), token);
      assert.equal((await t.api(surface, 'POST', `${prefix}/tokens/ephemeral?redirect=elsewhere`)).statusCode, 400);
    });

    test(`${surface}: an unknown token is 401; a token cannot mint tokens nor reach another account's data`, async () => {
      const { token: mine } = (await t.api(surface, 'POST', `${prefix}/tokens/ephemeral`)).json();
      const chained = await t.api(surface, 'POST', `${prefix}/tokens/ephemeral`, undefined, bearer(mine));
      assert.equal(chained.statusCode, 403, 'a token cannot renew itself');
      const unknown = await t.api(surface, 'GET', `${prefix}/warehouses`, undefined, bearer('eph_not-a-real-token'));
      assert.equal(unknown.statusCode, 401);
      const other = await otherAccountKey(t);
      const { token } = (await t.api(surface, 'POST', `${prefix}/tokens/ephemeral`, undefined, other)).json();
      const { carriers } = (await t.api(surface, 'GET', `${prefix}/carriers`)).json();
      const res = await t.api(surface, 'GET', `${prefix}/carriers/${carriers[0].carrier_id}`, undefined, bearer(token));
      assert.equal(res.statusCode, 404);
      const own = (await t.api(surface, 'GET', `${prefix}/carriers`, undefined, bearer(token))).json().carriers;
      assert.ok(own.length > 0 && !own.some((c: { carrier_id: string }) => c.carrier_id === carriers[0].carrier_id));
    });
  }
});
