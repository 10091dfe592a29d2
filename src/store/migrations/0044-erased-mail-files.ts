import type { Kysely } from 'kysely';
import { sql } from 'kysely';

/**
 * When the file a received email carried was erased with the customer's personal data (0036 does the
 * same for attachments): a held mail's waiting file is then never placed on a case.
 */
export async function up(db: Kysely<unknown>, kind: 'sqlite' | 'postgres'): Promise<void> {
  const tsType = (kind === 'postgres' ? sql`timestamptz` : sql`text`) as unknown as 'text';
  await db.schema.alterTable('inbound_email_files').addColumn('erased_at', tsType).execute();
}
