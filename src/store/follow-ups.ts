import { sql } from 'kysely';
import type { CustomerAnswer, EmployeeAnswer } from '../domain/follow-through.js';
import type { Db, FollowUpRow } from './schema.js';

export async function insertFollowUps(db: Db, rows: FollowUpRow[]): Promise<void> {
  if (rows.length > 0) await db.insertInto('follow_ups').values(rows).execute();
}

export function listFollowUpRows(db: Db, workspaceId: string, caseId: string): Promise<FollowUpRow[]> {
  return db
    .selectFrom('follow_ups')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('case_id', '=', caseId)
    .orderBy('due_at')
    .orderBy('id')
    .execute();
}

export function findFollowUp(db: Db, workspaceId: string, id: string): Promise<FollowUpRow | undefined> {
  return db.selectFrom('follow_ups').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
}

/** The follow-up a survey link points at, found by the SHA-256 of its token (the token itself is never stored). */
export function findFollowUpByTokenHash(db: Db, tokenHash: string): Promise<FollowUpRow | undefined> {
  return db.selectFrom('follow_ups').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
}

export async function updateFollowUp(db: Db, id: string, patch: Partial<FollowUpRow>): Promise<void> {
  await db.updateTable('follow_ups').set(patch).where('id', '=', id).execute();
}

/**
 * Marks a follow-up answered only if it still waits for an answer; false when someone else got there
 * first, so a link answers exactly once even under concurrent posts.
 */
export async function recordFollowUpAnswer(db: Db, id: string, answer: CustomerAnswer | EmployeeAnswer, at: string): Promise<boolean> {
  const signals = 'satisfaction' in answer ? { satisfaction: answer.satisfaction } : { wants_help: answer.wantsHelp ? 1 : 0 };
  const result = await db
    .updateTable('follow_ups')
    .set({ status: 'answered', answer: JSON.stringify(answer), answered_at: at, ...signals })
    .where('id', '=', id)
    .where('status', '=', 'sent')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Where a sweep over follow-ups got to: the due time, then the id. */
export type FollowUpSweepKey = { dueAt: string; id: string };

/**
 * Scheduled follow-ups, across workspaces (or of one case), whose time has come, by due time then
 * id, after `after` (a sweep's batches).
 */
export function dueFollowUps(
  db: Db,
  now: Date,
  limit: number,
  options: { caseId?: string | undefined; after?: FollowUpSweepKey | undefined } = {},
): Promise<FollowUpRow[]> {
  const { caseId, after } = options;
  return (
    db
      .selectFrom('follow_ups')
      .selectAll()
      // A literal, so SQLite matches the partial index follow_ups_to_send.
      .where('status', '=', sql.lit('scheduled'))
      .where('due_at', '<=', now.toISOString())
      .$if(caseId !== undefined, (q) => q.where('case_id', '=', caseId as string))
      .$if(after !== undefined, (q) =>
        q.where((eb) => eb(eb.refTuple('due_at', 'id'), '>', eb.tuple((after as FollowUpSweepKey).dueAt, (after as FollowUpSweepKey).id))),
      )
      .orderBy('due_at')
      .orderBy('id')
      .limit(limit)
      .execute()
  );
}

/** A user's own employee follow-ups waiting for their answer, with the case they are about. */
export function pendingFollowUpsOf(db: Db, workspaceId: string, userId: string) {
  return db
    .selectFrom('follow_ups')
    .innerJoin('cases', 'cases.id', 'follow_ups.case_id')
    .selectAll('follow_ups')
    .select(['cases.ref as case_ref', 'cases.title as case_title'])
    .where('follow_ups.workspace_id', '=', workspaceId)
    .where('follow_ups.user_id', '=', userId)
    .where('follow_ups.party', '=', 'employee')
    .where('follow_ups.status', '=', 'sent')
    .orderBy('follow_ups.due_at')
    .execute();
}

/** Moves a follow-up out of `scheduled` once: false when another sender already did. */
export async function claimFollowUpSend(db: Db, id: string, patch: Partial<FollowUpRow>): Promise<boolean> {
  const result = await db.updateTable('follow_ups').set(patch).where('id', '=', id).where('status', '=', 'scheduled').executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Cancels a follow-up not yet answered: a scheduled one is never sent, a sent one's survey link stops working. */
export async function cancelFollowUp(db: Db, id: string): Promise<void> {
  await db
    .updateTable('follow_ups')
    .set({ status: 'cancelled' })
    .where('id', '=', id)
    .where('status', 'in', ['scheduled', 'sent'])
    .execute();
}
