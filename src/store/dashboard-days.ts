import { sql } from 'kysely';
import { localDate, nextBucket, startOfLocalDate } from '../domain/dashboard-metrics.js';
import { addCase, addFollowUp, addPromise, addReply, emptySummary, mergeInto, type Summary } from '../domain/dashboard-summary.js';
import {
  type DashboardFilter,
  dashboardCaseRows,
  dashboardCommitmentRows,
  dashboardFollowUpRows,
  dashboardReplyRows,
} from './dashboard.js';
import { isPostgres } from './db.js';
import type { Db } from './schema.js';

/**
 * The dashboard's daily rollups (migration 0040): summaries per workspace, local date and team,
 * rebuilt from the raw rows for the days the triggers marked stale. The same folding of raw rows
 * (summariesOf) serves the rollups and the dashboard's direct reads, so both count alike.
 */

/** A summary of the cases reported on one local date in one team (null: no team). */
export type DaySummary = { date: string; teamId: string | null; summary: Summary };

/** The cases the filter matches, folded into one summary per local reporting date and team. */
export async function summariesOf(db: Db, f: DashboardFilter, timeZone: string): Promise<DaySummary[]> {
  const [cases, followUps, commitments, replies] = await Promise.all([
    dashboardCaseRows(db, f),
    dashboardFollowUpRows(db, f),
    dashboardCommitmentRows(db, f),
    dashboardReplyRows(db, f),
  ]);
  const groups = new Map<string, DaySummary>();
  const ofCase = new Map<string, Summary>();
  for (const c of cases) {
    const date = localDate(c.reported_at, timeZone);
    const key = `${date}|${c.team_id ?? ''}`;
    let group = groups.get(key);
    if (!group) {
      group = { date, teamId: c.team_id, summary: emptySummary() };
      groups.set(key, group);
    }
    addCase(group.summary, c, timeZone);
    ofCase.set(c.id, group.summary);
  }
  for (const f of followUps) {
    const s = ofCase.get(f.case_id);
    if (s) addFollowUp(s, f);
  }
  for (const p of commitments) {
    const s = ofCase.get(p.case_id);
    if (s) addPromise(s, p);
  }
  for (const r of replies) {
    const s = ofCase.get(r.case_id);
    if (s) addReply(s, r.at, r.data, timeZone);
  }
  return [...groups.values()];
}

/** The local date before a date. */
export const previousDate = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

/** Runs of consecutive dates, each at most `max` long, as [first, last]. */
function runsOf(dates: readonly string[], max: number): [string, string][] {
  const sorted = [...new Set(dates)].sort();
  const runs: [string, string][] = [];
  let length = 0;
  for (const date of sorted) {
    const last = runs[runs.length - 1];
    if (last && nextBucket(last[1], 'day') === date && length < max) {
      last[1] = date;
      length += 1;
    } else {
      runs.push([date, date]);
      length = 1;
    }
  }
  return runs;
}

const INSERT_BATCH = 200;

/** Rebuilds the rollup rows of some local dates from the raw rows, a month at a time. */
export async function rebuildDashboardDays(db: Db, workspaceId: string, timeZone: string, dates: readonly string[]): Promise<void> {
  for (const [first, last] of runsOf(dates, 31)) {
    const from = startOfLocalDate(first, timeZone);
    const to = startOfLocalDate(nextBucket(last, 'day'), timeZone);
    const [parts, resolvedRows] = await Promise.all([
      summariesOf(db, { workspaceId, from, to }, timeZone),
      db
        .selectFrom('cases')
        .select(['team_id', 'resolved_at'])
        .where('workspace_id', '=', workspaceId)
        .where('resolved_at', '>=', from)
        .where('resolved_at', '<', to)
        .execute(),
    ]);
    const rows = new Map<string, { local_date: string; team_id: string; cases: number; resolved: number; summary: Summary }>();
    const rowOf = (date: string, team: string | null) => {
      const key = `${date}|${team ?? ''}`;
      let row = rows.get(key);
      if (!row) {
        row = { local_date: date, team_id: team ?? '', cases: 0, resolved: 0, summary: emptySummary() };
        rows.set(key, row);
      }
      return row;
    };
    for (const p of parts) {
      const row = rowOf(p.date, p.teamId);
      row.summary = p.summary;
      row.cases = p.summary.cases;
    }
    for (const r of resolvedRows) rowOf(localDate(r.resolved_at as string, timeZone), r.team_id).resolved += 1;
    await db
      .deleteFrom('dashboard_days')
      .where('workspace_id', '=', workspaceId)
      .where('local_date', '>=', first)
      .where('local_date', '<=', last)
      .execute();
    const values = [...rows.values()].map((r) => ({ workspace_id: workspaceId, ...r, summary: JSON.stringify(r.summary) }));
    for (let i = 0; i < values.length; i += INSERT_BATCH)
      await db
        .insertInto('dashboard_days')
        .values(values.slice(i, i + INSERT_BATCH))
        .execute();
  }
  for (const month of new Set(dates.map((d) => d.slice(0, 7)))) await rebuildMonth(db, workspaceId, month);
}

/** The last local date of a date's month. */
export const lastOfMonth = (date: string): string => previousDate(nextBucket(`${date.slice(0, 7)}-01`, 'month'));

