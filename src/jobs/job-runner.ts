import type { Db } from '../store/schema.js';

/** The slice of a pino logger jobs write to (Fastify's app.log fits). */
export type JobLog = {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
};

/** What a handler receives: where to write, the time to act at, a logger, and which try this is (1 = first). */
export type JobContext = { db: Db; now: Date; log: JobLog; attempt: number };

/**
 * One kind of background work, run by either engine. By default (`transactional` unset or true) the
 * handler's `db` is a transaction that also marks the job done, so its database work commits exactly
 * once even when the process dies mid-run. A handler with external side effects (mail, HTTP) sets
 * `transactional: false`, manages its own transactions and must be idempotent: the job itself is
 * delivered at least once (a crash after the side effect but before completion runs it again).
 */
export type JobDefinition = {
  name: string;
  handler(payload: unknown, ctx: JobContext): Promise<void>;
  /** Retries after the first failed try (so retryLimit 2 = up to 3 tries). Default 3. */
  retryLimit?: number;
  /** Delay before the first retry; each next retry waits twice as long. Default 30. */
  backoffSeconds?: number;
  /** Recurring: one instance of the job runs again this many seconds after each run. */
  everySeconds?: number;
  transactional?: boolean;
};

export type EnqueueOptions = {
  runAt?: Date;
  /** While a job of this name and key is waiting or running, another enqueue with the key is ignored. */
  singletonKey?: string;
};

/** The one job API, with an embedded (SQLite) and a pg-boss (PostgreSQL) engine behind it. */
export interface JobRunner {
  start(): Promise<void>;
  stop(): Promise<void>;
  enqueue(name: string, payload: unknown, opts?: EnqueueOptions): Promise<void>;
}

export const DEFAULT_RETRY_LIMIT = 3;
export const DEFAULT_BACKOFF_SECONDS = 30;

/** Seconds to wait before retry number `attempt` (1-based): backoff · 2^(attempt−1). */
export function retryDelaySeconds(definition: JobDefinition, attempt: number): number {
  return (definition.backoffSeconds ?? DEFAULT_BACKOFF_SECONDS) * 2 ** (attempt - 1);
}

/** Builds a recurring job from a plain `(db, now)` function: adding a sweep is one line in definitions.ts. */
export function recurringJob(name: string, everySeconds: number, run: (db: Db, now: Date) => Promise<void>): JobDefinition {
  return { name, everySeconds, handler: (_payload, ctx) => run(ctx.db, ctx.now) };
}

/** The message of anything thrown, for last_error columns and logs. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
