import { sql } from 'kysely';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { countingProcessor } from '../../test/counting-processor.js';
import { describeEachDatabase, openTestDatabase, type TestDatabase } from '../../test/databases.js';
import { buildCase, buildWorkspace } from '../../test/factories.js';
import { captureLog, createJobEffects, recordJobEffect } from '../../test/job-effects.js';
import { currentSchema } from '../../test/pg-boss.js';
import { killGroup, startWorker as startWorkerProcess } from '../../test/worker-process.js';
import { createCase } from '../services/create-case.js';
import { listProcessors } from '../store/event-outbox.js';
import { processEvents } from './process-events.js';

const startWorker = (env: Record<string, string>) => startWorkerProcess('test/interrupted-processor-worker.ts', env);

describeEachDatabase('an event processor killed mid-processing', (kind) => {
  let database: TestDatabase;
  beforeEach(async () => {
    database = await openTestDatabase(kind);
    await createJobEffects(database.db);
  });
  afterEach(async () => {
    await database.dispose();
  });

  it('handles every event exactly once after restart', async () => {
    const ws = await buildWorkspace(database.db);
    for (let i = 0; i < 8; i++) await createCase(ws.ctx(), buildCase());
    const env: Record<string, string> =
      kind === 'sqlite'
        ? { JOB_DB: 'sqlite', JOB_SQLITE_FILE: String(database.sqliteFile), EVENT_HANG_AT: '5' }
        : { JOB_DB: 'postgres', JOB_PG_SCHEMA: await currentSchema(database.db), EVENT_HANG_AT: '5' };
    const child = await startWorker(env);
    await killGroup(child);
    const effects = () =>
      sql<{ note: string }>`select note from job_effects order by id`.execute(database.db).then((r) => r.rows.map((row) => row.note));
    // Four events committed with their cursor; the fifth's effect died with its transaction.
    expect(await effects()).toHaveLength(4);
    const [state] = await listProcessors(database.db);
    expect(state?.processed).toBe(4);

    // The dead worker's lease (30 s) has to run out before another instance may take over.
    const later = new Date(Date.now() + 31_000);
    const processor = countingProcessor((db, note) => recordJobEffect(db, note));
    const restart = () => processEvents(database.db, [processor], { owner: 'restarted', now: later, log: captureLog() });
    // On PostgreSQL the killed worker's open transaction may take a moment to be rolled back.
    await expect
      .poll(
        async () => {
          await restart();
          return (await effects()).length;
        },
        { timeout: 20_000, interval: 50 },
      )
      .toBe(8);
    const notes = await effects();
    expect(new Set(notes).size).toBe(8);
    expect((await listProcessors(database.db))[0]?.processed).toBe(8);
  });
});
