// Opens the embedded SQLite database or PostgreSQL behind one Kysely interface and migrates it.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import type Pg from 'pg';
import { Kysely, PostgresAdapter, PostgresDialect, SqliteDialect, type Transaction } from 'kysely';
import type { DB } from './schema.ts';
import { migrateToLatest } from './migrate.ts';
import { compressNewValuesWithLz4 } from './pg-compression.ts';
import { WriteWatchPlugin } from './write-watch.ts';
import { startWalCheckpointer } from './wal-checkpoints.ts';
import { lazyPackage } from '../lazy-package.ts';

// Each engine's driver loads when that engine is opened: the other one is never needed.
const SQLite = lazyPackage<typeof BetterSqlite3>('better-sqlite3');
const pgPackage = lazyPackage<typeof Pg>('pg');

export type Engine = 'sqlite' | 'postgres';
export type Db = Kysely<DB>;
export type Tx = Transaction<DB>;
/** Anything a query can run on: the database or an open transaction. */
export type Executor = Kysely<DB>;

/** Whether a database handle or transaction runs on PostgreSQL (else the embedded SQLite). */
export const onPostgres = (ex: Executor): boolean => ex.getExecutor().adapter instanceof PostgresAdapter;

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
  /** Embedded database files only: WAL checkpoints run in a worker thread (the server; not one-shot CLI commands). */
  backgroundCheckpoints?: boolean;
}

let pgTypesSet = false;
function pgDriver(): typeof Pg {
  // COUNT(*) and BIGINT come back from pg as strings; every count we read fits a JS number.
  if (!pgTypesSet) pgPackage.types.setTypeParser(20, (value) => Number(value));
  pgTypesSet = true;
  return pgPackage;
}

function openSqlite(dataDir: string, backgroundCheckpoints: boolean): { db: Db; stop: () => Promise<void> } {
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
  const checkpointer =
    backgroundCheckpoints && file !== ':memory:'
      ? startWalCheckpointer(sqlite, file, (error) => console.error('shipdock: the WAL checkpoint thread failed; the server connection checkpoints instead', error))
      : null;
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: cachedStatements(sqlite) }), plugins: [new WriteWatchPlugin()] });
  // The checkpoint thread closes its connection first: the last one to close checkpoints and removes the WAL.
  return { db, stop: async () => checkpointer?.stop() };
}

/**
 * Kysely prepares every SQLite statement anew, and `prepare` was a tenth of the CPU on hot routes.
 * Kysely runs one query at a time on the connection, so a prepared statement can be reused by SQL
 * text; a bounded LRU keeps dynamic SQL (IN lists of every length) from growing it without end.
 */
export function cachedStatements(sqlite: BetterSqlite3.Database, size = 500) {
  const cache = new Map<string, BetterSqlite3.Statement>();
  return {
    close: () => {
      cache.clear();
      sqlite.close();
    },
    prepare(sql: string) {
      let stmt = cache.get(sql);
      if (stmt) {
        cache.delete(sql);
      } else {
        stmt = sqlite.prepare(sql);
        if (cache.size >= size) cache.delete(cache.keys().next().value!);
      }
      cache.set(sql, stmt);
      return stmt;
    },
  };
}

function openPostgres(url: string, schema: string | undefined, poolSize: number): Db {
  const pool = new (pgDriver().Pool)({
    connectionString: url,
    max: poolSize,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  compressNewValuesWithLz4(pool);
  return new Kysely<DB>({ dialect: new PostgresDialect({ pool: namedStatements(pool) }), plugins: [new WriteWatchPlugin()] });
}

/**
 * Kysely sends every query unnamed, so PostgreSQL parses and plans it each time. Parameterized
 * queries get a name from their SQL text instead: each connection prepares a statement once and then
 * only binds and executes it. Names are bounded (dynamic SQL such as IN lists of every length would
 * otherwise prepare without end); queries without parameters (migrations, several statements) stay unnamed.
 */
const MAX_NAMED = 2_000;
/** Multi-row inserts (a batch of request-log entries, a restore) differ in row count nearly every time: left unnamed. */
const MAX_NAMED_PARAMETERS = 256;
const NAMED = Symbol('named statements');
function namedStatements(pool: Pg.Pool): Pg.Pool {
  const names = new Map<string, string>();
  const nameOf = (text: string): string | undefined => {
    let name = names.get(text);
    if (!name && names.size < MAX_NAMED) names.set(text, (name = `sd${names.size}`));
    return name;
  };
  const connect = pool.connect.bind(pool) as () => Promise<Pg.PoolClient>;
  return new Proxy(pool, {
    get(target, property, receiver) {
      if (property !== 'connect') return Reflect.get(target, property, receiver);
      return async () => {
        const client = await connect();
        if ((client as unknown as Record<symbol, boolean>)[NAMED]) return client;
        (client as unknown as Record<symbol, boolean>)[NAMED] = true;
        const query = client.query.bind(client) as (...args: unknown[]) => unknown;
        // Kysely calls query(text, values) for queries and query(cursor) for streams.
        (client as unknown as { query: unknown }).query = (text: unknown, values?: unknown[], ...rest: unknown[]) => {
          const name = typeof text === 'string' && Array.isArray(values) && values.length > 0 && values.length <= MAX_NAMED_PARAMETERS ? nameOf(text) : undefined;
          return name ? query({ name, text, values }) : query(text, values, ...rest);
        };
        return client;
      };
    },
  });
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  const engine: Engine = options.databaseUrl ? 'postgres' : 'sqlite';
  if (engine === 'postgres' && options.schema) {
    const admin = new (pgDriver().Client)({ connectionString: options.databaseUrl! });
    await admin.connect();
    await admin.query(`CREATE SCHEMA IF NOT EXISTS "${options.schema}"`);
    await admin.end();
  }
  const { db, stop } =
    engine === 'postgres'
      ? { db: openPostgres(options.databaseUrl!, options.schema, options.poolSize ?? 10), stop: async () => {} }
      : openSqlite(options.dataDir, options.backgroundCheckpoints ?? false);
  await migrateToLatest(db, engine);
  return {
    engine,
    db,
    close: async () => {
      await stop();
      await db.destroy();
    },
  };
}
