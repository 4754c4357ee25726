import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestApp } from '../helpers/server.ts';
import { onlyOn } from '../helpers/skips.ts';

test('data written on the embedded database survives a restart', { skip: onlyOn('sqlite', 'PostgreSQL keeps its data outside the process') }, async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'shipdock-restart-'));
  try {
    const first = await startTestApp({}, { dataDir });
    const created = await first.api('v2', 'POST', '/v2/tags/Persistent');
    assert.equal(created.statusCode, 200);
    await first.close();

    const second = await startTestApp({}, { dataDir });
    const tags = (await second.api('v2', 'GET', '/v2/tags')).json().tags;
    assert.deepEqual(tags.map((t: { name: string }) => t.name), ['Persistent']);
    // The configured keys still work and no second default account appeared.
    const accounts = await second.ctx.database.db.selectFrom('accounts').select('id').execute();
    assert.equal(accounts.length, 1);
    await second.close();
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});
