// Snapshot and restore of one account's data: a round trip restores every row (ids included),
// other accounts are untouched, restored ids never collide with rows made since, and the routes
// answer in ShipEngine's error format.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { CREDENTIALS, startTestApp, usingPostgres, type TestApp } from '../helpers/server.ts';
import { otherAccountKey } from '../insurance/accounts.ts';
import { ACCOUNT_TABLES, foreignKeyParents, NOT_IN_SNAPSHOTS } from '../../src/domain/sandbox/account-tables.ts';
import { buyLabel, fillAccount, fullDump, rowCount, sandbox, type Headers } from './helpers.ts';

const seNumber = (id: string) => Number(id.replace('se-', ''));

describe('sandbox snapshots', () => {
  let t: TestApp;
  let other: Headers;
  let otherId: number;
  before(async () => {
    t = await startTestApp();
    other = await otherAccountKey(t);
    const me = await t.ctx.database.db.selectFrom('api_keys').select('account_id').where('key_hint', 'like', `%${other['api-key']!.slice(-4)}`).executeTakeFirst();
    otherId = me!.account_id!;
    assert.notEqual(otherId, 1);
  });
  after(() => t.close());

  it('every table with account rows is either snapshotted or deliberately left out', async () => {
    const db = t.ctx.database.db;
    const tables = usingPostgres()
      ? (await sql<{ t: string }>`SELECT table_name AS t FROM information_schema.columns WHERE column_name = 'account_id' AND table_schema = current_schema()`.execute(db)).rows.map((r) => r.t)
      : (await sql<{ t: string }>`SELECT m.name AS t FROM sqlite_master m, pragma_table_info(m.name) p WHERE m.type = 'table' AND p.name = 'account_id'`.execute(db)).rows.map((r) => r.t);
    const listed = new Set<string>([...ACCOUNT_TABLES.map((a) => a.table), ...Object.keys(NOT_IN_SNAPSHOTS)]);
    assert.deepEqual(tables.filter((name) => !listed.has(name)).sort(), [], 'add new account tables to src/domain/sandbox/account-tables.ts');
    for (const a of ACCOUNT_TABLES) if (a.via) assert.ok(!tables.includes(a.table), `${a.table} has its own account_id`);
  });

  it('the table list puts every parent before its children', async () => {
    const parents = await foreignKeyParents(t.ctx.database.db);
    const position = new Map(ACCOUNT_TABLES.map((a, i) => [a.table as string, i]));
    assert.ok((parents.get('labels')?.size ?? 0) > 0, 'foreign keys are read');
    for (const [i, a] of ACCOUNT_TABLES.entries()) {
      for (const parent of parents.get(a.table) ?? []) {
        if (position.has(parent)) assert.ok(position.get(parent)! < i, `${parent} before ${a.table}`);
        else assert.ok(parent === 'accounts', `${a.table} references ${parent}, which no snapshot holds`);
      }
      if (a.via) assert.ok(position.get(a.via.parent)! < i);
    }
  });

  it('every restored id comes from a counter that never hands an id out twice', async () => {
    const db = t.ctx.database.db;
    for (const { table } of ACCOUNT_TABLES) {
      if (usingPostgres()) {
        const col = (await sql<{ d: string | null }>`SELECT column_default AS d FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = ${table} AND column_name = 'id'`.execute(db)).rows[0];
        if (col) assert.match(String(col.d), /^nextval\(/, `${table}.id is a sequence`);
      } else {
        const ddl = (await sql<{ s: string }>`SELECT sql AS s FROM sqlite_master WHERE type = 'table' AND name = ${table}`.execute(db)).rows[0]!.s;
        // INTEGER PRIMARY KEY without AUTOINCREMENT would reuse the largest id once its row is deleted.
        if (/"id" integer primary key/i.test(ddl)) assert.match(ddl, /"id" integer primary key autoincrement/i, `${table}.id is AUTOINCREMENT`);
      }
    }
  });

  it('a round trip restores every row of the account, ids included, and leaves the other account as it was', async () => {
    const labels = await fillAccount(t);
    await fillAccount(t, other, 'other');
    assert.equal((await sandbox(t, 'POST', '/sandbox/clock/advance', { duration: 'P2D' })).statusCode, 200);
    const saved = await fullDump(t, 1);

    const created = await sandbox(t, 'POST', '/sandbox/snapshots', { name: 'baseline' });
    assert.equal(created.statusCode, 201, created.body);
    assert.equal(created.json().name, 'baseline');
    assert.equal(created.json().row_count, rowCount(saved as never) - 3, 'every account row (not the account, keys and users)');
    assert.ok(created.json().byte_size > 1000);

    // Change everything: more labels, a voided one, a deleted webhook, a later clock, a reset.
    const extra = await buyLabel(t);
    assert.equal((await t.api('v2', 'PUT', `/v2/labels/${extra.label_id}/void`)).json().approved, true);
    assert.equal((await sandbox(t, 'POST', '/sandbox/clock/advance', { duration: 'P5D' })).statusCode, 200);
    assert.equal((await sandbox(t, 'POST', '/sandbox/reset')).statusCode, 200);
    await buyLabel(t);
    // The other account keeps working meanwhile; its rows must survive the restore as they are.
    await buyLabel(t, other);
    const otherBefore = await fullDump(t, otherId);

    const started = performance.now();
    const restored = await sandbox(t, 'POST', '/sandbox/snapshots/baseline/restore');
    assert.equal(restored.statusCode, 200, restored.body);
    assert.equal(restored.json().row_count, created.json().row_count);
    assert.equal(restored.json().tables.labels, 2);
    console.log(`# restore of ${restored.json().row_count} rows through the API: ${Math.round(performance.now() - started)} ms`);

    assert.deepEqual(await fullDump(t, 1), saved);
    assert.deepEqual(await fullDump(t, otherId), otherBefore);

    // The restored account works: its labels read, track and download; the clock is the snapshot's.
    const label = await t.api('v2', 'GET', `/v2/labels/${labels[0]!.label_id}`);
    assert.equal(label.json().status, 'completed');
    assert.equal(label.json().voided, false);
    const pdf = await t.app.inject({ method: 'GET', url: labels[0]!.label_download.href.replace('http://shipdock.test', '') });
    assert.equal(pdf.statusCode, 200);
    assert.equal(pdf.rawPayload.subarray(0, 4).toString(), '%PDF');
    const hooks = (await t.api('v2', 'GET', '/v2/environment/webhooks')).json() as { url: string }[];
    assert.deepEqual(hooks.map((h) => h.url), ['https://hooks.example.com/snap']);
    const clock = (await sandbox(t, 'GET', '/sandbox/clock')).json();
    assert.ok(clock.offset_ms > 2 * 86_400_000 - 60_000 && clock.offset_ms < 3 * 86_400_000, `clock back to +2 days: ${clock.offset_ms}`);

    // Restoring twice gives the same rows again.
    assert.equal((await sandbox(t, 'POST', '/sandbox/snapshots/baseline/restore')).statusCode, 200);
    assert.deepEqual(await fullDump(t, 1), saved);
  });

  it('a restored id never collides with a row another account made after the snapshot', async () => {
    const db = t.ctx.database.db;
    const mine = [await buyLabel(t), await buyLabel(t)];
    assert.equal((await sandbox(t, 'POST', '/sandbox/snapshots', { name: 'collide' })).statusCode, 201);
    // The snapshot's labels and shipments hold the largest ids; delete them, then let the other
    // account create rows: without a never-reusing counter they would take those very ids.
    assert.equal((await sandbox(t, 'POST', '/sandbox/reset')).statusCode, 200);
    const theirs = [await buyLabel(t, other), await buyLabel(t, other)];
    for (const table of ['labels', 'shipments'] as const) {
      const max = await db.selectFrom(table).select((eb) => eb.fn.max('id').as('m')).executeTakeFirstOrThrow();
      assert.equal(Number(max.m), seNumber(table === 'labels' ? theirs[1]!.label_id : theirs[1]!.shipment_id));
    }
    for (const [m, o] of mine.flatMap((l) => theirs.map((r) => [l, r] as const))) {
      assert.notEqual(m.label_id, o.label_id);
      assert.notEqual(m.shipment_id, o.shipment_id);
    }
    const otherBefore = await fullDump(t, otherId);

    const restored = await sandbox(t, 'POST', '/sandbox/snapshots/collide/restore');
    assert.equal(restored.statusCode, 200, restored.body);
    assert.deepEqual(await fullDump(t, otherId), otherBefore);
    for (const l of mine) assert.equal((await t.api('v2', 'GET', `/v2/labels/${l.label_id}`)).statusCode, 200);
    for (const l of theirs) {
      assert.equal((await t.api('v2', 'GET', `/v2/labels/${l.label_id}`)).statusCode, 404, "another account's label stays invisible");
      assert.equal((await t.api('v2', 'GET', `/v2/labels/${l.label_id}`, undefined, other)).statusCode, 200);
    }
    // New rows after the restore, on both accounts, take fresh ids.
    const next = [await buyLabel(t), await buyLabel(t, other)];
    const all = [...mine, ...theirs].map((l) => seNumber(l.label_id));
    for (const l of next) assert.ok(seNumber(l.label_id) > Math.max(...all));
  });

  it('restores rows whose unique values moved to other rows since (a re-created webhook, swapped tag names)', async () => {
    const db = t.ctx.database.db;
    for (const name of ['swap-a', 'swap-b']) assert.ok([200, 201].includes((await t.api('v2', 'POST', `/v2/tags/${name}`)).statusCode));
    const hooks = (await t.api('v2', 'GET', '/v2/environment/webhooks')).json() as { webhook_id: string; event: string }[];
    if (!hooks.some((h) => h.event === 'track')) {
      const res = await t.app.inject({ method: 'POST', url: '/v2/environment/webhooks', payload: { event: 'track', url: 'https://hooks.example.com/moved' }, headers: { 'api-key': CREDENTIALS.apiKey } });
      assert.ok([200, 201].includes(res.statusCode), res.body);
    }
    assert.equal((await sandbox(t, 'POST', '/sandbox/snapshots', { name: 'moved' })).statusCode, 201);
    const saved = await fullDump(t, 1);

    // The same event subscribed again (a new row holding the unique event), and two tags trading names.
    const track = ((await t.api('v2', 'GET', '/v2/environment/webhooks')).json() as { webhook_id: string; event: string }[]).find((h) => h.event === 'track')!;
    assert.equal((await t.api('v2', 'DELETE', `/v2/environment/webhooks/${track.webhook_id}`)).statusCode, 204);
    const again = await t.app.inject({ method: 'POST', url: '/v2/environment/webhooks', payload: { event: 'track', url: 'https://hooks.example.com/again' }, headers: { 'api-key': CREDENTIALS.apiKey } });
    assert.ok([200, 201].includes(again.statusCode), again.body);
    const tag = (name: string) => db.selectFrom('tags').select('id').where('account_id', '=', 1).where('name', '=', name).executeTakeFirstOrThrow();
    const [a, b] = [(await tag('swap-a')).id, (await tag('swap-b')).id];
    await db.updateTable('tags').set({ name: 'swap-tmp' }).where('id', '=', a).execute();
    await db.updateTable('tags').set({ name: 'swap-a' }).where('id', '=', b).execute();
    await db.updateTable('tags').set({ name: 'swap-b' }).where('id', '=', a).execute();
    assert.notDeepEqual(await fullDump(t, 1), saved);

    const restored = await sandbox(t, 'POST', '/sandbox/snapshots/moved/restore');
    assert.equal(restored.statusCode, 200, restored.body);
    assert.deepEqual(await fullDump(t, 1), saved);
  });

  it("cancels the account's pending jobs (deliveries of the discarded state) but no other account's", async () => {
    assert.equal((await sandbox(t, 'POST', '/sandbox/snapshots', { name: 'jobs' })).statusCode, 201);
    for (const headers of [{ 'api-key': CREDENTIALS.apiKey }, other]) {
      const res = await sandbox(t, 'POST', '/sandbox/webhooks/trigger', { event: 'track' }, headers);
      assert.equal(res.statusCode, 200, res.body);
    }
    const pending = (account: number) =>
      t.ctx.database.db.selectFrom('jobs').select(['status', 'last_error']).where('account_id', '=', account).where('kind', '=', 'webhook_delivery').orderBy('id', 'desc').executeTakeFirstOrThrow();
    assert.equal((await pending(1)).status, 'pending');
    assert.equal((await sandbox(t, 'POST', '/sandbox/snapshots/jobs/restore')).statusCode, 200);
    assert.deepEqual(await pending(1), { status: 'cancelled', last_error: 'sandbox snapshot jobs restored' });
    assert.equal((await pending(otherId)).status, 'pending');
  });

  it('lists, replaces and deletes snapshots, per account', async () => {
    assert.equal((await sandbox(t, 'POST', '/sandbox/snapshots', { name: 'mine.v1' })).statusCode, 201);
    assert.equal((await sandbox(t, 'POST', '/sandbox/snapshots', { name: 'mine.v1' })).statusCode, 201, 'same name replaces');
    const listed = (await sandbox(t, 'GET', '/sandbox/snapshots')).json().snapshots as { name: string }[];
    assert.equal(listed.filter((s) => s.name === 'mine.v1').length, 1);
    assert.deepEqual((await sandbox(t, 'GET', '/sandbox/snapshots', undefined, other)).json().snapshots, []);
    // Another account cannot see, restore or delete it.
    assert.equal((await sandbox(t, 'POST', '/sandbox/snapshots/mine.v1/restore', undefined, other)).statusCode, 404);
    assert.equal((await sandbox(t, 'DELETE', '/sandbox/snapshots/mine.v1', undefined, other)).statusCode, 404);
    const deleted = await sandbox(t, 'DELETE', '/sandbox/snapshots/mine.v1');
    assert.equal(deleted.statusCode, 204);
    assert.equal(deleted.body, '');
    assert.ok(!((await sandbox(t, 'GET', '/sandbox/snapshots')).json().snapshots as { name: string }[]).some((s) => s.name === 'mine.v1'));
  });

  it('refuses bad input in ShipEngine error format', async () => {
    const cases: [string, string, unknown, number, string][] = [
      ['POST', '/sandbox/snapshots', { name: '' }, 400, 'invalid_field_value'],
      ['POST', '/sandbox/snapshots', { name: '../etc' }, 400, 'invalid_field_value'],
      ['POST', '/sandbox/snapshots', { name: 'x'.repeat(65) }, 400, 'invalid_field_value'],
      ['POST', '/sandbox/snapshots', {}, 400, 'field_value_required'],
      ['POST', '/sandbox/snapshots/nope/restore', undefined, 404, 'invalid_identifier'],
      ['DELETE', '/sandbox/snapshots/nope', undefined, 404, 'invalid_identifier'],
      ['POST', '/sandbox/snapshots/bad%20name/restore', undefined, 400, 'invalid_field_value'],
    ];
    for (const [method, url, body, status, code] of cases) {
      const res = await sandbox(t, method, url, body);
      assert.equal(res.statusCode, status, `${method} ${url} ${JSON.stringify(body)}: ${res.body}`);
      assert.equal(res.json().errors[0].error_code, code, res.body);
      assert.ok(!/at .*\.ts|SELECT|INSERT/i.test(res.body), 'no stack or SQL');
    }
    const anonymous = await sandbox(t, 'GET', '/sandbox/snapshots', undefined, {});
    assert.equal(anonymous.statusCode, 401);
    assert.equal((await sandbox(t, 'POST', '/sandbox/snapshots', { name: 'x' }, { 'api-key': 'TEST_wrong_key_000000000' })).statusCode, 401);
  });

  it('a snapshot saved by another database schema is refused, not half-restored', async () => {
    assert.equal((await sandbox(t, 'POST', '/sandbox/snapshots', { name: 'old' })).statusCode, 201);
    await t.ctx.database.db.updateTable('sandbox_snapshots').set({ schema_version: '0001_foundation' }).where('name', '=', 'old').execute();
    const before = await fullDump(t, 1);
    const res = await sandbox(t, 'POST', '/sandbox/snapshots/old/restore');
    assert.equal(res.statusCode, 400);
    assert.match(res.json().errors[0].message, /older database schema/);
    assert.deepEqual(await fullDump(t, 1), before);
  });
});

describe('sandbox snapshots outside sandbox mode', () => {
  it('do not exist', async () => {
    const t = await startTestApp({ SHIPDOCK_SANDBOX: 'false' });
    try {
      const res = await t.app.inject({ method: 'POST', url: '/sandbox/snapshots', payload: { name: 'x' }, headers: { 'api-key': CREDENTIALS.apiKey } });
      assert.equal(res.statusCode, 404);
    } finally {
      await t.close();
    }
  });
});
