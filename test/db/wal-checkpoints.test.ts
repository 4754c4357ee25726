// The embedded database's WAL checkpoints run in a worker thread; the server's connection only
// checkpoints as a backstop, and closing leaves a complete database file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { openDatabase } from '../../src/db/index.ts';
import { BACKSTOP_PAGES } from '../../src/db/wal-checkpoints.ts';
import { onlyOn } from '../helpers/skips.ts';

const skip = onlyOn('sqlite', 'checkpoints belong to the embedded database');

async function until(condition: () => boolean, ms = 5_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

test('a worker thread copies committed pages into the database file before the backstop is reached', { skip }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'shipdock-wal-'));
  const file = join(dir, 'shipdock.sqlite');
  try {
    const database = await openDatabase({ databaseUrl: null, dataDir: dir, backgroundCheckpoints: true });
    const { rows } = await sql<{ wal_autocheckpoint: number }>`pragma wal_autocheckpoint`.execute(database.db);
    assert.equal(rows[0].wal_autocheckpoint, BACKSTOP_PAGES);
    await sql`create table filler (id integer primary key, body text not null)`.execute(database.db);
    const before = statSync(file).size;
    // ~2 MB: about 500 pages, well under the backstop, so only the thread can have moved them.
    for (let i = 0; i < 50; i++) {
      await sql`insert into filler (body) values (${'x'.repeat(40_000)})`.execute(database.db);
    }
    await until(() => statSync(file).size > before + 1_900_000);
    await database.close();
    assert.equal(existsSync(`${file}-wal`), false, 'the last connection to close checkpoints and removes the WAL');

    const reopened = await openDatabase({ databaseUrl: null, dataDir: dir });
    const count = await sql<{ n: number }>`select count(*) as n from filler`.execute(reopened.db);
    assert.equal(count.rows[0].n, 50);
    await reopened.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('without the thread (one-shot CLI commands) the connection keeps SQLite\'s own checkpoints', { skip }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'shipdock-wal-'));
  try {
    const database = await openDatabase({ databaseUrl: null, dataDir: dir });
    const { rows } = await sql<{ wal_autocheckpoint: number }>`pragma wal_autocheckpoint`.execute(database.db);
    assert.equal(rows[0].wal_autocheckpoint, 1000);
    await database.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
