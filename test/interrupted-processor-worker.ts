/**
 * A worker process for the "killed mid-processing" event test: it runs a processor that records
 * each event it handles in the processor's transaction, and hangs inside the handler of the event
 * numbered EVENT_HANG_AT (1-based) after writing its effect, saying "started" on stdout, until the
 * test kills it. Events are handled two to a transaction, so the first four commit before the hang
 * at the fifth. Env: JOB_DB=sqlite with JOB_SQLITE_FILE, or JOB_DB=postgres with TEST_DATABASE_URL
 * and JOB_PG_SCHEMA.
 */
import { createEventRunner } from '../src/events/event-runner.js';
import { openDatabase, openSqlite } from '../src/store/db.js';
import { countingProcessor } from './counting-processor.js';
import { captureLog, recordJobEffect } from './job-effects.js';

async function main(): Promise<void> {
  const env = process.env;
  const database =
    env.JOB_DB === 'sqlite'
      ? openSqlite(String(env.JOB_SQLITE_FILE))
      : openDatabase({ dataDir: '', databaseUrl: String(env.TEST_DATABASE_URL), pgSchema: String(env.JOB_PG_SCHEMA) });
  const hangAt = Number(env.EVENT_HANG_AT ?? 1);
  let handled = 0;
  const processor = countingProcessor(async (db, note) => {
    await recordJobEffect(db, note);
    handled += 1;
    if (handled === hangAt) {
      process.stdout.write('started\n');
      await new Promise(() => {});
    }
  });
  const runner = createEventRunner({ db: database.db, processors: [processor], log: captureLog(), pollMs: 20, batch: 2 });
  runner.start();
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
