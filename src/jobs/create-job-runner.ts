import type { Database } from '../store/db.js';
import { createEmbeddedRunner } from './embedded-runner.js';
import type { JobDefinition, JobLog, JobRunner } from './job-runner.js';
import { createPgBossRunner } from './pg-boss-runner.js';

/** The engine that fits the database: durable rows in SQLite, pg-boss on PostgreSQL. */
export function createJobRunner(options: {
  database: Database;
  databaseUrl: string | undefined;
  definitions: readonly JobDefinition[];
  log: JobLog;
}): JobRunner {
  const { database, databaseUrl, definitions, log } = options;
  if (database.kind === 'postgres') {
    if (!databaseUrl) throw new Error('PostgreSQL jobs need DATABASE_URL');
    return createPgBossRunner({ db: database.db, connectionString: databaseUrl, definitions, log });
  }
  return createEmbeddedRunner({ db: database.db, definitions, log });
}
