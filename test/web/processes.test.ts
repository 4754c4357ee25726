import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ADMIN, WebClient } from './client.ts';
import { startTestApp } from '../helpers/server.ts';

describe('dashboard sessions across server processes', () => {
  it('a session started on one server works on another sharing the database, and sign-out ends it on both', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'shipdock-web-'));
    const env = { SHIPDOCK_ADMIN_EMAIL: ADMIN.email, SHIPDOCK_ADMIN_PASSWORD: ADMIN.password };
    const first = await startTestApp(env, { dataDir: dir });
    const second = await startTestApp(env, { dataDir: dir, schema: first.schema });
    try {
      const web = new WebClient(first);
      await web.signIn();
      const cookie = `shipdock_session=${web.cookies.get('shipdock_session')}`;
      const elsewhere = await second.app.inject({ method: 'GET', url: '/app', headers: { cookie } });
      assert.equal(elsewhere.statusCode, 200);
      assert.match(elsewhere.body, /admin@example\.com/);
      await web.post('/app/logout');
      const after = await second.app.inject({ method: 'GET', url: '/app', headers: { cookie } });
      assert.equal(after.statusCode, 303);
    } finally {
      await second.close();
      await first.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
