import { sql } from 'kysely';
import type { Db } from '../src/store/schema.js';

/**
 * The job the "killed mid-run" test interrupts (test/interrupted-job-worker.ts runs it). Kept here,
 * not in the worker, which starts a runner as it is imported.
 */
export const INTERRUPTED_JOB = { name: 'interrupted', retryLimit: 2, backoffSeconds: 1 } as const;

/** A scratch table for job tests: handlers record what they did here, tests count it. */
export async function createJobEffects(db: Db): Promise<void> {
  await sql`create table job_effects (id integer primary key, note text not null)`.execute(db);
}

export async function recordJobEffect(db: Db, note: string): Promise<void> {
  await sql`insert into job_effects (id, note) values ((select coalesce(max(id), 0) + 1 from job_effects), ${note})`.execute(db);
}

export async function countJobEffects(db: Db, note: string): Promise<number> {
  const { rows } = await sql<{ n: number | string }>`select count(*) as n from job_effects where note = ${note}`.execute(db);
  return Number(rows[0]?.n ?? 0);
}

/** A logger that keeps every line, for asserting on what a job or mailer wrote. */
export function captureLog() {
  const lines: Array<{ level: string; obj: object; msg: string | undefined }> = [];
  const at = (level: string) => (obj: object, msg?: string) => void lines.push({ level, obj, msg });
  return { lines, info: at('info'), warn: at('warn'), error: at('error') };
}
