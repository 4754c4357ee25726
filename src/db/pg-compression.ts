// PostgreSQL compresses a value of more than ~2 KB (TOAST) with pglz unless told otherwise. Under
// load that was the backend's largest cost: the request log keeps each response (a rates response
// is ~38 KB) and a quote set is ~22 KB, and POST /v2/rates took 0.60 ms of PostgreSQL CPU per call
// with pglz against 0.39 ms with lz4, on the two cores the backend shares with the server. So each
// pooled connection compresses new values with lz4 where the server has it (PostgreSQL 14 and
// later, built with lz4; elsewhere, or where an operator set a method, the statement changes
// nothing). A session setting rather than a column one: no DDL, every table (later ones too), and
// snapshots keep their schema version.
import type Pg from 'pg';

/** Only where nobody chose a method (server, database or role settings): an operator's choice stands. */
const LZ4_FOR_NEW_VALUES = `select set_config('default_toast_compression', 'lz4', false)
  from pg_settings where name = 'default_toast_compression' and 'lz4' = any(enumvals) and source = 'default'`;

export function compressNewValuesWithLz4(pool: Pg.Pool): void {
  pool.on('connect', (client) => {
    // Queued before any query of the connection's first user. A failure leaves pglz, which works.
    client.query(LZ4_FOR_NEW_VALUES).catch(() => {});
  });
}
