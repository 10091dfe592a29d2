import { setImmediate as nextTurn } from 'node:timers/promises';

/**
 * Lets a long sweep give the event loop back. On SQLite every query runs synchronously on the one
 * thread that also answers requests, and awaiting a settled promise does not let them in, so a
 * sweep of many small transactions stalls every request unless it steps aside now and then.
 * `pace()` yields to pending I/O once `sliceMs` of work has passed since the last yield.
 */
export function sweepPacer(sliceMs = 5): { pace(): Promise<void> } {
  let since = performance.now();
  return {
    async pace() {
      if (performance.now() - since < sliceMs) return;
      await nextTurn();
      since = performance.now();
    },
  };
}

/** Rows a sweep reads per query: one batch's read and work stay far inside a request's budget. */
export const SWEEP_BATCH = 50;

/**
 * Walks a sweep's due rows in batches by a key that only grows (due time, then id), so a row is read
 * once per pass even when handling it does not take it out of the due set, and a row that becomes
 * due while the pass runs waits for the next one only if its key sorts before where the pass is.
 * Each row is handled on its own (its own transaction) and the event loop gets a turn after every
 * read and every row: at a million cases on a loaded machine one case's change took about 5 ms, so
 * a 5 ms slice of several held requests twice as long (issue 15: one big statement on
 * better-sqlite3 held every request for seconds).
 */
export async function sweepInBatches<Row, Key>(options: {
  read: (after: Key | undefined, limit: number) => Promise<Row[]>;
  keyOf: (row: Row) => Key;
  handle: (row: Row) => Promise<void>;
  batch?: number | undefined;
}): Promise<void> {
  const batch = options.batch ?? SWEEP_BATCH;
  let after: Key | undefined;
  for (;;) {
    const rows = await options.read(after, batch);
    await nextTurn();
    for (const row of rows) {
      await options.handle(row);
      await nextTurn();
    }
    const last = rows.at(-1);
    if (last === undefined || rows.length < batch) return;
    after = options.keyOf(last);
  }
}
