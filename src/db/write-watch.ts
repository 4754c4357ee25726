// Tells in-process caches that a table was written (INSERT, UPDATE, DELETE through Kysely), so a
// cache of rows from it can drop them at once instead of waiting for its TTL.
import type { KyselyPlugin, OperationNode, PluginTransformQueryArgs, PluginTransformResultArgs, QueryResult, RootOperationNode, UnknownRow } from 'kysely';

type Listener = (table: string) => void;
const listeners = new Map<string, Set<Listener>>();

/** Calls `listener` whenever one of `tables` is written in this process. Returns the unsubscribe. */
export function onTableWrite(tables: readonly string[], listener: Listener): () => void {
  for (const table of tables) {
    if (!listeners.has(table)) listeners.set(table, new Set());
    listeners.get(table)!.add(listener);
  }
  return () => tables.forEach((table) => listeners.get(table)?.delete(listener));
}

const WRITES = new Set(['InsertQueryNode', 'UpdateQueryNode', 'DeleteQueryNode', 'MergeQueryNode']);

type Named = { kind?: string; table?: { identifier?: { name?: string } }; node?: Named };

/** The tables a write changes: the target of INSERT INTO, UPDATE (maybe aliased), DELETE FROM, MERGE INTO; none for a read. */
export function tablesWritten(root: OperationNode): string[] {
  if (!WRITES.has(root.kind)) return [];
  const found = new Set<string>();
  const q = root as unknown as { into?: Named; table?: Named; from?: { froms?: Named[] } };
  const targets = [q.into, q.table, ...(root.kind === 'DeleteQueryNode' ? (q.from?.froms ?? []) : [])];
  for (let target of targets) {
    if (target?.kind === 'AliasNode') target = target.node;
    if (target?.kind === 'TableNode' && target.table?.identifier?.name) found.add(target.table.identifier.name);
  }
  return [...found];
}

/** Tells the listeners of these tables that they were written (a query compiled once runs without the plugin). */
export function announceWrites(tables: readonly string[]): void {
  if (listeners.size === 0) return;
  for (const table of tables) for (const listener of listeners.get(table) ?? []) listener(table);
}

export class WriteWatchPlugin implements KyselyPlugin {
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    if (listeners.size > 0) announceWrites(tablesWritten(args.node));
    return args.node;
  }

  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return args.result;
  }
}
