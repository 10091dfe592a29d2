import { type DomainEvent, type EventCursor, STREAM_START } from '../domain/domain-events.js';
import { errorMessage, type JobLog } from '../jobs/job-runner.js';
import { inTransaction } from '../services/context.js';
import {
  advanceProcessor,
  claimProcessor,
  ensureProcessor,
  latestCursor,
  readEventsAfter,
  recordProcessorAttempt,
  recordProcessorFailure,
  releaseProcessor,
} from '../store/event-outbox.js';
import type { Db } from '../store/schema.js';
import type { EventProcessor } from './event-processor.js';

export type ProcessOptions = {
  /** Who holds the lease (one id per running instance). */
  owner: string;
  now: Date;
  log: JobLog;
  /** Events one processor handles per pass (default 100). */
  batch?: number;
  leaseSeconds?: number;
};

export type ProcessCounts = { processed: number; retrying: number; setAside: number };

const DEFAULT_RETRY_LIMIT = 5;
const DEFAULT_BACKOFF_SECONDS = 2;

/**
 * One pass: each processor whose lease is free takes it, handles the events after its cursor (in
 * one transaction together with the cursor move) and lets the lease go. A processor that fails
 * stops for this pass and waits for its retry time; the others go on. Effects a processor keeps
 * outside the database (the local live hub) may repeat when a later event of the same run fails.
 */
export async function processEvents(db: Db, processors: readonly EventProcessor[], options: ProcessOptions): Promise<ProcessCounts> {
  // Reading inside an open transaction would hide its own rows' order from other writers (see migration 0008).
  if (db.isTransaction) throw new Error('processEvents runs outside a transaction');
  const counts: ProcessCounts = { processed: 0, retrying: 0, setAside: 0 };
  for (const p of processors) {
    const result = await runProcessor(db, p, options);
    counts.processed += result.processed;
    counts.retrying += result.retrying;
    counts.setAside += result.setAside;
  }
  return counts;
}

async function runProcessor(db: Db, p: EventProcessor, o: ProcessOptions): Promise<ProcessCounts> {
  const counts: ProcessCounts = { processed: 0, retrying: 0, setAside: 0 };
  const { owner, now } = o;
  await ensureProcessor(db, p.name, p.startFrom === 'beginning' ? STREAM_START : await latestCursor(db), now);
  const state = await claimProcessor(db, p.name, owner, now, new Date(now.getTime() + (o.leaseSeconds ?? 30) * 1000));
  if (!state) return counts;
  try {
    let from: EventCursor = { tx: state.cursor_tx, position: state.cursor_position };
    let attempts = state.attempts;
    let pending = await readEventsAfter(db, from, o.batch ?? 100);
    while (pending.length > 0) {
      const outcome = await handleTogether(db, p, pending, from, o);
      if (outcome === 'lease lost') return counts;
      if (outcome.failedAt === undefined) {
        counts.processed += pending.length;
        return counts;
      }
      if (outcome.failedAt > 0) {
        // The events before the failing one went well but were rolled back with it: commit them
        // alone; the failing one comes first in the next pass, where its failure counts as a try.
        pending = pending.slice(0, outcome.failedAt);
        continue;
      }
      const failing = pending[0] as DomainEvent;
      if (!(await setAsideOrRetry(db, p, failing, from, attempts, outcome.error, o))) {
        counts.retrying += 1;
        return counts;
      }
      counts.setAside += 1;
      attempts = 0;
      from = failing;
      pending = pending.slice(1);
    }
    return counts;
  } finally {
    await releaseProcessor(db, p.name, owner);
  }
}

type BatchOutcome = { failedAt?: undefined } | { failedAt: number; error: unknown };

/**
 * Handles a run of events in one transaction with one cursor move: a transaction per event would
 * cost a commit per event per processor, which under load is most of what the database does.
 * All or nothing: when one event fails, none of the run's effects are kept.
 */
async function handleTogether(
  db: Db,
  p: EventProcessor,
  events: readonly DomainEvent[],
  from: EventCursor,
  o: ProcessOptions,
): Promise<BatchOutcome | 'lease lost'> {
  let index = 0;
  try {
    await inTransaction(db, async (trx) => {
      for (; index < events.length; index++) await p.handle(events[index] as DomainEvent, { db: trx, now: o.now, log: o.log });
      if (!(await advanceProcessor(trx, p.name, o.owner, from, events.at(-1) as DomainEvent, o.now, events.length))) {
        throw new LeaseLost(p.name);
      }
    });
    return {};
  } catch (error) {
    if (error instanceof LeaseLost) return 'lease lost';
    // A failure moving the cursor is retried like a failure of the run's first event.
    return { failedAt: index < events.length ? index : 0, error };
  }
}

/** After a failure: schedule a retry, or, past the retry limit, keep the event aside and move on. Returns true when set aside. */
async function setAsideOrRetry(
  db: Db,
  p: EventProcessor,
  event: DomainEvent,
  from: EventCursor,
  attempts: number,
  error: unknown,
  o: ProcessOptions,
) {
  const message = errorMessage(error);
  const limit = p.retryLimit ?? DEFAULT_RETRY_LIMIT;
  if (attempts >= limit) {
    o.log.error({ processor: p.name, position: event.position, kind: event.kind, err: message }, 'event set aside after retries');
    await inTransaction(db, async (trx) => {
      await recordProcessorFailure(trx, { processor: p.name, event, error: message, attempts: attempts + 1 }, o.now);
      if (!(await advanceProcessor(trx, p.name, o.owner, from, event, o.now))) throw new LeaseLost(p.name);
    });
    return true;
  }
  const delay = (p.backoffSeconds ?? DEFAULT_BACKOFF_SECONDS) * 2 ** attempts * 1000;
  await recordProcessorAttempt(db, p.name, message, new Date(o.now.getTime() + delay), o.now);
  o.log.warn(
    { processor: p.name, position: event.position, kind: event.kind, err: message, attempt: attempts + 1 },
    'event processing failed; will retry',
  );
  return false;
}

class LeaseLost extends Error {
  constructor(name: string) {
    super(`lost the lease on processor ${name}`);
  }
}
