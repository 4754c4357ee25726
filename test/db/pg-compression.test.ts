// PostgreSQL: pooled connections compress new large values with lz4 (src/db/pg-compression.ts), and
// such a value reads back whole.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'kysely';
import { startTestApp } from '../helpers/server.ts';
import { onlyOn } from '../helpers/skips.ts';

test('a pooled connection compresses a large new value with lz4; it reads back whole', { skip: onlyOn('postgres', 'TOAST compression is a PostgreSQL setting') }, async () => {
  const t = await startTestApp();
  try {
    const { db } = t.ctx.database;
    const lz4 = (await sql<{ lz4: boolean }>`select 'lz4' = any(enumvals) as lz4 from pg_settings where name = 'default_toast_compression'`.execute(db)).rows[0]?.lz4;
    assert.ok(lz4, 'this PostgreSQL has lz4 (Debian builds it in)');
    // Every connection of the pool, not only the first: ten at once take ten connections.
    const settings = await Promise.all(
      Array.from({ length: 10 }, () => db.transaction().execute(async (tx) => (await sql<{ v: string }>`select current_setting('default_toast_compression') as v, pg_sleep(0.02)`.execute(tx)).rows[0].v)),
    );
    assert.deepEqual(settings, Array(10).fill('lz4'));

    const body = JSON.stringify({ rates: Array.from({ length: 400 }, (_, i) => ({ rate_id: `se-${i}`, amount: i * 1.25, service: `service ${i % 7}` })) });
    const row = await db
      .insertInto('request_log')
      .values({ account_id: 1, at: '2026-12-08T00:00:00.000Z', surface: 'v2', method: 'POST', path: '/v2/rates', status: 200, duration_ms: 1, request_id: 'lz4', request_headers: '{}', request_body: null, response_body: body })
      .returning('id')
      .executeTakeFirstOrThrow();
    const stored = await sql<{ method: string | null; text: string }>`
      select pg_column_compression(response_body) as method, response_body as text from request_log where id = ${row.id}`.execute(db);
    assert.equal(stored.rows[0].method, 'lz4');
    assert.equal(stored.rows[0].text, body);
  } finally {
    await t.close();
  }
});