/** Merges a month's day rows per team into its month rows. */
async function rebuildMonth(db: Db, workspaceId: string, month: string): Promise<void> {
  const days = await dashboardDays(db, workspaceId, `${month}-01`, lastOfMonth(`${month}-01`));
  const teams = new Map<string, Summary>();
  for (const d of days) {
    const key = d.teamId ?? '';
    teams.set(key, mergeInto(teams.get(key) ?? emptySummary(), d.summary));
  }
  await db.deleteFrom('dashboard_months').where('workspace_id', '=', workspaceId).where('month', '=', month).execute();
  const values = [...teams].map(([team_id, summary]) => ({ workspace_id: workspaceId, month, team_id, summary: JSON.stringify(summary) }));
  for (let i = 0; i < values.length; i += INSERT_BATCH)
    await db
      .insertInto('dashboard_months')
      .values(values.slice(i, i + INSERT_BATCH))
      .execute();
}

/** The month rows of a range of local months (YYYY-MM), of some teams or of all. */
export async function dashboardMonths(
  db: Db,
  workspaceId: string,
  first: string,
  last: string,
  teamIds?: readonly string[],
): Promise<{ teamId: string | null; summary: Summary }[]> {
  let q = db
    .selectFrom('dashboard_months')
    .select(['team_id', 'summary'])
    .where('workspace_id', '=', workspaceId)
    .where('month', '>=', first)
    .where('month', '<=', last);
  if (teamIds) q = q.where('team_id', 'in', [...teamIds]);
  const rows = await q.execute();
  return rows.map((r) => ({ teamId: r.team_id === '' ? null : r.team_id, summary: JSON.parse(r.summary) as Summary }));
}

/**
 * Brings the workspace's rollups up to date: the local dates each stale UTC date touches (a zone
 * is at most a day off UTC) are rebuilt, and the marks removed. Run it in a transaction; on
 * PostgreSQL the workspace's row is locked first, so two readers never rebuild the same days at once.
 * Returns how many UTC dates were stale.
 */
export async function refreshDashboardDays(db: Db, workspaceId: string, timeZone: string): Promise<number> {
  if (isPostgres(db)) await sql`select id from workspaces where id = ${workspaceId} for update`.execute(db);
  const stale = (await db.selectFrom('dashboard_stale').select('utc_date').where('workspace_id', '=', workspaceId).execute()).map(
    (r) => r.utc_date,
  );
  if (stale.length === 0) return 0;
  for (let i = 0; i < stale.length; i += 500)
    await db
      .deleteFrom('dashboard_stale')
      .where('workspace_id', '=', workspaceId)
      .where('utc_date', 'in', stale.slice(i, i + 500))
      .execute();
  const dates = stale.flatMap((u) => [localDate(`${u}T00:00:00.000Z`, timeZone), localDate(`${u}T23:59:59.999Z`, timeZone)]);
  await rebuildDashboardDays(db, workspaceId, timeZone, dates);
  return stale.length;
}

/** Whether any of the workspace's days waits to be rebuilt (the common case, none, costs one key lookup). */
export async function hasStaleDays(db: Db, workspaceId: string): Promise<boolean> {
  return (
    (await db.selectFrom('dashboard_stale').select('utc_date').where('workspace_id', '=', workspaceId).limit(1).executeTakeFirst()) !==
    undefined
  );
}

/**
 * Forgets the workspace's rollups and marks every day that holds a case stale: its local dates
 * moved with its time zone. The next dashboard read rebuilds them.
 */
export async function resetDashboardDays(db: Db, workspaceId: string): Promise<void> {
  await db.deleteFrom('dashboard_days').where('workspace_id', '=', workspaceId).execute();
  await db.deleteFrom('dashboard_months').where('workspace_id', '=', workspaceId).execute();
  const utcDate = (column: 'reported_at' | 'resolved_at') =>
    isPostgres(db) ? sql.raw(`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD')`) : sql.raw(`substr(${column}, 1, 10)`);
  // A date already marked stale stays marked: the insert skips it on both databases.
  await sql`insert ${isPostgres(db) ? sql`` : sql`or ignore`} into dashboard_stale (workspace_id, utc_date)
    select distinct workspace_id, ${utcDate('reported_at')} from cases where workspace_id = ${workspaceId}
    union select distinct workspace_id, ${utcDate('resolved_at')} from cases where workspace_id = ${workspaceId} and resolved_at is not null
    ${isPostgres(db) ? sql`on conflict do nothing` : sql``}`.execute(db);
}

/** The rollup rows of a range of local dates, of some teams ('' is "no team") or of all. */
export async function dashboardDays(
  db: Db,
  workspaceId: string,
  first: string,
  last: string,
  teamIds?: readonly string[],
): Promise<DaySummary[]> {
  let q = db
    .selectFrom('dashboard_days')
    .select(['local_date', 'team_id', 'summary'])
    .where('workspace_id', '=', workspaceId)
    .where('local_date', '>=', first)
    .where('local_date', '<=', last)
    .where('cases', '>', 0);
  if (teamIds) q = q.where('team_id', 'in', [...teamIds]);
  const rows = await q.execute();
  return rows.map((r) => ({ date: r.local_date, teamId: r.team_id === '' ? null : r.team_id, summary: JSON.parse(r.summary) as Summary }));
}

/** Cases reported and resolved per local date up to and including `last`, for the backlog. */
export async function dashboardDayCounts(
  db: Db,
  workspaceId: string,
  last: string,
  teamIds?: readonly string[],
): Promise<{ date: string; reported: number; resolved: number }[]> {
  let q = db
    .selectFrom('dashboard_days')
    .select('local_date')
    .select((eb) => [eb.fn.sum<number | string>('cases').as('reported'), eb.fn.sum<number | string>('resolved').as('resolved')])
    .where('workspace_id', '=', workspaceId)
    .where('local_date', '<=', last)
    .groupBy('local_date')
    .orderBy('local_date');
  if (teamIds) q = q.where('team_id', 'in', [...teamIds]);
  const rows = await q.execute();
  return rows.map((r) => ({ date: r.local_date, reported: Number(r.reported), resolved: Number(r.resolved) }));
}
