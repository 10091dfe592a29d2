import type { DomainEvent } from '../domain/domain-events.js';
import type { JobLog } from '../jobs/job-runner.js';
import type { Db } from '../store/schema.js';

/** What a processor's handler receives: the transaction its effects go in, the time, a logger. */
export type ProcessorContext = { db: Db; now: Date; log: JobLog };

/**
 * Something that reacts to domain events, in order. Its handler's writes commit in the same
 * transaction as its cursor, so each event takes effect exactly once per processor, even when the
 * process dies mid-way; a failing event is retried for this processor alone.
 */
export type EventProcessor = {
  name: string;
  /**
   * Where a processor that has never run begins: every event the outbox holds, or the newest one
   * at its first start (a processor added later need not replay history).
   */
  startFrom: 'beginning' | 'now';
  handle(event: DomainEvent, ctx: ProcessorContext): Promise<void>;
  /** Tries after the first failed one before the event is set aside (default 5). */
  retryLimit?: number;
  /** Wait before the first retry, doubled for each next one (default 2 s). */
  backoffSeconds?: number;
};
