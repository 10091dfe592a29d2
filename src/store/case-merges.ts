import { sql } from 'kysely';
import { isPostgres } from './db.js';
import type { Db } from './schema.js';

/** Moves a case's open promises to another case (a merge: the promise is still owed); returns them as they were. */
export async function moveOpenCommitments(
  db: Db,
  workspaceId: string,
  fromCaseId: string,
  toCaseId: string,
): Promise<{ id: string; text: string; dueAt: string }[]> {
  const open = await db
    .selectFrom('commitments')
    .select(['id', 'text', 'due_at'])
    .where('workspace_id', '=', workspaceId)
    .where('case_id', '=', fromCaseId)
    .where('status', '=', 'open')
    .orderBy('due_at')
    .orderBy('id')
    .execute();
  if (open.length > 0)
    await db
      .updateTable('commitments')
      .set({ case_id: toCaseId })
      .where('workspace_id', '=', workspaceId)
      .where(
        'id',
        'in',
        open.map((c) => c.id),
      )
      .execute();
  return open.map((c) => ({ id: c.id, text: c.text, dueAt: c.due_at }));
}

/**
 * The cases merged into this one, oldest merge first. On SQLite the order is an expression, so the
 * planner reads the few from cases_merged_into and sorts them: without statistics it walked the
 * workspace's updated_at index for the order instead (a second on every case page at a million).
 */
export function listMergedInto(db: Db, workspaceId: string, caseId: string) {
  return db
    .selectFrom('cases')
    .select(['id', 'ref', 'title', 'updated_at'])
    .where('workspace_id', '=', workspaceId)
    .where('merged_into_id', '=', caseId)
    .orderBy(isPostgres(db) ? sql`updated_at` : sql`+updated_at`)
    .orderBy('id')
    .execute();
}

/** Moves some of a case's customer messages to another case (a split); returns the ids that were on the first case. */
export async function moveCustomerMessages(
  db: Db,
  workspaceId: string,
  fromCaseId: string,
  toCaseId: string,
  ids: readonly string[],
): Promise<string[]> {
  if (ids.length === 0) return [];
  const found = await db
    .selectFrom('customer_messages')
    .select('id')
    .where('workspace_id', '=', workspaceId)
    .where('case_id', '=', fromCaseId)
    .where('id', 'in', ids)
    .execute();
  if (found.length > 0)
    await db
      .updateTable('customer_messages')
      .set({ case_id: toCaseId })
      .where('workspace_id', '=', workspaceId)
      .where(
        'id',
        'in',
        found.map((m) => m.id),
      )
      .execute();
  return found.map((m) => m.id);
}
