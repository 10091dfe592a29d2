import type { Kysely } from 'kysely';
import { sql } from 'kysely';

/**
 * A list filtered by status counts its matches (up to a thousand) through the status index, and read
 * each case's row to check its team, handler, severity and whether it was merged: 16,000 rows for a
 * supervisor's open cases at a million. The index now carries those columns after its own, so the
 * count is read from the index alone; its order (status, then reported) is unchanged.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`drop index cases_ws_status`.execute(db);
  await sql`create index cases_ws_status on cases (workspace_id, status, reported_at, team_id, assignee_id, severity, merged_into_id)`.execute(
    db,
  );
}
