import type { Kysely } from 'kysely';
import { sql } from 'kysely';

/**
 * When a file's bytes were erased with the customer's personal data. The row stays, with the SHA-256
 * its `attachment_added` event carries, so the timeline still verifies and the file list can say what
 * was there and when it went. (A held mail's files are marked in 0044: their table comes in 0037.)
 */
export async function up(db: Kysely<unknown>, kind: 'sqlite' | 'postgres'): Promise<void> {
  const tsType = (kind === 'postgres' ? sql`timestamptz` : sql`text`) as unknown as 'text';
  await db.schema.alterTable('attachments').addColumn('erased_at', tsType).execute();
}
