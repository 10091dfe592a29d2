import type { CustomerMessageRow, Db } from './schema.js';

export async function insertCustomerMessage(db: Db, row: CustomerMessageRow): Promise<void> {
  await db.insertInto('customer_messages').values(row).execute();
}

/** A case's messages from its customer, oldest first. */
export function listCustomerMessages(db: Db, workspaceId: string, caseId: string): Promise<CustomerMessageRow[]> {
  return db
    .selectFrom('customer_messages')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('case_id', '=', caseId)
    .orderBy('received_at')
    .orderBy('id')
    .execute();
}
