import type { Kysely } from 'kysely';
import { sql } from 'kysely';

/**
 * Files on a case (a photo of a receipt, a damaged item): the bytes live in the attachments
 * directory, this row says what they are; the timeline event carries their SHA-256.
 */
export async function up(db: Kysely<unknown>, kind: 'sqlite' | 'postgres'): Promise<void> {
  const tsType = (kind === 'postgres' ? sql`timestamptz` : sql`text`) as unknown as 'text';
  await db.schema
    .createTable('attachments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('statement_id', 'text')
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('added_by', 'text')
    .addColumn('added_at', tsType, (c) => c.notNull())
    .execute();
  await sql`create index attachments_case on attachments (workspace_id, case_id, added_at)`.execute(db);
}
