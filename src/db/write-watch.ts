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

/** Every table a write names (target, joins, sub-queries): over-telling only costs a cache refill. */
function tablesIn(node: unknown, found: Set<string>) {
  if (!node || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    for (const child of node) tablesIn(child, found);
    return;
  }
  const n = node as { kind?: string; table?: { identifier?: { name?: string } } };
  if (n.kind === 'TableNode' && n.table?.identifier?.name) found.add(n.table.identifier.name);
  for (const value of Object.values(node)) if (value && typeof value === 'object') tablesIn(value, found);
}

export class WriteWatchPlugin implements KyselyPlugin {
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    if (listeners.size > 0 && WRITES.has(args.node.kind)) {
      const found = new Set<string>();
      tablesIn(args.node as OperationNode, found);
      for (const table of found) for (const listener of listeners.get(table) ?? []) listener(table);
    }
    return args.node;
  }

  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return args.result;
  }
}
