// Hot queries of a fixed shape, built and compiled once per database, then only bound. Kysely
// builds and compiles every query anew: ~10-30 us each, a sixth of the CPU of a label purchase and
// of a GET by id. (kysely-params does this for Kysely 0.24 and is not kept up with 0.28.)
import { createQueryId, type Compilable, type RootOperationNode } from 'kysely';
import type { Executor } from './index.ts';
import { announceWrites, tablesWritten } from './write-watch.ts';

/** Stands for a named parameter while the query is compiled. */
class Parameter {
  constructor(readonly name: string) {}
}

interface Compiled {
  sql: string;
  query: RootOperationNode;
  /** Per SQL parameter: the name of a bound value, or a constant written into the query. */
  slots: ({ name: string } | { value: unknown })[];
  writes: string[];
}

/**
 * `build` gets stand-ins for the parameters (typed as the values they stand for) and must give the
 * same SQL for every call: no branches on values, no optional columns. Parameters are named by
 * property, or by position when `Params` is an array (see preparedForCount). Values go in as bound
 * parameters, exactly as they would through Kysely; `build` runs once per database dialect.
 */
export function preparedQuery<Params extends object, Row>(
  build: (ex: Executor, params: Params) => Compilable<Row>,
): (ex: Executor, params: Params) => Promise<Row[]> {
  // Per adapter: the embedded database and PostgreSQL differ in placeholders and quoting.
  const byAdapter = new WeakMap<object, Compiled>();
  const compile = (ex: Executor): Compiled => {
    const standIns = new Proxy({} as Params, { get: (_, name) => new Parameter(String(name)) });
    // Without plugins: the one there is (WriteWatchPlugin) is applied on every run instead, below.
    const { sql, query, parameters } = build(ex.withoutPlugins(), standIns).compile();
    const slots = parameters.map((value) => (value instanceof Parameter ? { name: value.name } : { value }));
    return { sql, query, slots, writes: tablesWritten(query) };
  };
  return async (ex, params) => {
    const adapter = ex.getExecutor().adapter;
    let compiled = byAdapter.get(adapter);
    if (!compiled) byAdapter.set(adapter, (compiled = compile(ex)));
    // An undefined value binds NULL: what Kysely's insert does by leaving the (nullable) column out.
    const parameters = compiled.slots.map((slot) => ('name' in slot ? ((params as Record<string, unknown>)[slot.name] ?? null) : slot.value));
    announceWrites(compiled.writes);
    const result = await ex.executeQuery<Row>({ sql: compiled.sql, query: compiled.query, parameters, queryId: createQueryId() });
    return result.rows;
  };
}

/**
 * A prepared query whose SQL depends on a count (an IN list's length, a multi-row insert's rows):
 * compiled once per count, with positional parameters. Counts come from code (a fixed list of
 * events, a flush of at most 100 rows), never from a request, so the compiled set stays small.
 */
export function preparedForCount<Row>(
  build: (ex: Executor, params: unknown[], count: number) => Compilable<Row>,
): (ex: Executor, count: number, params: unknown[]) => Promise<Row[]> {
  const byCount = new Map<number, (ex: Executor, params: unknown[]) => Promise<Row[]>>();
  return (ex, count, params) => {
    let query = byCount.get(count);
    if (!query) byCount.set(count, (query = preparedQuery((e, p: unknown[]) => build(e, p, count))));
    return query(ex, params);
  };
}

/** Every column of a row type, named once: a column added to the type and left out here fails to compile. */
export const everyColumn = <Row>(columns: Record<keyof Row & string, true>) => Object.keys(columns) as (keyof Row & string)[];

/** An insert's row from the stand-ins: each column bound to the parameter of its name. */
export function columnsOf<Row extends Record<string, unknown>>(params: Row, columns: readonly (keyof Row & string)[]): Row {
  return Object.fromEntries(columns.map((column) => [column, params[column]])) as Row;
}
