import type { Kysely } from 'kysely';
import { sql } from 'kysely';

/**
 * Data rights: requests from customers and employees (who asked, how their identity was checked,
 * the legal deadline, done or refused with a reason), legal holds over cases, customers and
 * employees (several at once, each released with a reason), the workspace's retention rule, and the
 * expiry of an abuse flag on a customer.
 */
export async function up(db: Kysely<unknown>, kind: 'sqlite' | 'postgres'): Promise<void> {
  const tsType = (kind === 'postgres' ? sql`timestamptz` : sql`text`) as unknown as 'text';
  await db.schema.alterTable('customers').addColumn('flag_expires_at', tsType).execute();

  await db.schema
    .createTable('data_requests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('subject_kind', 'text', (c) => c.notNull()) // customer | employee
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull()) // access | erasure
    .addColumn('regime', 'text', (c) => c.notNull()) // gdpr | ccpa
    .addColumn('requested_by', 'text', (c) => c.notNull())
    .addColumn('identity_check', 'text', (c) => c.notNull())
    .addColumn('received_at', tsType, (c) => c.notNull())
    .addColumn('due_at', tsType, (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull()) // open | done | refused
    .addColumn('outcome', 'text')
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', tsType, (c) => c.notNull())
    .addColumn('closed_by', 'text', (c) => c.references('users.id'))
    .addColumn('closed_at', tsType)
    .execute();
  await db.schema.createIndex('data_requests_open').on('data_requests').columns(['workspace_id', 'status', 'due_at']).execute();

  await db.schema
    .createTable('legal_holds')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('matter', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', tsType, (c) => c.notNull())
    .addColumn('released_by', 'text', (c) => c.references('users.id'))
    .addColumn('released_at', tsType)
    .addColumn('release_reason', 'text')
    .execute();
  await db.schema
    .createTable('legal_hold_subjects')
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('hold_id', 'text', (c) => c.notNull().references('legal_holds.id'))
    .addColumn('subject_kind', 'text', (c) => c.notNull()) // case | customer | employee
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('legal_hold_subjects_pk', ['hold_id', 'subject_kind', 'subject_id'])
    .execute();
  await db.schema
    .createIndex('legal_hold_subjects_subject')
    .on('legal_hold_subjects')
    .columns(['workspace_id', 'subject_kind', 'subject_id'])
    .execute();

  await db.schema
    .createTable('retention_settings')
    .addColumn('workspace_id', 'text', (c) => c.primaryKey().references('workspaces.id'))
    // Months after a customer's last case closed before their personal data is erased; null: never.
    .addColumn('customer_months', 'integer')
    .addColumn('updated_by', 'text', (c) => c.references('users.id'))
    .addColumn('updated_at', tsType, (c) => c.notNull())
    .execute();
}
