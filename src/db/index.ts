// Opens the embedded SQLite database or PostgreSQL behind one Kysely interface and migrates it.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import type Pg from 'pg';
import { Kysely, PostgresDialect, SqliteDialect, type Transaction } from 'kysely';
import type { DB } from './schema.ts';
import { migrateToLatest } from './migrate.ts';
import { lazyPackage } from '../lazy-package.ts';

// Each engine's driver loads when that engine is opened: the other one is never needed.
const SQLite = lazyPackage<typeof BetterSqlite3>('better-sqlite3');
const pgPackage = lazyPackage<typeof Pg>('pg');

export type Engine = 'sqlite' | 'postgres';
export type Db = Kysely<DB>;
export type Tx = Transaction<DB>;
/** Anything a query can run on: the database or an open transaction. */
export type Executor = Kysely<DB>;

/** Row ids are `serial` (32-bit) on PostgreSQL: a larger number names no row and must not reach a query. */
export const MAX_ROW_ID = 2_147_483_647;

export interface Database {
  engine: Engine;
  db: Db;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  databaseUrl: string | null;
  dataDir: string;
  /** PostgreSQL only: isolates a test run in its own schema. */
  schema?: string;
  poolSize?: number;
}

let pgTypesSet = false;
function pgDriver(): typeof Pg {
  // COUNT(*) and BIGINT come back from pg as strings; every count we read fits a JS number.
  if (!pgTypesSet) pgPackage.types.setTypeParser(20, (value) => Number(value));
  pgTypesSet = true;
  return pgPackage;
}

function openSqlite(dataDir: string): Db {
  let file = ':memory:';
  if (dataDir !== ':memory:') {
    mkdirSync(dataDir, { recursive: true });
    file = join(dataDir, 'shipdock.sqlite');
  }
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  return new Kysely<DB>({ dialect: new SqliteDialect({ database: sqlite }) });
}

function openPostgres(url: string, schema: string | undefined, poolSize: number): Db {
  const pool = new (pgDriver().Pool)({
    connectionString: url,
    max: poolSize,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  return new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  const engine: Engine = options.databaseUrl ? 'postgres' : 'sqlite';
  if (engine === 'postgres' && options.schema) {
    const admin = new (pgDriver().Client)({ connectionString: options.databaseUrl! });
    await admin.connect();
    await admin.query(`CREATE SCHEMA IF NOT EXISTS "${options.schema}"`);
    await admin.end();
  }
  const db =
    engine === 'postgres'
      ? openPostgres(options.databaseUrl!, options.schema, options.poolSize ?? 10)
      : openSqlite(options.dataDir);
  await migrateToLatest(db, engine);
  return { engine, db, close: () => db.destroy() };
}
