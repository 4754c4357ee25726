// The checkpointer's thread: its own connection to the database file, copying committed WAL pages
// back into the database (PASSIVE: it never waits for or blocks the server's connection). Plain
// JavaScript, so the same file runs under tsx and compiled (a Node 20 thread lacks tsx's loader).
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';

const { file, intervalMs } = workerData;
const db = new Database(file, { fileMustExist: true });
db.pragma('synchronous = NORMAL');

const timer = setInterval(() => db.pragma('wal_checkpoint(PASSIVE)'), intervalMs);

parentPort.on('message', (message) => {
  if (message !== 'stop') return;
  clearInterval(timer);
  db.close();
  parentPort.close();
});
