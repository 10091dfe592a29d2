import type { Kysely } from 'kysely';
import { sql } from 'kysely';

/**
 * Learning digests: a team's weekly meeting agenda and the newsletter. A draft holds which cases it
 * tells and the reviewer's redaction changes; approving it freezes the redacted document that is
 * shown to readers and mailed, so what goes out is exactly what a reviewer saw.
 */
export async function up(db: Kysely<unknown>, kind: 'sqlite' | 'postgres'): Promise<void> {
  const tsType = (kind === 'postgres' ? sql`timestamptz` : sql`text`) as unknown as 'text';
  await db.schema
    .createTable('digests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    // 'team_meeting' or 'newsletter'
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('team_id', 'text')
    // An ISO week (YYYY-Www) for an agenda; the day its window starts (YYYY-MM-DD) for a newsletter.
    .addColumn('period', 'text', (c) => c.notNull())
    // 'draft' or 'approved'
    .addColumn('status', 'text', (c) => c.notNull())
    // JSON: the stories' case ids with each one's redaction changes
    .addColumn('selection', 'text', (c) => c.notNull())
    // JSON: the redacted document as approved (null while a draft)
    .addColumn('approved_document', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', tsType, (c) => c.notNull())
    .addColumn('updated_at', tsType, (c) => c.notNull())
    .addColumn('approved_by', 'text')
    .addColumn('approved_at', tsType)
    .addColumn('sent_at', tsType)
    // JSON string[]: who it was mailed to
    .addColumn('sent_to', 'text')
    .execute();
  await db.schema.createIndex('digests_period').on('digests').columns(['workspace_id', 'kind', 'period', 'team_id']).execute();
}
