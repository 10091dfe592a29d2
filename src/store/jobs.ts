import { isPostgres } from './db.js';
import { newId } from './ids.js';
import type { Db, JobRow } from './schema.js';

export type NewJob = { name: string; payload: unknown; runAt: Date; singletonKey?: string | undefined };

/** Adds a waiting job; returns false when a waiting job with the same name and singleton key already exists. */
export async function insertJob(db: Db, job: NewJob, now: Date): Promise<boolean> {
  const result = await db
    .insertInto('jobs')
    .values({
      id: newId(),
      name: job.name,
      payload: JSON.stringify(job.payload ?? null),
      singleton_key: job.singletonKey ?? null,
      state: 'pending',
      run_at: job.runAt.toISOString(),
      locked_until: null,
      attempts: 0,
      last_error: null,
      created_at: now.toISOString(),
      finished_at: null,
    })
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

/**
 * Claims the next due job among `names`: bumps its attempts and leases it until `leaseUntil`, so no
 * other worker takes it while it runs, and a worker that dies leaves it to be claimed again later.
 */
export async function claimDueJob(db: Db, names: readonly string[], now: Date, leaseUntil: Date): Promise<JobRow | undefined> {
  if (names.length === 0) return undefined;
  const at = now.toISOString();
  let next = db
    .selectFrom('jobs')
    .select('id')
    .where('state', '=', 'pending')
    .where('name', 'in', names)
    .where('run_at', '<=', at)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', at)]))
    .orderBy('run_at')
    .limit(1);
  if (isPostgres(db)) next = next.forUpdate().skipLocked();
  return db
    .updateTable('jobs')
    .set((eb) => ({ locked_until: leaseUntil.toISOString(), attempts: eb('attempts', '+', 1) }))
    .where('id', 'in', next)
    .returningAll()
    .executeTakeFirst();
}

/** Marks a claimed job done; false when the claim is no longer ours (the lease ran out and the job was claimed again). */
export async function completeJob(db: Db, job: Pick<JobRow, 'id' | 'attempts'>, now: Date): Promise<boolean> {
  const result = await db
    .updateTable('jobs')
    .set({ state: 'done', locked_until: null, finished_at: now.toISOString(), last_error: null })
    .where('id', '=', job.id)
    .where('state', '=', 'pending')
    .where('attempts', '=', job.attempts)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Puts a claimed job back to wait until `runAt` (a retry, or a recurring job's next run). */
export async function rescheduleJob(
  db: Db,
  job: Pick<JobRow, 'id' | 'attempts'>,
  change: { runAt: Date; attempts: number; lastError: string | null },
): Promise<void> {
  await db
    .updateTable('jobs')
    .set({ run_at: change.runAt.toISOString(), attempts: change.attempts, locked_until: null, last_error: change.lastError })
    .where('id', '=', job.id)
    .where('state', '=', 'pending')
    .where('attempts', '=', job.attempts)
    .execute();
}

/** Gives a claimed job up after its last try, keeping the error. */
export async function failJob(db: Db, job: Pick<JobRow, 'id' | 'attempts'>, error: string, now: Date): Promise<void> {
  await db
    .updateTable('jobs')
    .set({ state: 'failed', locked_until: null, finished_at: now.toISOString(), last_error: error })
    .where('id', '=', job.id)
    .where('state', '=', 'pending')
    .where('attempts', '=', job.attempts)
    .execute();
}

/** Every job of one name, oldest first (for tests and diagnostics). */
export function listJobs(db: Db, name: string): Promise<JobRow[]> {
  return db.selectFrom('jobs').selectAll().where('name', '=', name).orderBy('created_at').orderBy('id').execute();
}
