import type { Kysely } from 'kysely';
import { sql } from 'kysely';

/**
 * A reply to a customer is a real email: its outbox row names the case it belongs to, carries the
 * Message-ID the timeline shows and the per-case Reply-To that inbound mail threads back on.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('outbox_emails').addColumn('case_id', 'text').execute();
  await db.schema.alterTable('outbox_emails').addColumn('message_id', 'text').execute();
  await db.schema.alterTable('outbox_emails').addColumn('reply_to', 'text').execute();
  // Inbound replies (the integrations issue) find the mail they answer by its Message-ID.
  await sql`create index outbox_emails_message_id on outbox_emails (message_id)`.execute(db);
}
