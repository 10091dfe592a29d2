import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type SQLite from 'better-sqlite3';

/**
 * Moves SQLite's WAL checkpoints off the request path. By default the commit that grows the WAL
 * past 1,000 pages copies them into the database file on the spot, so one request in a few dozen
 * pays for everyone's writes (a few milliseconds on a busy server). Here the connection stops
 * doing that and a worker thread with its own connection checkpoints every `everyMs` instead
 * (PASSIVE: it never waits for, or blocks, the writer). If the worker cannot start, the
 * connection goes back to checkpointing itself.
 */
export type WalCheckpointer = { stop(): Promise<void> };

const WORKER_SOURCE = `
const { workerData, parentPort } = require('node:worker_threads');
const SQLite = require(workerData.driver);
const db = new SQLite(workerData.file);
db.pragma('busy_timeout = 1000');
const checkpoint = () => {
  try { db.pragma('wal_checkpoint(PASSIVE)'); } catch { /* busy: the next tick tries again */ }
};
const timer = setInterval(checkpoint, workerData.everyMs);
parentPort.on('message', () => {
  clearInterval(timer);
  checkpoint();
  db.close();
  parentPort.close();
});
parentPort.postMessage('ready');
`;

export function startWalCheckpointer(sqlite: SQLite.Database, file: string, everyMs = 250): WalCheckpointer {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  sqlite.pragma('wal_autocheckpoint = 0');
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { file, driver, everyMs } });
  // The thread must not keep a finished process alive (a CLI run, a test) on its own.
  worker.unref();
  const selfCheckpoint = () => {
    if (sqlite.open) sqlite.pragma('wal_autocheckpoint = 1000');
  };
  worker.once('error', selfCheckpoint);
  const exited = new Promise<void>((done) => worker.once('exit', () => done()));
  return {
    async stop() {
      // Held again while stopping: a process with nothing else to do would otherwise exit mid-wait.
      worker.ref();
      worker.postMessage('stop');
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([exited, new Promise((done) => (timer = setTimeout(done, 2_000)))]);
      clearTimeout(timer);
      await worker.terminate();
    },
  };
}
