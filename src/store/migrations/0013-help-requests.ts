import type { Kysely } from 'kysely';
import { sql } from 'kysely';

/**
 * An employee's call for a supervisor's help on a case, open until someone takes it: kept on the
 * case row (the timeline has the events) so the inbox can find such cases by an index.
 */
export async function up(db: Kysely<unknown>, kind: 'sqlite' | 'postgres'): Promise<void> {
  const tsType = (kind === 'postgres' ? sql`timestamptz` : sql`text`) as unknown as 'text';
  await db.schema.alterTable('cases').addColumn('help_requested_at', tsType).execute();
  await db.schema.alterTable('cases').addColumn('help_requested_by', 'text').execute();
  // Serves the "needs attention" check for open calls for help.
  await sql`create index cases_help_requested on cases (workspace_id, help_requested_at) where help_requested_at is not null`.execute(db);
}
