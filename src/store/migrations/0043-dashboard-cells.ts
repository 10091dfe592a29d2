import { type Kysely, sql } from 'kysely';
import { refreshDashboardDays, resetDashboardDays } from '../dashboard-days.js';
import type { Db } from '../schema.js';

/**
 * The dashboard's rollups keyed by channel, severity and case type as well as by team, so a
 * dashboard filtered by those reads rollups too instead of every matching case. Each local day (and
 * month) keeps, per team, its total row (channel '', severity 0, case type '') beside one row per
 * channel, severity and case type the team's cases of that day have (case type '': none). The key
 * leads with the channel, so the totals of a range of days are one range of the key and a channel's
 * cells another; dashboard_days_dates serves rebuilding a range of days, dashboard_days_counts the
 * backlog's sums of every day's counts (read from the index alone).
 * The dashboard's reads of a period's cases (the edges of a period, the repeat count under a
 * filter) find the columns they filter on in cases_ws_reported_at, which now carries them after
 * its own (workspace, reported, id), so its order and every plan that walks it stay as they were.
 * A change of case type now marks the case's days stale too. Every workspace's rollups are rebuilt
 * here with today's rollup code (0041 leaves its backfill to this step): a later change to the
 * rollups' shape has to leave this rebuild to its own migration the same way.
 */
export async function up(db: Kysely<unknown>, kind: 'sqlite' | 'postgres'): Promise<void> {
  await sql`drop table dashboard_days`.execute(db);
  await sql`drop table dashboard_months`.execute(db);
  await db.schema
    .createTable('dashboard_days')
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('local_date', 'text', (c) => c.notNull())
    .addColumn('team_id', 'text', (c) => c.notNull())
    .addColumn('severity', 'integer', (c) => c.notNull())
    .addColumn('case_type_id', 'text', (c) => c.notNull())
    .addColumn('cases', 'integer', (c) => c.notNull())
    .addColumn('resolved', 'integer', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('dashboard_days_pk', ['workspace_id', 'channel', 'local_date', 'team_id', 'severity', 'case_type_id'])
    .execute();
  await sql`create index dashboard_days_dates on dashboard_days (workspace_id, local_date)`.execute(db);
  // The backlog sums every day's reported and resolved counts up to the period's end: from this index alone.
  await sql`create index dashboard_days_counts on dashboard_days (workspace_id, channel, local_date, team_id, severity, case_type_id, cases, resolved)`.execute(
    db,
  );
  await db.schema
    .createTable('dashboard_months')
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('team_id', 'text', (c) => c.notNull())
    .addColumn('severity', 'integer', (c) => c.notNull())
    .addColumn('case_type_id', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('dashboard_months_pk', ['workspace_id', 'channel', 'month', 'team_id', 'severity', 'case_type_id'])
    .execute();
  await sql`drop index cases_ws_reported_at`.execute(db);
  await sql`create index cases_ws_reported_at on cases (workspace_id, reported_at, id, team_id, channel, severity, case_type_id, customer_id)`.execute(
    db,
  );
  if (kind === 'postgres')
    await sql`create trigger dashboard_case_type_changed after update of case_type_id on cases
      for each row execute function dashboard_case_changed()`.execute(db);
  else
    await sql
      .raw(`create trigger dashboard_case_type_update after update of case_type_id on cases begin
        insert or ignore into dashboard_stale (workspace_id, utc_date) select new.workspace_id, substr(new.reported_at, 1, 10);
        insert or ignore into dashboard_stale (workspace_id, utc_date) select new.workspace_id, substr(new.resolved_at, 1, 10) where new.resolved_at is not null;
      end`)
      .execute(db);
  const store = db as unknown as Db;
  const workspaces = await store.selectFrom('workspaces').select(['id', 'time_zone']).execute();
  for (const w of workspaces) {
    await resetDashboardDays(store, w.id);
    await refreshDashboardDays(store, w.id, w.time_zone);
  }
}
