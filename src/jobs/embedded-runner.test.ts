import { afterEach, beforeEach, expect, it } from 'vitest';
import { describeEachDatabase, openTestDatabase, type TestDatabase } from '../../test/databases.js';
import { captureLog, countJobEffects, createJobEffects, recordJobEffect } from '../../test/job-effects.js';
import { listJobs } from '../store/jobs.js';
import { createEmbeddedRunner } from './embedded-runner.js';
import type { JobDefinition } from './job-runner.js';

const T0 = new Date('2026-03-02T09:00:00.000Z');
const seconds = (n: number) => new Date(T0.getTime() + n * 1000);

describeEachDatabase('embedded job runner', (kind) => {
  let database: TestDatabase;
  let clock: Date;
  const now = () => clock;

  beforeEach(async () => {
    database = await openTestDatabase(kind);
    await createJobEffects(database.db);
    clock = T0;
  });
  afterEach(() => database.dispose());

  function runner(definitions: JobDefinition[]) {
    return createEmbeddedRunner({ db: database.db, definitions, log: captureLog(), now });
  }

  it('runs an enqueued job once, with its payload, and marks it done', async () => {
    const seen: unknown[] = [];
    const jobs = runner([
      {
        name: 'note',
        handler: async (payload, ctx) => {
          seen.push({ payload, attempt: ctx.attempt, now: ctx.now.toISOString() });
          await recordJobEffect(ctx.db, 'note');
        },
      },
    ]);
    await jobs.enqueue('note', { caseId: 'c1' });
    expect(await jobs.runDue()).toEqual({ done: 1, retried: 0, failed: 0 });
    expect(await jobs.runDue()).toEqual({ done: 0, retried: 0, failed: 0 });
    expect(seen).toEqual([{ payload: { caseId: 'c1' }, attempt: 1, now: T0.toISOString() }]);
    expect(await countJobEffects(database.db, 'note')).toBe(1);
    const [row] = await listJobs(database.db, 'note');
    expect(row).toMatchObject({ state: 'done', attempts: 1, finished_at: T0.toISOString(), locked_until: null });
  });

  it('waits for runAt before running a job', async () => {
    const jobs = runner([{ name: 'later', handler: (_p, ctx) => recordJobEffect(ctx.db, 'later') }]);
    await jobs.enqueue('later', null, { runAt: seconds(60) });
    expect((await jobs.runDue()).done).toBe(0);
    clock = seconds(60);
    expect((await jobs.runDue()).done).toBe(1);
    expect(await countJobEffects(database.db, 'later')).toBe(1);
  });

  it('retries a failing job after backoff, doubling the wait, then succeeds', async () => {
    const attempts: number[] = [];
    const jobs = runner([
      {
        name: 'flaky',
        backoffSeconds: 10,
        handler: async (_p, ctx) => {
          attempts.push(ctx.attempt);
          await recordJobEffect(ctx.db, 'flaky');
          if (ctx.attempt < 3) throw new Error(`try ${ctx.attempt} broke`);
        },
      },
    ]);
    await jobs.enqueue('flaky', null);
    expect(await jobs.runDue()).toEqual({ done: 0, retried: 1, failed: 0 });
    let [row] = await listJobs(database.db, 'flaky');
    expect(row).toMatchObject({ state: 'pending', run_at: seconds(10).toISOString(), last_error: 'try 1 broke' });

    clock = seconds(9);
    expect((await jobs.runDue()).retried).toBe(0);
    clock = seconds(10);
    expect(await jobs.runDue()).toEqual({ done: 0, retried: 1, failed: 0 });
    [row] = await listJobs(database.db, 'flaky');
    expect(row?.run_at).toBe(seconds(30).toISOString());

    clock = seconds(30);
    expect(await jobs.runDue()).toEqual({ done: 1, retried: 0, failed: 0 });
    expect(attempts).toEqual([1, 2, 3]);
    // The failed tries rolled back with their transactions: only the successful one wrote.
    expect(await countJobEffects(database.db, 'flaky')).toBe(1);
    [row] = await listJobs(database.db, 'flaky');
    expect(row).toMatchObject({ state: 'done', last_error: null });
  });

  it('gives up after retryLimit and keeps the last error', async () => {
    const jobs = runner([
      {
        name: 'broken',
        retryLimit: 1,
        backoffSeconds: 5,
        handler: async (_p, ctx) => {
          throw new Error(`still broken (${ctx.attempt})`);
        },
      },
    ]);
    await jobs.enqueue('broken', null);
    expect((await jobs.runDue()).retried).toBe(1);
    clock = seconds(5);
    expect(await jobs.runDue()).toEqual({ done: 0, retried: 0, failed: 1 });
    clock = seconds(3600);
    expect(await jobs.runDue()).toEqual({ done: 0, retried: 0, failed: 0 });
    const [row] = await listJobs(database.db, 'broken');
    expect(row).toMatchObject({ state: 'failed', attempts: 2, last_error: 'still broken (2)', finished_at: seconds(5).toISOString() });
  });

  it('keeps one row per recurring job and reschedules it after each run, even after a failure', async () => {
    let fail = false;
    const jobs = runner([
      {
        name: 'tick',
        everySeconds: 60,
        retryLimit: 0,
        handler: async (_p, ctx) => {
          if (fail) throw new Error('tick broke');
          await recordJobEffect(ctx.db, 'tick');
        },
      },
    ]);
    expect((await jobs.runDue()).done).toBe(1);
    expect((await jobs.runDue()).done).toBe(0);
    clock = seconds(59);
    expect((await jobs.runDue()).done).toBe(0);
    clock = seconds(60);
    expect((await jobs.runDue()).done).toBe(1);
    fail = true;
    clock = seconds(120);
    expect((await jobs.runDue()).failed).toBe(1);
    fail = false;
    clock = seconds(180);
    expect((await jobs.runDue()).done).toBe(1);
    expect(await countJobEffects(database.db, 'tick')).toBe(3);
    const rows = await listJobs(database.db, 'tick');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ state: 'pending', run_at: seconds(240).toISOString(), attempts: 0 });
  });

  it('ignores a second enqueue with the same singleton key while the first waits', async () => {
    const jobs = runner([{ name: 'remind', handler: (_p, ctx) => recordJobEffect(ctx.db, 'remind') }]);
    await jobs.enqueue('remind', { n: 1 }, { singletonKey: 'case-1' });
    await jobs.enqueue('remind', { n: 2 }, { singletonKey: 'case-1' });
    await jobs.enqueue('remind', { n: 3 }, { singletonKey: 'case-2' });
    expect((await jobs.runDue()).done).toBe(2);
    await jobs.enqueue('remind', { n: 4 }, { singletonKey: 'case-1' });
    expect((await jobs.runDue()).done).toBe(1);
    expect((await listJobs(database.db, 'remind')).map((r) => JSON.parse(r.payload))).toEqual([{ n: 1 }, { n: 3 }, { n: 4 }]);
  });

  it('refuses to enqueue a job nobody defined', async () => {
    await expect(runner([]).enqueue('nope', null)).rejects.toThrow('unknown job: nope');
  });

  it('polls on its own once started and stops cleanly', async () => {
    const jobs = createEmbeddedRunner({
      db: database.db,
      definitions: [{ name: 'polled', handler: (_p, ctx) => recordJobEffect(ctx.db, 'polled') }],
      log: captureLog(),
      pollMs: 20,
    });
    await jobs.start();
    await jobs.enqueue('polled', null);
    await expect.poll(() => countJobEffects(database.db, 'polled'), { timeout: 3000, interval: 20 }).toBe(1);
    await jobs.stop();
  });
});
