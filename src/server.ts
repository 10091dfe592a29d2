import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Config } from './config/config.js';
import { createMailer } from './email/mailer.js';
import { createEventRunner, type EventRunner } from './events/event-runner.js';
import { createLocalHub, createPostgresHub, type LiveHub } from './events/live-hub.js';
import { eventProcessors } from './events/processors.js';
import { buildApp } from './http/app.js';
import { createJobRunner } from './jobs/create-job-runner.js';
import { jobDefinitions } from './jobs/definitions.js';
import type { JobLog, JobRunner } from './jobs/job-runner.js';
import { startMailIntake } from './jobs/mail-intake.js';
import { openDatabase } from './store/db.js';
import { migrateToLatest } from './store/migrate.js';

const PID_FILE = 'server.pid';

/**
 * Opens and migrates the database, serves the app, and (unless DEFUSE_JOBS=off) runs background jobs
 * until SIGINT/SIGTERM; on close the jobs stop before the database does.
 */
export async function startServer(config: Config): Promise<FastifyInstance> {
  const database = openDatabase({ ...config, backgroundCheckpoints: true });
  await migrateToLatest(database);
  // Every instance listens for live updates; on PostgreSQL they arrive from whichever instance runs the live processor.
  let app: FastifyInstance | undefined;
  const log: JobLog = {
    info: (obj, msg) => app?.log.info(obj, msg),
    warn: (obj, msg) => app?.log.warn(obj, msg),
    error: (obj, msg) => app?.log.error(obj, msg),
  };
  const live: LiveHub =
    database.kind === 'postgres' && config.databaseUrl
      ? createPostgresHub({ connectionString: config.databaseUrl, log })
      : createLocalHub();
  app = await buildApp({ config, database, live });
  let runner: JobRunner | undefined;
  let events: EventRunner | undefined;
  let mailer: ReturnType<typeof createMailer> | undefined;
  let mailIntake: Awaited<ReturnType<typeof startMailIntake>> | undefined;
  app.addHook('onClose', async () => {
    await mailIntake?.close();
    await events?.stop();
    await runner?.stop();
    await live.close();
    mailer?.close();
    await database.close();
    if (database.kind === 'sqlite') rmSync(join(config.dataDir, PID_FILE), { force: true });
  });
  await app.listen({ port: config.port, host: config.host });
  if (database.kind === 'sqlite') writeFileSync(join(config.dataDir, PID_FILE), String(process.pid));
  if (config.smtpIn || config.imapUrl) mailIntake = await startMailIntake(database.db, config, app.log);
  if (config.jobs) {
    mailer = createMailer({ smtpUrl: config.smtpUrl, from: config.mailFrom, log: app.log });
    runner = createJobRunner({
      database,
      databaseUrl: config.databaseUrl,
      definitions: jobDefinitions({
        mailer,
        publicUrl: config.publicUrl,
        signingKey: config.signingKey,
        attachmentsDir: config.attachmentsDir,
      }),
      log: app.log,
    });
    await runner.start();
    events = createEventRunner({ db: database.db, processors: eventProcessors({ publicUrl: config.publicUrl, live }), log: app.log });
    events.start();
    app.log.info({ engine: database.kind === 'postgres' ? 'pg-boss' : 'embedded' }, 'background jobs and event processors started');
  }
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      app.log.info({ signal, graceSeconds: config.shutdownGraceSeconds }, 'shutting down: finishing requests and jobs in flight');
      // A second signal means "now": the operator has stopped waiting.
      process.once(signal, () => process.exit(1));
      void closeGracefully(app, config.shutdownGraceSeconds * 1000).then(() => process.exit(0));
    });
  }
  return app;
}

/**
 * Stops accepting, lets requests in flight finish (their responses close the connection), then
 * stops jobs and closes the database in the app's close hooks. Connections still open after the
 * grace period (a client that never finishes sending) are cut, so a stop never hangs.
 */
export async function closeGracefully(app: FastifyInstance, graceMs: number): Promise<void> {
  app.markDraining();
  const cut = setTimeout(() => app.server.closeAllConnections(), graceMs);
  cut.unref();
  try {
    await app.close();
  } finally {
    clearTimeout(cut);
  }
}

/** The pid of a live server using this data dir, if any (restore must not pull the file from under it). */
export function runningServerPid(dataDir: string): number | null {
  const file = join(dataDir, PID_FILE);
  if (!existsSync(file)) return null;
  const pid = Number(readFileSync(file, 'utf8'));
  if (!Number.isInteger(pid) || pid <= 0) return null;
  try {
    process.kill(pid, 0);
    return pid;
  } catch {
    return null;
  }
}
