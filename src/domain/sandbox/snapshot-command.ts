// The `shipdock sandbox snapshot ...` commands as plain functions returning the lines to print, so
// any CLI front end stays a one-line glue.
import type { Db } from '../../db/index.ts';
import { readAccountClock } from './clock.ts';
import { DomainError } from '../errors.ts';
import { deleteSnapshot, listSnapshots, restoreSnapshot, saveSnapshot } from './snapshots.ts';

export const SNAPSHOT_ACTIONS = ['save', 'restore', 'list', 'delete'] as const;

const size = (bytes: number) => (bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`);

/** Runs `action` (save, restore, list, delete) for the account; the account's clock dates a saved snapshot. */
export async function runSnapshotCommand(db: Db, accountId: number, action: string, name: string | undefined): Promise<string[]> {
  if (action === 'list') {
    const snapshots = await listSnapshots(db, accountId);
    if (snapshots.length === 0) return [`account ${accountId} has no snapshots`];
    return snapshots.map((s) => `${s.name}\t${s.createdAt}\t${s.rowCount} rows\t${size(s.byteSize)}`);
  }
  if (!(SNAPSHOT_ACTIONS as readonly string[]).includes(action)) throw new DomainError('validation', `snapshot action must be one of ${SNAPSHOT_ACTIONS.join(', ')}, not ${action}`);
  if (!name) throw new DomainError('validation', `shipdock sandbox snapshot ${action} needs a snapshot NAME`);
  return db.transaction().execute(async (tx) => {
    const now = (await readAccountClock(tx, accountId, new Date())).now;
    if (action === 'save') {
      const saved = await saveSnapshot(tx, accountId, name, now);
      return [`account ${accountId}: snapshot ${saved.name} saved (${saved.rowCount} rows, ${size(saved.byteSize)})`];
    }
    if (action === 'restore') {
      const started = performance.now();
      const restored = await restoreSnapshot(tx, accountId, name, now);
      return [`account ${accountId}: snapshot ${restored.name} restored (${restored.rowCount} rows in ${Math.round(performance.now() - started)} ms)`];
    }
    await deleteSnapshot(tx, accountId, name);
    return [`account ${accountId}: snapshot ${name} deleted`];
  });
}
