import { CompiledQuery, type Kysely, sql } from 'kysely';
import PgBoss from 'pg-boss';
import type { Db, Tables } from '../store/schema.js';
import {
  DEFAULT_BACKOFF_SECONDS,
  DEFAULT_RETRY_LIMIT,
  type EnqueueOptions,
  errorMessage,
  type JobDefinition,
  type JobLog,
  type JobRunner,
} from './job-runner.js';

export type PgBossRunnerOptions = {
  /** The application's database: handlers write here, and job completion commits in the same transaction. */
  db: Kysely<Tables>;
  connectionString: string;
  /** pg-boss's own schema (tests give each run its own so parallel schemas never share a queue). */
  schema?: string;
  definitions: readonly JobDefinition[];
  log: JobLog;
  pollingIntervalSeconds?: number;
  /** How long a started job may run before pg-boss counts it as failed and retries it (a killed worker's job). */
  expireInSeconds?: number;
  maintenanceIntervalSeconds?: number;
};

/** pg-boss runs its SQL through this adapter when it must share our transaction. */
function bossDb(trx: Db): PgBoss.Db {
  return {
    executeSql: async (text, values) => ({ rows: (await trx.executeQuery(CompiledQuery.raw(text, values))).rows as unknown[] }),
  };
}

/**
 * The same job definitions on pg-boss 10 (PostgreSQL). pg-boss gives retries with exponential
 * backoff (retryDelay, retryBackoff), leases (expireInSeconds: a job whose worker died is failed by
 * maintenance and retried) and SKIP LOCKED fetching across instances.
 *
 * A transactional job's handler runs in a transaction on our pool that also completes the pg-boss job
 * (complete() accepts a `db`), so its writes and its completion commit together; pg-boss's own
 * completion after the handler then finds the job already completed and changes nothing.
 *
 * Recurring jobs: pg-boss's schedule() is cron with minute granularity, too coarse for mail delivery
 * every few seconds. Each instance instead sends the job every `everySeconds` with a singletonKey and
 * singletonSeconds = everySeconds; pg-boss's unique index on (name, singleton slot, key) keeps it to
 * one job per interval however many instances run.
 */
export function createPgBossRunner(options: PgBossRunnerOptions): JobRunner {
  const { db, log } = options;
  const schema = options.schema ?? 'pgboss';
  const byName = new Map(options.definitions.map((d) => [d.name, d]));
  const boss = new PgBoss({
    connectionString: options.connectionString,
    schema,
    max: 4,
    ...(options.maintenanceIntervalSeconds ? { maintenanceIntervalSeconds: options.maintenanceIntervalSeconds } : {}),
  });
  boss.on('error', (error) => log.error({ err: errorMessage(error) }, 'pg-boss error'));
  const timers: NodeJS.Timeout[] = [];

  async function run(definition: JobDefinition, job: PgBoss.JobWithMetadata<unknown>): Promise<void> {
    const ctx = { now: new Date(), log, attempt: job.retryCount + 1 };
    if (definition.transactional === false) {
      await definition.handler(job.data, { ...ctx, db });
      return;
    }
    await db.transaction().execute(async (trx) => {
      await definition.handler(job.data, { ...ctx, db: trx });
      const result = (await boss.complete(definition.name, job.id, {}, { db: bossDb(trx) })) as unknown as { affected: number };
      // The job expired and went back to the queue while we ran: roll our work back, the retry's counts.
      if (result.affected !== 1) throw new Error('job expired before it finished');
    });
  }

  async function sendRecurring(definition: JobDefinition & { everySeconds: number }): Promise<void> {
    await boss
      .send(definition.name, {}, { singletonKey: definition.name, singletonSeconds: definition.everySeconds })
      .catch((error: unknown) => log.error({ job: definition.name, err: errorMessage(error) }, 'could not schedule job'));
  }

  return {
    async start() {
      await boss.start();
      for (const definition of options.definitions) {
        const { name } = definition;
        if (!(await boss.getQueue(name))) await boss.createQueue(name, { name });
        await boss.updateQueue(name, {
          name,
          retryLimit: definition.retryLimit ?? DEFAULT_RETRY_LIMIT,
          retryDelay: definition.backoffSeconds ?? DEFAULT_BACKOFF_SECONDS,
          retryBackoff: true,
          expireInSeconds: options.expireInSeconds ?? 300,
        });
        await boss.work<unknown>(
          name,
          { batchSize: 1, includeMetadata: true, pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2 },
          async ([job]) => {
            if (!job) return;
            try {
              await run(definition, job);
            } catch (error) {
              log.warn({ job: name, id: job.id, attempt: job.retryCount + 1, err: errorMessage(error) }, 'job failed');
              throw error;
            }
          },
        );
        const { everySeconds } = definition;
        if (everySeconds) {
          const recurring = { ...definition, everySeconds };
          await sendRecurring(recurring);
          timers.push(setInterval(() => void sendRecurring(recurring), everySeconds * 1000));
        }
      }
    },
    async stop() {
      for (const timer of timers.splice(0)) clearInterval(timer);
      await boss.stop({ graceful: true, wait: true, timeout: 10_000 });
    },
    async enqueue(name: string, payload: unknown, opts: EnqueueOptions = {}) {
      if (!byName.has(name)) throw new Error(`unknown job: ${name}`);
      const data = (payload ?? {}) as object;
      const startAfter = opts.runAt ?? new Date();
      const { singletonKey } = opts;
      if (!singletonKey) {
        await boss.send(name, data, { startAfter });
        return;
      }
      // pg-boss's standard queues do not de-duplicate by key alone: check and send under an advisory lock.
      await db.transaction().execute(async (trx) => {
        await sql`select pg_advisory_xact_lock(hashtext(${`${name}:${singletonKey}`}))`.execute(trx);
        const waiting = await sql<{ id: string }>`select id from ${sql.id(schema, 'job')}
          where name = ${name} and singleton_key = ${singletonKey} and state < 'completed' limit 1`.execute(trx);
        if (waiting.rows.length === 0) await boss.send(name, data, { startAfter, singletonKey, db: bossDb(trx) });
      });
    },
  };
}
