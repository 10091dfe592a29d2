import { type Kysely, sql } from 'kysely';

/** The case columns a dashboard figure reads: a change to any of them makes the case's days stale. */
const COUNTED_CASE_COLUMNS =
  'reported_at, resolved_at, team_id, channel, severity, root_cause_category, acknowledged_at, acknowledge_breached_at, resolve_breached_at, impact_amount_minor, impact_currency, impact_kind, risk_flags';

/**
 * The dashboard's daily rollups: one row per workspace, local date and team with the day's
 * mergeable summary (src/domain/dashboard-summary.ts), the cases reported and the cases resolved
 * that day (for the backlog), and the same per local month. Triggers mark a UTC date stale in the same transaction as any change
 * a figure counts — a case, its follow-ups, its promises, a reply — and the next dashboard read
 * rebuilds the local days that date touches before it reads (store/dashboard-days.ts). Triggers
 * rather than calls in every writer, so no write path (imports, merges, erasure, sweeps) can forget.
 * Every day that already holds cases is marked stale here; 0043 rebuilds them (0041 did, before).
 */
export async function up(db: Kysely<unknown>, kind: 'sqlite' | 'postgres'): Promise<void> {
  await db.schema
    .createTable('dashboard_days')
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('local_date', 'text', (c) => c.notNull())
    // '' for cases without a team: a primary key column cannot be null.
    .addColumn('team_id', 'text', (c) => c.notNull())
    .addColumn('cases', 'integer', (c) => c.notNull())
    .addColumn('resolved', 'integer', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('dashboard_days_pk', ['workspace_id', 'local_date', 'team_id'])
    .execute();
  // The same summaries merged per local month, so a long period reads a row a month rather than a day.
  await db.schema
    .createTable('dashboard_months')
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('team_id', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('dashboard_months_pk', ['workspace_id', 'month', 'team_id'])
    .execute();
  await db.schema
    .createTable('dashboard_stale')
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('utc_date', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('dashboard_stale_pk', ['workspace_id', 'utc_date'])
    .execute();
  // The days a case was resolved on are rebuilt with the days it was reported on (the backlog counts both).
  await sql`create index cases_ws_resolved_at on cases (workspace_id, resolved_at) where resolved_at is not null`.execute(db);
  if (kind === 'postgres') await postgresTriggers(db);
  else await sqliteTriggers(db);
  const utcDate = (column: string) =>
    kind === 'postgres' ? sql.raw(`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD')`) : sql.raw(`substr(${column}, 1, 10)`);
  await sql`insert into dashboard_stale (workspace_id, utc_date)
    select distinct workspace_id, ${utcDate('reported_at')} from cases
    union select distinct workspace_id, ${utcDate('resolved_at')} from cases where resolved_at is not null`.execute(db);
}

async function sqliteTriggers(db: Kysely<unknown>): Promise<void> {
  const mark = (row: 'new' | 'old', column: string) =>
    `insert or ignore into dashboard_stale (workspace_id, utc_date) select ${row}.workspace_id, substr(${row}.${column}, 1, 10) where ${row}.${column} is not null;`;
  const both = (row: 'new' | 'old') => `${mark(row, 'reported_at')} ${mark(row, 'resolved_at')}`;
  await sql.raw(`create trigger dashboard_cases_insert after insert on cases begin ${both('new')} end`).execute(db);
  await sql
    .raw(`create trigger dashboard_cases_update after update of ${COUNTED_CASE_COLUMNS} on cases begin ${both('new')} ${both('old')} end`)
    .execute(db);
  await sql.raw(`create trigger dashboard_cases_delete after delete on cases begin ${both('old')} end`).execute(db);
  // A row of a case's own (follow-up, promise, reply) marks the day its case was reported on.
  const markCase = (row: 'new' | 'old') =>
    `insert or ignore into dashboard_stale (workspace_id, utc_date) select workspace_id, substr(reported_at, 1, 10) from cases where id = ${row}.case_id;`;
  for (const [table, columns] of [
    ['follow_ups', 'case_id, status, sent_at, satisfaction, answer, party'],
    ['commitments', 'case_id, status, due_at, closed_at, owner_id'],
  ] as const) {
    await sql.raw(`create trigger dashboard_${table}_insert after insert on ${table} begin ${markCase('new')} end`).execute(db);
    await sql
      .raw(
        `create trigger dashboard_${table}_update after update of ${columns} on ${table} begin ${markCase('new')} ${markCase('old')} end`,
      )
      .execute(db);
    await sql.raw(`create trigger dashboard_${table}_delete after delete on ${table} begin ${markCase('old')} end`).execute(db);
  }
  await sql
    .raw(`create trigger dashboard_replies_insert after insert on case_events when new.kind = 'reply' begin ${markCase('new')} end`)
    .execute(db);
  await sql
    .raw(`create trigger dashboard_replies_delete after delete on case_events when old.kind = 'reply' begin ${markCase('old')} end`)
    .execute(db);
}

async function postgresTriggers(db: Kysely<unknown>): Promise<void> {
  await sql`create function dashboard_mark_stale(ws text, at timestamptz) returns void language sql as $$
    insert into dashboard_stale (workspace_id, utc_date)
    select ws, to_char(at at time zone 'UTC', 'YYYY-MM-DD') where at is not null
    on conflict do nothing $$`.execute(db);
  await sql`create function dashboard_case_changed() returns trigger language plpgsql as $$
    begin
      if tg_op <> 'DELETE' then
        perform dashboard_mark_stale(new.workspace_id, new.reported_at);
        perform dashboard_mark_stale(new.workspace_id, new.resolved_at);
      end if;
      if tg_op <> 'INSERT' then
        perform dashboard_mark_stale(old.workspace_id, old.reported_at);
        perform dashboard_mark_stale(old.workspace_id, old.resolved_at);
      end if;
      return null;
    end $$`.execute(db);
  await sql`create function dashboard_case_row_changed() returns trigger language plpgsql as $$
    begin
      if tg_op <> 'DELETE' then
        perform dashboard_mark_stale(c.workspace_id, c.reported_at) from cases c where c.id = new.case_id;
      end if;
      if tg_op <> 'INSERT' then
        perform dashboard_mark_stale(c.workspace_id, c.reported_at) from cases c where c.id = old.case_id;
      end if;
      return null;
    end $$`.execute(db);
  await sql
    .raw(`create trigger dashboard_cases_changed after insert or delete or update of ${COUNTED_CASE_COLUMNS} on cases
      for each row execute function dashboard_case_changed()`)
    .execute(db);
  await sql`create trigger dashboard_follow_ups_changed after insert or delete or update of case_id, status, sent_at, satisfaction, answer, party
      on follow_ups for each row execute function dashboard_case_row_changed()`.execute(db);
  await sql`create trigger dashboard_commitments_changed after insert or delete or update of case_id, status, due_at, closed_at, owner_id
      on commitments for each row execute function dashboard_case_row_changed()`.execute(db);
  await sql`create trigger dashboard_replies_inserted after insert on case_events
      for each row when (new.kind = 'reply') execute function dashboard_case_row_changed()`.execute(db);
  await sql`create trigger dashboard_replies_deleted after delete on case_events
      for each row when (old.kind = 'reply') execute function dashboard_case_row_changed()`.execute(db);
}
