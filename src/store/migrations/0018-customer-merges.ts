import type { Kysely } from 'kysely';
import { sql } from 'kysely';

/**
 * Duplicate customers can be merged: the duplicate stays as a tombstone that names the record it
 * went into, the merge itself is kept (who, when, which cases moved), and contact details the kept
 * record did not have are carried over as its further contacts. An index on a case's customer
 * serves the customer page and the inbox's customer-signal filters.
 */
export async function up(db: Kysely<unknown>, kind: 'sqlite' | 'postgres'): Promise<void> {
  const tsType = (kind === 'postgres' ? sql`timestamptz` : sql`text`) as unknown as 'text';
  await db.schema
    .alterTable('customers')
    .addColumn('merged_into_id', 'text', (c) => c.references('customers.id'))
    .execute();
  await db.schema.alterTable('customers').addColumn('merged_at', tsType).execute();

  await db.schema
    .createTable('customer_contacts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('customer_id', 'text', (c) => c.notNull().references('customers.id'))
    .addColumn('kind', 'text', (c) => c.notNull()) // email | phone
    .addColumn('value', 'text', (c) => c.notNull())
    // The merged record it came from, so the page can say where a contact was learnt.
    .addColumn('from_customer_id', 'text', (c) => c.references('customers.id'))
    .addColumn('created_at', tsType, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('customer_contacts_customer').on('customer_contacts').columns(['workspace_id', 'customer_id']).execute();

  await db.schema
    .createTable('customer_merges')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('from_customer_id', 'text', (c) => c.notNull().references('customers.id'))
    .addColumn('into_customer_id', 'text', (c) => c.notNull().references('customers.id'))
    .addColumn('merged_by', 'text', (c) => c.references('users.id'))
    .addColumn('merged_at', tsType, (c) => c.notNull())
    // JSON string[]: the ids of the cases that moved
    .addColumn('case_ids', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('customer_merges_into').on('customer_merges').columns(['workspace_id', 'into_customer_id']).execute();
  await db.schema.createIndex('customer_merges_from').on('customer_merges').columns(['workspace_id', 'from_customer_id']).execute();

  await db.schema.createIndex('cases_customer').on('cases').columns(['workspace_id', 'customer_id', 'reported_at']).execute();
}
