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
