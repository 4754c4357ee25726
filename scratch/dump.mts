import { openDatabase } from '/work/wt/sandbox/src/db/index.ts';
import { sql } from 'kysely';
const d = await openDatabase({ databaseUrl: null, dataDir: ':memory:' });
const rows = (await sql<{ name: string; sql: string }>`select name, sql from sqlite_master where type='table' order by name`.execute(d.db)).rows;
for (const r of rows) console.log(r.sql.replace(/\s+/g, ' '));
await d.close();
