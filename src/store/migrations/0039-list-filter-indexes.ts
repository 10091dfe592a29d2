import type { Kysely } from 'kysely';
import { sql } from 'kysely';

/**
 * A list filtered by status counts its matches (up to a thousand) through the status index, and read
 * each case's row to check its team, handler, severity and whether it was merged: 16,000 rows for a
 * supervisor's open cases at a million. The index now carries those columns after its own, so the
 * count is read from the index alone; its order (status, then reported) is unchanged.
 * The abuse-flag filter read every customer of the workspace to find the few flagged: a partial
 * index holds those alone (the filter spells the same condition).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`drop index cases_ws_status`.execute(db);
  await sql`create index cases_ws_status on cases (workspace_id, status, reported_at, team_id, assignee_id, severity, merged_into_id)`.execute(
    db,
  );
  await sql`create index customers_flagged on customers (workspace_id, flagged_at) where flagged_at is not null`.execute(db);
}
