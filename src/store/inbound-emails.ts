import type { CaseRow, Db, InboundEmailRow } from './schema.js';

export async function insertInboundEmail(db: Db, row: InboundEmailRow): Promise<void> {
  await db.insertInto('inbound_emails').values(row).execute();
}

/** Whether this workspace already received the message (a mailbox polled twice, a retrying sender). */
export async function hasInboundEmail(db: Db, workspaceId: string, messageId: string): Promise<boolean> {
  const row = await db
    .selectFrom('inbound_emails')
    .select('id')
    .where('workspace_id', '=', workspaceId)
    .where('message_id', '=', messageId)
    .executeTakeFirst();
  return row !== undefined;
}

export function findInboundEmail(db: Db, workspaceId: string, id: string): Promise<InboundEmailRow | undefined> {
  return db.selectFrom('inbound_emails').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
}

/** The workspace's received mail in one status, newest first. */
export function listInboundEmails(db: Db, workspaceId: string, status: string, limit: number): Promise<InboundEmailRow[]> {
  return db
    .selectFrom('inbound_emails')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('status', '=', status)
    .orderBy('received_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

/** Moves a held mail on (placed on a case, or dismissed), only if it is still held; false when it was not. */
export async function settleHeldEmail(
  db: Db,
  workspaceId: string,
  id: string,
  change: { status: 'placed' | 'dismissed'; caseId: string | null; by: string; at: string },
): Promise<boolean> {
  const result = await db
    .updateTable('inbound_emails')
    .set({ status: change.status, case_id: change.caseId, placed_by: change.by, placed_at: change.at })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .where('status', '=', 'held')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * The cases of every workspace with this reference. A per-case reply address names a case but not
 * its workspace, so this is the one lookup across workspaces; the caller picks the case whose
 * customer wrote, and holds nothing when the reference is ambiguous.
 */
export function casesWithRefInAnyWorkspace(db: Db, ref: string): Promise<CaseRow[]> {
  return db.selectFrom('cases').selectAll().where('ref', '=', ref).orderBy('workspace_id').execute();
}
