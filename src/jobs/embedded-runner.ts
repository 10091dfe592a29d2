import type { Kysely } from 'kysely';
import { claimDueJob, completeJob, failJob, insertJob, rescheduleJob } from '../store/jobs.js';
import type { Db, JobRow, Tables } from '../store/schema.js';
import {
  DEFAULT_RETRY_LIMIT,
  type EnqueueOptions,
  errorMessage,
  type JobDefinition,
  type JobLog,
  type JobRunner,
  retryDelaySeconds,
} from './job-runner.js';

export type EmbeddedRunnerOptions = {
  db: Kysely<Tables>;
  definitions: readonly JobDefinition[];
  log: JobLog;
  /** The clock; tests pass their own and call runDue() instead of waiting for the poll. */
  now?: () => Date;
  pollMs?: number;
  /** How long a claimed job is ours; a worker killed mid-run leaves the job to run again after this. */
  leaseSeconds?: number;
};

export type RunCounts = { done: number; retried: number; failed: number };

export type EmbeddedRunner = JobRunner & { runDue(): Promise<RunCounts> };

/** Keeps the one waiting row of a recurring job under this key (the partial unique index makes it a singleton). */
const RECURRING_KEY = 'recurring';
/** Bounds one runDue() pass so a job that keeps re-enqueueing itself cannot starve the poll loop. */
const MAX_JOBS_PER_PASS = 100;

/**
 * Durable jobs in the SQLite database, run by the server process: it polls for due rows, claims one
 * with a lease, runs it and marks it done (in the handler's transaction unless the job opts out).
 * A failure retries after backoff·2^(attempt−1) until retryLimit, then the row is marked failed; a
 * recurring job instead waits for its next run, so one bad run never stops it for good.
 */
export function createEmbeddedRunner(options: EmbeddedRunnerOptions): EmbeddedRunner {
  const { db, log } = options;
  const now = options.now ?? (() => new Date());
  const leaseMs = (options.leaseSeconds ?? 300) * 1000;
  const byName = new Map(options.definitions.map((d) => [d.name, d]));
  const names = [...byName.keys()];
  let timer: NodeJS.Timeout | undefined;
  let pass: Promise<unknown> = Promise.resolve();

  async function scheduleRecurring(): Promise<void> {
    for (const d of options.definitions) {
      if (d.everySeconds) await insertJob(db, { name: d.name, payload: null, runAt: now(), singletonKey: RECURRING_KEY }, now());
    }
  }

  async function runOne(definition: JobDefinition, job: JobRow): Promise<keyof RunCounts> {
    const ctx = { now: now(), log, attempt: job.attempts };
    const payload: unknown = JSON.parse(job.payload);
    try {
      const finish = async (trx: Db) => {
        await definition.handler(payload, { ...ctx, db: trx });
        if (definition.everySeconds) {
          await rescheduleJob(trx, job, {
            runAt: new Date(now().getTime() + definition.everySeconds * 1000),
            attempts: 0,
            lastError: null,
          });
        } else if (!(await completeJob(trx, job, now()))) {
          // Our lease ran out and another worker claimed the job: roll our work back, theirs counts.
          throw new Error('lease lost before the job finished');
        }
      };
      if (definition.transactional === false) await finish(db);
      else await db.transaction().execute(finish);
      return 'done';
    } catch (error) {
      const message = errorMessage(error);
      const retryLimit = definition.retryLimit ?? DEFAULT_RETRY_LIMIT;
      log.warn({ job: job.name, id: job.id, attempt: job.attempts, err: message }, 'job failed');
      if (job.attempts <= retryLimit) {
        const runAt = new Date(now().getTime() + retryDelaySeconds(definition, job.attempts) * 1000);
        await rescheduleJob(db, job, { runAt, attempts: job.attempts, lastError: message });
        return 'retried';
      }
      if (definition.everySeconds) {
        const runAt = new Date(now().getTime() + definition.everySeconds * 1000);
        await rescheduleJob(db, job, { runAt, attempts: 0, lastError: message });
      } else {
        await failJob(db, job, message, now());
      }
      log.error({ job: job.name, id: job.id, attempts: job.attempts, err: message }, 'job gave up');
      return 'failed';
    }
  }

  async function runDue(): Promise<RunCounts> {
    const counts: RunCounts = { done: 0, retried: 0, failed: 0 };
    await scheduleRecurring();
    for (let i = 0; i < MAX_JOBS_PER_PASS; i++) {
      const claimedAt = now();
      const job = await claimDueJob(db, names, claimedAt, new Date(claimedAt.getTime() + leaseMs));
      if (!job) break;
      const definition = byName.get(job.name);
      if (definition) counts[await runOne(definition, job)]++;
    }
    return counts;
  }

  /** One pass at a time: the timer skips a tick while the previous pass still runs. */
  let busy = false;
  function tick(): void {
    if (busy) return;
    busy = true;
    pass = runDue()
      .catch((error: unknown) => log.error({ err: errorMessage(error) }, 'job poll failed'))
      .finally(() => {
        busy = false;
      });
  }

  return {
    async start() {
      timer = setInterval(tick, options.pollMs ?? 1000);
      tick();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
      await pass;
    },
    async enqueue(name: string, payload: unknown, opts: EnqueueOptions = {}) {
      if (!byName.has(name)) throw new Error(`unknown job: ${name}`);
      await insertJob(db, { name, payload, runAt: opts.runAt ?? now(), singletonKey: opts.singletonKey }, now());
    },
    runDue,
  };
}
