import type { Kysely } from 'kysely';
import { sql } from 'kysely';

/**
 * Imports of past tickets from another helpdesk. `imports` is one run (its progress, counts and the
 * rows it refused); `imported_cases` names the case each source ticket became, keyed by the source and
 * its ticket id, so importing the same file again creates nothing twice. Customers are found by
 * address (lower case) through an index, which the intake's lookups by email use too.
 */
export async function up(db: Kysely<unknown>, kind: 'sqlite' | 'postgres'): Promise<void> {
  const tsType = (kind === 'postgres' ? sql`timestamptz` : sql`text`) as unknown as 'text';
  await db.schema
    .createTable('imports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('time_zone', 'text', (c) => c.notNull())
    .addColumn('encoding', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('total_rows', 'integer', (c) => c.notNull())
    .addColumn('processed_rows', 'integer', (c) => c.notNull())
    .addColumn('created_cases', 'integer', (c) => c.notNull())
    .addColumn('skipped_rows', 'integer', (c) => c.notNull())
    .addColumn('failed_rows', 'integer', (c) => c.notNull())
    .addColumn('created_customers', 'integer', (c) => c.notNull())
    .addColumn('errors', 'text', (c) => c.notNull())
    .addColumn('failure', 'text')
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('started_at', tsType, (c) => c.notNull())
    .addColumn('updated_at', tsType, (c) => c.notNull())
    .addColumn('finished_at', tsType)
    .execute();
  await db.schema.createIndex('imports_ws_started').on('imports').columns(['workspace_id', 'started_at']).execute();
  await db.schema
    .createTable('imported_cases')
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('external_id', 'text', (c) => c.notNull())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('import_id', 'text', (c) => c.notNull().references('imports.id'))
    .addPrimaryKeyConstraint('imported_cases_pk', ['workspace_id', 'source', 'external_id'])
    .execute();
  await db.schema.createIndex('imported_cases_case').on('imported_cases').columns(['case_id']).execute();
  await sql`create index customers_ws_email on customers (workspace_id, lower(email))`.execute(db);
  await sql`create index customer_contacts_ws_value on customer_contacts (workspace_id, kind, lower(value))`.execute(db);
}
