import type { Kysely } from 'kysely';
import { sql } from 'kysely';

/**
 * The files a received email carried: kept ones point at the attachment they became on a case (or,
 * while the mail is held, have their bytes waiting in the attachments directory under their own id);
 * refused ones say why, so staff know a file was sent that Defuse did not keep.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('inbound_email_files')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('inbound_email_id', 'text', (c) => c.notNull().references('inbound_emails.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text')
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text')
    .addColumn('refused', 'text')
    .addColumn('attachment_id', 'text')
    .execute();
  await sql`create index inbound_email_files_email on inbound_email_files (workspace_id, inbound_email_id, position)`.execute(db);
}
