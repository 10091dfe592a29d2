/**
 * A worker process for the "killed mid-run" job test: it starts a runner whose `interrupted` job
 * records its effect in the job's transaction, says "started" on stdout and then hangs until the
 * test kills it. Env: JOB_DB=sqlite with JOB_SQLITE_FILE, or JOB_DB=postgres with TEST_DATABASE_URL,
 * JOB_PG_SCHEMA and JOB_BOSS_SCHEMA.
 */
import { createEmbeddedRunner } from '../src/jobs/embedded-runner.js';
import type { JobDefinition, JobRunner } from '../src/jobs/job-runner.js';
import { createPgBossRunner } from '../src/jobs/pg-boss-runner.js';
import { openDatabase, openSqlite } from '../src/store/db.js';
import { captureLog, INTERRUPTED_JOB, recordJobEffect } from './job-effects.js';

const hanging: JobDefinition = {
  ...INTERRUPTED_JOB,
  handler: async (_payload, ctx) => {
    await recordJobEffect(ctx.db, 'interrupted');
    process.stdout.write('started\n');
    await new Promise(() => {});
  },
};

async function main(): Promise<void> {
  const env = process.env;
  let runner: JobRunner;
  if (env.JOB_DB === 'sqlite') {
    const database = openSqlite(String(env.JOB_SQLITE_FILE));
    runner = createEmbeddedRunner({ db: database.db, definitions: [hanging], log: captureLog(), pollMs: 50, leaseSeconds: 2 });
    await runner.start();
  } else {
    const url = String(env.TEST_DATABASE_URL);
    const database = openDatabase({ dataDir: '', databaseUrl: url, pgSchema: String(env.JOB_PG_SCHEMA) });
    runner = createPgBossRunner({
      db: database.db,
      connectionString: url,
      schema: String(env.JOB_BOSS_SCHEMA),
      definitions: [hanging],
      log: captureLog(),
      pollingIntervalSeconds: 0.5,
      expireInSeconds: 1,
    });
    await runner.start();
    await runner.enqueue(INTERRUPTED_JOB.name, { caseId: 'c1' });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
