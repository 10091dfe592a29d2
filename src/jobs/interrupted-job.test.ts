import { sql } from 'kysely';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { describeEachDatabase, openTestDatabase, type TestDatabase } from '../../test/databases.js';
import { captureLog, countJobEffects, createJobEffects, INTERRUPTED_JOB, recordJobEffect } from '../../test/job-effects.js';
import { bossSchemaFor, currentSchema, dropSchema, PG_URL } from '../../test/pg-boss.js';
import { killGroup, startWorker as startWorkerProcess } from '../../test/worker-process.js';
import { listJobs } from '../store/jobs.js';
import { createEmbeddedRunner } from './embedded-runner.js';
import type { JobDefinition, JobRunner } from './job-runner.js';
import { createPgBossRunner } from './pg-boss-runner.js';

const finishing: JobDefinition = { ...INTERRUPTED_JOB, handler: (_p, ctx) => recordJobEffect(ctx.db, 'interrupted') };

const startWorker = (env: Record<string, string>) => startWorkerProcess('test/interrupted-job-worker.ts', env);

describeEachDatabase('a job interrupted by a process kill', (kind) => {
  let database: TestDatabase;
  let bossSchema = '';
  let runner: JobRunner | undefined;

  beforeEach(async () => {
    database = await openTestDatabase(kind);
    await createJobEffects(database.db);
    if (kind === 'postgres') bossSchema = await bossSchemaFor(database.db);
  });
  afterEach(async () => {
    await runner?.stop();
    runner = undefined;
    await database.dispose();
    if (bossSchema) await dropSchema(bossSchema);
  });

  it('runs again after restart and takes effect exactly once', async () => {
    if (kind === 'sqlite') {
      const later = () => new Date(Date.now() + 60_000);
      const embedded = createEmbeddedRunner({ db: database.db, definitions: [finishing], log: captureLog(), now: later });
      await embedded.enqueue(INTERRUPTED_JOB.name, { caseId: 'c1' }, { runAt: new Date() });
      const child = await startWorker({ JOB_DB: 'sqlite', JOB_SQLITE_FILE: String(database.sqliteFile) });
      await killGroup(child);
      // The killed run's write rolled back with its transaction; its claim is still on the row.
      expect(await countJobEffects(database.db, 'interrupted')).toBe(0);
      expect(await listJobs(database.db, INTERRUPTED_JOB.name)).toMatchObject([{ state: 'pending', attempts: 1 }]);

      // A minute later the 2-second lease has long run out: the restarted runner takes the job over.
      expect(await embedded.runDue()).toEqual({ done: 1, retried: 0, failed: 0 });
      expect(await embedded.runDue()).toEqual({ done: 0, retried: 0, failed: 0 });
      expect(await listJobs(database.db, INTERRUPTED_JOB.name)).toMatchObject([{ state: 'done', attempts: 2 }]);
    } else {
      const child = await startWorker({ JOB_DB: 'postgres', JOB_PG_SCHEMA: await currentSchema(database.db), JOB_BOSS_SCHEMA: bossSchema });
      await killGroup(child);
      runner = createPgBossRunner({
        db: database.db,
        connectionString: PG_URL,
        schema: bossSchema,
        definitions: [finishing],
        log: captureLog(),
        pollingIntervalSeconds: 0.5,
        expireInSeconds: 1,
        maintenanceIntervalSeconds: 1,
      });
      await runner.start();
      // pg-boss's maintenance fails the expired run and retries it; the retry completes.
      const states = () =>
        sql<{ state: string }>`select state::text as state from ${sql.id(bossSchema, 'job')} where name = ${INTERRUPTED_JOB.name}`
          .execute(database.db)
          .then((r) => r.rows.map((row) => row.state));
      await expect.poll(states, { timeout: 20_000, interval: 200 }).toEqual(['completed']);
    }
    expect(await countJobEffects(database.db, 'interrupted')).toBe(1);
  });
});
