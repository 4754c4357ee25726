// Moves SQLite's WAL checkpoints off the event loop. Left to the writing connection, every ~1,000
// pages one commit copied them into the database and synced it: 4-6 ms with every request waiting
// (a third of the commit time on POST /v2/labels). A worker thread checkpoints instead. The server's
// own auto-checkpoint stays as the backstop at a higher mark: a passive checkpoint that keeps racing
// fresh commits never lets the WAL restart, and the writer's own checkpoint (then with little left
// to copy) does.
import { Worker } from 'node:worker_threads';
import type BetterSqlite3 from 'better-sqlite3';

/** Pages the WAL may reach before the server's connection checkpoints itself (SQLite's default is 1,000). */
export const BACKSTOP_PAGES = 4_000;
const INTERVAL_MS = 50;

export interface WalCheckpointer {
  stop(): Promise<void>;
}

export function startWalCheckpointer(sqlite: BetterSqlite3.Database, file: string, onError: (error: unknown) => void): WalCheckpointer {
  sqlite.pragma(`wal_autocheckpoint = ${BACKSTOP_PAGES}`);
  const worker = new Worker(new URL('./wal-checkpoint-worker.mjs', import.meta.url), { workerData: { file, intervalMs: INTERVAL_MS } });
  worker.unref();
  let running = true;
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  worker.once('error', (error) => {
    // Without the thread the server checkpoints as SQLite does by default.
    if (sqlite.open) sqlite.pragma('wal_autocheckpoint = 1000');
    onError(error);
  });
  worker.once('exit', () => (running = false));
  return {
    async stop() {
      // Held open until the thread has closed its connection (it is unref'd while it runs).
      worker.ref();
      if (running) worker.postMessage('stop');
      await exited;
    },
  };
}
