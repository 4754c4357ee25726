// Queries compiled once: the same SQL and results as Kysely's, in and out of transactions, on both
// databases, with writes still announced to in-process caches.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { preparedForCount, preparedQuery } from '../../src/db/prepared.ts';
import { onTableWrite } from '../../src/db/write-watch.ts';
import { startTestApp, type TestApp } from '../helpers/server.ts';

let t: TestApp;
before(async () => {
  t = await startTestApp();
});
after(() => t.close());

test('a prepared query is built once per database and binds each call\'s values', async () => {
  let builds = 0;
  const byName = preparedQuery((ex, p: { accountId: number; name: string }) => {
    builds++;
    return ex.selectFrom('package_types').select(['id', 'name']).where('account_id', '=', p.accountId).where('name', '=', p.name);
  });
  const insertType = preparedQuery((ex, p: { accountId: number; name: string; description: string | null | undefined }) =>
    ex
      .insertInto('package_types')
      .values({ account_id: p.accountId, package_code: p.name, name: p.name, description: p.description as string | null, created_at: '2026-12-07T00:00:00.000Z' })
      .returning(['id', 'description']),
  );
  const db = t.ctx.database.db;
  const written: string[] = [];
  const stop = onTableWrite(['package_types'], (table) => written.push(table));
  try {
    const [red] = await insertType(db, { accountId: 1, name: 'prepared-red', description: 'red' });
    // Inside a transaction it runs on the transaction's connection: rolled back, it leaves nothing.
    await assert.rejects(
      db.transaction().execute(async (tx) => {
        await insertType(tx, { accountId: 1, name: 'prepared-gone', description: null });
        assert.equal((await byName(tx, { accountId: 1, name: 'prepared-gone' })).length, 1);
        throw new Error('roll back');
      }),
      /roll back/,
    );
    const [blank] = await insertType(db, { accountId: 1, name: 'prepared-blank', description: undefined });
    assert.equal(blank.description, null, 'undefined binds NULL, as Kysely leaves the column out');
    assert.deepEqual(await byName(db, { accountId: 1, name: 'prepared-red' }), [{ id: red.id, name: 'prepared-red' }]);
    assert.deepEqual(await byName(db, { accountId: 1, name: 'prepared-gone' }), []);
    assert.deepEqual(await byName(db, { accountId: 2, name: 'prepared-red' }), [], 'each call binds its own values');
    assert.equal(builds, 1);
    assert.equal(written.length, 3, 'every insert told the listeners of its table');
  } finally {
    stop();
  }
});

test('a query prepared per count binds positional values, compiled once for each count', async () => {
  const builds: number[] = [];
  const named = preparedForCount((ex, p, count) => {
    builds.push(count);
    return ex
      .selectFrom('package_types')
      .select('name')
      .where('account_id', '=', p[0] as number)
      .where('name', 'in', Array.from({ length: count }, (_, i) => p[i + 1] as string))
      .orderBy('name');
  });
  const db = t.ctx.database.db;
  const insert = preparedForCount((ex, p, count) =>
    ex.insertInto('package_types').values(
      Array.from({ length: count }, (_, r) => ({ account_id: 1, package_code: p[r] as string, name: p[r] as string, description: null, created_at: '2026-12-07T00:00:00.000Z' })),
    ),
  );
  await insert(db, 3, ['count-a', 'count-b', 'count-c']);
  await insert(db, 1, ['count-d']);
  assert.deepEqual(await named(db, 2, [1, 'count-c', 'count-a']), [{ name: 'count-a' }, { name: 'count-c' }]);
  assert.deepEqual(await named(db, 1, [1, 'count-d']), [{ name: 'count-d' }]);
  assert.deepEqual(await named(db, 2, [1, 'count-b', 'count-d']), [{ name: 'count-b' }, { name: 'count-d' }]);
  assert.deepEqual(await named(db, 2, [2, 'count-b', 'count-d']), [], 'each call binds its own account');
  assert.deepEqual(builds, [2, 1]);
});
