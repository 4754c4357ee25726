// Case-insensitive text filters that behave the same on SQLite and PostgreSQL (whose LIKE differs
// in case sensitivity): both sides are lower-cased and LIKE wildcards in the user's text escaped.
import { sql, type RawBuilder, type SqlBool } from 'kysely';

const escapeLike = (text: string) => text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`);

export function containsText(column: string, text: string): RawBuilder<SqlBool> {
  return sql<SqlBool>`lower(${sql.ref(column)}) like ${`%${escapeLike(text)}%`} escape '\\'`;
}

export function equalsText(column: string, text: string): RawBuilder<SqlBool> {
  return sql<SqlBool>`lower(${sql.ref(column)}) = ${text.toLowerCase()}`;
}
