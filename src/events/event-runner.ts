import { randomUUID } from 'node:crypto';
import { isAfter } from '../domain/domain-events.js';
import { errorMessage, type JobLog } from '../jobs/job-runner.js';
import { latestCursor, listProcessors } from '../store/event-outbox.js';
import type { Db } from '../store/schema.js';
import type { EventProcessor } from './event-processor.js';
import { type ProcessCounts, processEvents } from './process-events.js';

export type EventRunner = {
  start(): void;
  /** Stops polling and waits for a pass in progress to finish. */
  stop(): Promise<void>;
  /** One pass now (tests and the CLI use this instead of the poll loop). */
  runOnce(): Promise<ProcessCounts>;
  /**
   * Passes until every processor has handled every event written so far (waiting while another
   * instance holds a lease), for tests and one-shot tools such as the demo. Bounded in time.
   */
  drain(timeoutMs?: number): Promise<void>;
};

/**
 * Runs the event processors of this instance: a pass every `pollMs` (short, since live updates
 * ride on it), each processor leased to one instance at a time, so several instances can run this.
 */
export function createEventRunner(options: {
  db: Db;
  processors: readonly EventProcessor[];
  log: JobLog;
  pollMs?: number;
  /** Events one processor handles per pass, in one transaction (default 100). */
  batch?: number;
  now?: () => Date;
}): EventRunner {
  const { db, processors, log } = options;
  const owner = randomUUID();
  const now = options.now ?? (() => new Date());
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> = Promise.resolve();
  let stopped = true;

  // Passes of one runner never overlap (the poll loop and a drain share the lease's owner id).
  let last: Promise<unknown> = Promise.resolve();
  const runOnce = (): Promise<ProcessCounts> => {
    const pass = last.then(() =>
      processEvents(db, processors, { owner, now: now(), log, ...(options.batch ? { batch: options.batch } : {}) }),
    );
    last = pass.catch(() => {});
    return pass;
  };
  const tick = () => {
    running = runOnce()
      .catch((error: unknown) => log.error({ err: errorMessage(error) }, 'event processing pass failed'))
      .finally(() => {
        if (!stopped) timer = setTimeout(tick, options.pollMs ?? 150);
      });
  };

  return {
    start() {
      if (!stopped) return;
      stopped = false;
      tick();
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
    runOnce,
    async drain(timeoutMs = 60_000) {
      const target = await latestCursor(db, false);
      const until = Date.now() + timeoutMs;
      for (;;) {
        const counts = await runOnce();
        const states = await listProcessors(db);
        const behind = processors.filter((p) => {
          const s = states.find((row) => row.name === p.name);
          return !s || isAfter(target, { tx: s.cursor_tx, position: s.cursor_position });
        });
        if (behind.length === 0) return;
        if (Date.now() > until) throw new Error(`event processors still behind: ${behind.map((p) => p.name).join(', ')}`);
        if (counts.processed + counts.setAside === 0) await new Promise((r) => setTimeout(r, 50));
      }
    },
  };
}
