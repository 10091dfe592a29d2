import type { Kysely } from 'kysely';
import { refreshDashboardDays } from '../dashboard-days.js';
import type { Db } from '../schema.js';

/**
 * Builds the dashboard's daily rollups for the cases already there (0040 marked their days stale),
 * each workspace in its own time zone — a month of days per read, so a million cases take minutes,
 * not the memory of a million rows.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const store = db as unknown as Db;
  const workspaces = await store.selectFrom('workspaces').select(['id', 'time_zone']).execute();
  for (const w of workspaces) await refreshDashboardDays(store, w.id, w.time_zone);
}
