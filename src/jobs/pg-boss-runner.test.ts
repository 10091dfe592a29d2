import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newAttachmentsDir } from '../../test/attachments-dir.js';
import { openTestDatabase, type TestDatabase } from '../../test/databases.js';
import { captureLog, countJobEffects, createJobEffects, recordJobEffect } from '../../test/job-effects.js';
import { bossSchemaFor, dropSchema, PG_URL } from '../../test/pg-boss.js';
import { TEST_SIGNING_KEY } from '../../test/signing-key.js';
import { startSmtpListener } from '../../test/smtp.js';
import { createMailer } from '../email/mailer.js';
import { listOutbox, queueEmail } from '../store/outbox.js';
import { jobDefinitions } from './definitions.js';
import type { JobDefinition, JobRunner } from './job-runner.js';
import { createPgBossRunner } from './pg-boss-runner.js';

type BossJob = { state: string; retry_count: number };

// pg-boss polls on its own clock, so these tests wait for real: briefly, with a bound on every wait.
describe.skipIf(!PG_URL)('pg-boss job runner [postgres]', () => {
  let database: TestDatabase;
  let bossSchema: string;
  let runner: JobRunner | undefined;

  beforeEach(async () => {
    database = await openTestDatabase('postgres');
    await createJobEffects(database.db);
    bossSchema = await bossSchemaFor(database.db);
  });
  afterEach(async () => {
    await runner?.stop();
    runner = undefined;
    await database.dispose();
    await dropSchema(bossSchema);
  });

  async function start(definitions: JobDefinition[]): Promise<JobRunner> {
    runner = createPgBossRunner({
      db: database.db,
      connectionString: PG_URL,
      schema: bossSchema,
      definitions,
      log: captureLog(),
      pollingIntervalSeconds: 0.5,
    });
    await runner.start();
    return runner;
  }

  async function bossJobs(name: string): Promise<BossJob[]> {
    const { rows } = await sql<BossJob>`select state::text as state, retry_count from ${sql.id(bossSchema, 'job')}
      where name = ${name} order by created_on`.execute(database.db);
    return rows;
  }

  it('runs an enqueued job once and completes it in the handler transaction', async () => {
    const attempts: number[] = [];
    const jobs = await start([
      {
        name: 'note',
        handler: async (payload, ctx) => {
          attempts.push(ctx.attempt);
          await recordJobEffect(ctx.db, JSON.stringify(payload));
        },
      },
    ]);
    await jobs.enqueue('note', { caseId: 'c1' });
    await expect.poll(() => bossJobs('note'), { timeout: 8000, interval: 100 }).toEqual([{ state: 'completed', retry_count: 0 }]);
    expect(await countJobEffects(database.db, '{"caseId":"c1"}')).toBe(1);
    expect(attempts).toEqual([1]);
  });

  it('retries a failing job with backoff, then succeeds', async () => {
    const attempts: number[] = [];
    const jobs = await start([
      {
        name: 'flaky',
        backoffSeconds: 1,
        handler: async (_p, ctx) => {
          attempts.push(ctx.attempt);
          await recordJobEffect(ctx.db, 'flaky');
          if (ctx.attempt === 1) throw new Error('first try broke');
        },
      },
    ]);
    await jobs.enqueue('flaky', null);
    await expect.poll(() => bossJobs('flaky'), { timeout: 12_000, interval: 100 }).toEqual([{ state: 'completed', retry_count: 1 }]);
    expect(attempts).toEqual([1, 2]);
    expect(await countJobEffects(database.db, 'flaky')).toBe(1);
  });

  it('gives up after retryLimit', async () => {
    const attempts: number[] = [];
    const jobs = await start([
      {
        name: 'broken',
        retryLimit: 1,
        backoffSeconds: 1,
        handler: async (_p, ctx) => {
          attempts.push(ctx.attempt);
          throw new Error('still broken');
        },
      },
    ]);
    await jobs.enqueue('broken', null);
    await expect.poll(() => bossJobs('broken'), { timeout: 12_000, interval: 100 }).toEqual([{ state: 'failed', retry_count: 1 }]);
    expect(attempts).toEqual([1, 2]);
  });

  it('sends a recurring job once per interval, and again in the next one', async () => {
    await start([{ name: 'tick', everySeconds: 1, handler: (_p, ctx) => recordJobEffect(ctx.db, 'tick') }]);
    await expect.poll(() => countJobEffects(database.db, 'tick'), { timeout: 10_000, interval: 100 }).toBeGreaterThanOrEqual(2);
    const rows = await bossJobs('tick');
    expect(rows.filter((r) => r.state === 'completed').length).toBe(await countJobEffects(database.db, 'tick'));
  });

  it('ignores a second enqueue with the same singleton key while the first waits', async () => {
    const jobs = await start([{ name: 'remind', handler: (payload, ctx) => recordJobEffect(ctx.db, JSON.stringify(payload)) }]);
    const later = new Date(Date.now() + 60_000);
    await jobs.enqueue('remind', { n: 1 }, { singletonKey: 'case-1', runAt: later });
    await jobs.enqueue('remind', { n: 2 }, { singletonKey: 'case-1', runAt: later });
    await jobs.enqueue('remind', { n: 3 }, { singletonKey: 'case-2', runAt: later });
    expect(await bossJobs('remind')).toHaveLength(2);
  });

  it('delivers the outbox through the recurring deliver-outbox job', async () => {
    const smtp = await startSmtpListener();
    const mailer = createMailer({ smtpUrl: smtp.url, from: 'Defuse <no-reply@defuse.test>', log: captureLog(), ignoreTLS: true });
    try {
      const mail = { workspaceId: null, kind: 'test', to: 'sam@example.com', subject: 'Hello', text: 'Hi Sam', html: '<p>Hi Sam</p>' };
      await queueEmail(database.db, mail, new Date());
      await start(
        jobDefinitions({ mailer, publicUrl: 'http://localhost:3000', signingKey: TEST_SIGNING_KEY, attachmentsDir: newAttachmentsDir() }),
      );
      expect((await smtp.waitFor(1, 10_000)).map((m) => m.subject)).toEqual(['Hello']);
      await expect.poll(async () => (await listOutbox(database.db))[0]?.sent_at, { timeout: 5000, interval: 50 }).toBeTruthy();
    } finally {
      await runner?.stop();
      runner = undefined;
      mailer.close();
      await smtp.close();
    }
  });
});
