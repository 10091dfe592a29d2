import type { Db, InboundEmailFileRow } from './schema.js';

export async function insertInboundEmailFiles(db: Db, rows: readonly InboundEmailFileRow[]): Promise<void> {
  if (rows.length > 0)
    await db
      .insertInto('inbound_email_files')
      .values([...rows])
      .execute();
}

/** The files of these received emails, in each email's order. */
export function listInboundEmailFiles(db: Db, workspaceId: string, emailIds: readonly string[]): Promise<InboundEmailFileRow[]> {
  if (emailIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('inbound_email_files')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('inbound_email_id', 'in', [...emailIds])
    .orderBy('inbound_email_id')
    .orderBy('position')
    .execute();
}

/** Records which attachment a held mail's kept file became. */
export async function markInboundFileAttached(db: Db, workspaceId: string, id: string, attachmentId: string): Promise<void> {
  await db
    .updateTable('inbound_email_files')
    .set({ attachment_id: attachmentId })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .execute();
}

/** Forgets a dismissed mail's kept files (their bytes are removed by the caller). */
export async function forgetInboundFiles(db: Db, workspaceId: string, emailId: string): Promise<void> {
  await db
    .updateTable('inbound_email_files')
    .set({ refused: 'removed when the email was dismissed', sha256: null })
    .where('workspace_id', '=', workspaceId)
    .where('inbound_email_id', '=', emailId)
    .where('refused', 'is', null)
    .execute();
}
