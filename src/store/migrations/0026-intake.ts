import type { Kysely } from 'kysely';
import { sql } from 'kysely';

/**
 * Reaching customers where they are: private status links (only their hash is kept), what customers
 * tell us on the status page or by email, and inbound mail we received (placed on a case, or held for
 * a person to place). Our own automatic mail says so in `Auto-Submitted`, so other systems do not answer it.
 */
export async function up(db: Kysely<unknown>, kind: 'sqlite' | 'postgres'): Promise<void> {
  const tsType = (kind === 'postgres' ? sql`timestamptz` : sql`text`) as unknown as 'text';
  await db.schema.alterTable('outbox_emails').addColumn('auto_submitted', 'text').execute();

  await db.schema
    .createTable('case_status_links')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', tsType, (c) => c.notNull())
    .addColumn('revoked_at', tsType)
    .addColumn('revoked_by', 'text')
    .execute();
  await sql`create index case_status_links_case on case_status_links (workspace_id, case_id)`.execute(db);

  await db.schema
    .createTable('customer_messages')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('via', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('received_at', tsType, (c) => c.notNull())
    .addColumn('inbound_email_id', 'text')
    .execute();
  await sql`create index customer_messages_case on customer_messages (workspace_id, case_id, received_at)`.execute(db);

  await db.schema
    .createTable('inbound_emails')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('message_id', 'text')
    .addColumn('from_address', 'text', (c) => c.notNull())
    .addColumn('from_name', 'text')
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('text_body', 'text', (c) => c.notNull())
    .addColumn('received_at', tsType, (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('case_id', 'text')
    .addColumn('placed_by', 'text')
    .addColumn('placed_at', tsType)
    .execute();
  // One row per received message: a mailbox polled twice, or a sender retrying, files nothing twice.
  await sql`create unique index inbound_emails_message on inbound_emails (workspace_id, message_id)`.execute(db);
  await sql`create index inbound_emails_status on inbound_emails (workspace_id, status, received_at)`.execute(db);
}
