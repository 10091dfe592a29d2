import { sql } from 'kysely';
import { CHANNELS } from '../domain/case.js';
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
 * The dashboard's daily rollups (migrations 0040, 0043): summaries per workspace, local date and
 * team, and per channel, severity and case type within each team's day (its cells), rebuilt from
 * the raw rows for the days the triggers marked stale. The same folding of raw rows
 * (summariesOf) serves the rollups and the dashboard's direct reads, so both count alike.
 */

/** A rollup's cell: one channel, severity and case type ('' none) of a team's day. */
export type Cell = { channel: string; severity: number; caseTypeId: string };

/** A summary of the cases reported on one local date in one team (null: no team), and in one cell of it when grouped by cell. */
export type DaySummary = { date: string; teamId: string | null; cell?: Cell; summary: Summary };

/** The cases the filter matches, folded into one summary per local reporting date and team, or per date, team and cell. */
export async function summariesOf(db: Db, f: DashboardFilter, timeZone: string, byCell = false): Promise<DaySummary[]> {
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
    const cell = byCell ? { channel: c.channel, severity: c.severity, caseTypeId: c.case_type_id ?? '' } : undefined;
    const key = cell ? `${date}|${c.team_id ?? ''}|${cell.channel}|${cell.severity}|${cell.caseTypeId}` : `${date}|${c.team_id ?? ''}`;
    let group = groups.get(key);
    if (!group) {
      group = { date, teamId: c.team_id, ...(cell ? { cell } : {}), summary: emptySummary() };
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

/** The cells a read takes: undefined for the teams' totals, or the cells of some channels, severities and one case type. */
export type CellFilter = {
  channels?: readonly string[] | undefined;
  severities?: readonly number[] | undefined;
  caseTypeId?: string | undefined;
};

/** A total row's cell columns: no channel is ever '' on a case. */
const TOTAL = { channel: '', severity: 0, case_type_id: '' } as const;

/** The local date before a date. */
export const previousDate = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

/** Runs of consecutive dates, each at most `max` long, as [first, last]. */
export function runsOf(dates: readonly string[], max: number): [string, string][] {
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

type RollupRow = {
  local_date: string;
  team_id: string;
  channel: string;
  severity: number;
  case_type_id: string;
  cases: number;
  resolved: number;
  summary: Summary;
};

/** Rebuilds the rollup rows (teams' totals and their cells) of some local dates from the raw rows, a month at a time. */
export async function rebuildDashboardDays(db: Db, workspaceId: string, timeZone: string, dates: readonly string[]): Promise<void> {
  for (const [first, last] of runsOf(dates, 31)) {
    const from = startOfLocalDate(first, timeZone);
    const to = startOfLocalDate(nextBucket(last, 'day'), timeZone);
    const [parts, resolvedRows] = await Promise.all([
      summariesOf(db, { workspaceId, from, to }, timeZone, true),
      db
        .selectFrom('cases')
        .select(['team_id', 'channel', 'severity', 'case_type_id', 'resolved_at'])
        .where('workspace_id', '=', workspaceId)
        .where('resolved_at', '>=', from)
        .where('resolved_at', '<', to)
        .execute(),
    ]);
    const rows = new Map<string, RollupRow>();
    const rowOf = (date: string, team: string | null, cell: { channel: string; severity: number; case_type_id: string }) => {
      const key = `${date}|${team ?? ''}|${cell.channel}|${cell.severity}|${cell.case_type_id}`;
      let row = rows.get(key);
      if (!row) {
        row = { local_date: date, team_id: team ?? '', ...cell, cases: 0, resolved: 0, summary: emptySummary() };
        rows.set(key, row);
      }
      return row;
    };
    for (const p of parts) {
      const cell = p.cell as Cell;
      const row = rowOf(p.date, p.teamId, { channel: cell.channel, severity: cell.severity, case_type_id: cell.caseTypeId });
      row.summary = p.summary;
      row.cases = p.summary.cases;
      const total = rowOf(p.date, p.teamId, TOTAL);
      mergeInto(total.summary, p.summary);
      total.cases += p.summary.cases;
    }
    for (const r of resolvedRows) {
      const date = localDate(r.resolved_at as string, timeZone);
      const cell = { channel: r.channel, severity: Number(r.severity), case_type_id: r.case_type_id ?? '' };
      rowOf(date, r.team_id, cell).resolved += 1;
      rowOf(date, r.team_id, TOTAL).resolved += 1;
    }
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

/** Merges a month's day rows, totals and cells alike, into its month rows. */
async function rebuildMonth(db: Db, workspaceId: string, month: string): Promise<void> {
  const days = await db
    .selectFrom('dashboard_days')
    .select(['team_id', 'channel', 'severity', 'case_type_id', 'summary'])
    .where('workspace_id', '=', workspaceId)
    .where('local_date', '>=', `${month}-01`)
    .where('local_date', '<=', lastOfMonth(`${month}-01`))
    .where('cases', '>', 0)
    .execute();
  const merged = new Map<string, { team_id: string; channel: string; severity: number; case_type_id: string; summary: Summary }>();
  for (const d of days) {
    const key = `${d.team_id}|${d.channel}|${d.severity}|${d.case_type_id}`;
    const summary = JSON.parse(d.summary) as Summary;
    const m = merged.get(key);
    if (m) mergeInto(m.summary, summary);
    else merged.set(key, { team_id: d.team_id, channel: d.channel, severity: Number(d.severity), case_type_id: d.case_type_id, summary });
  }
  await db.deleteFrom('dashboard_months').where('workspace_id', '=', workspaceId).where('month', '=', month).execute();
  const values = [...merged.values()].map((m) => ({ workspace_id: workspaceId, month, ...m, summary: JSON.stringify(m.summary) }));
  for (let i = 0; i < values.length; i += INSERT_BATCH)
    await db
      .insertInto('dashboard_months')
      .values(values.slice(i, i + INSERT_BATCH))
      .execute();
}

/**
 * Which rows of a rollup table a read takes: the teams' totals, or the cells of the filter's
 * channels (every channel's when it names none, so each is a range of the key), severities and case type.
 */
function cellsWhere(cells: CellFilter | undefined) {
  if (!cells) return sql<boolean>`channel = ${TOTAL.channel}`;
  const parts = [sql`channel in (${sql.join((cells.channels?.length ? cells.channels : CHANNELS).map((c) => sql`${c}`))})`];
  if (cells.severities?.length) parts.push(sql`severity in (${sql.join(cells.severities.map((n) => sql`${n}`))})`);
  if (cells.caseTypeId) parts.push(sql`case_type_id = ${cells.caseTypeId}`);
  return sql<boolean>`${sql.join(parts, sql` and `)}`;
}

/** The month rows of a range of local months (YYYY-MM), of some teams or of all, totals or some cells. */
export async function dashboardMonths(
  db: Db,
  workspaceId: string,
  first: string,
  last: string,
  teamIds?: readonly string[],
  cells?: CellFilter,
): Promise<{ teamId: string | null; summary: Summary }[]> {
  let q = db
    .selectFrom('dashboard_months')
    .select(['team_id', 'summary'])
    .where('workspace_id', '=', workspaceId)
    .where(cellsWhere(cells))
    .where('month', '>=', first)
    .where('month', '<=', last);
  if (teamIds) q = q.where('team_id', 'in', [...teamIds]);
  const rows = await q.execute();
  return rows.map((r) => ({ teamId: r.team_id === '' ? null : r.team_id, summary: JSON.parse(r.summary) as Summary }));
}

/**
 * Brings the workspace's rollups up to date: the local dates each stale UTC date touches (a zone
 * is at most a day off UTC) are rebuilt, and the marks removed; `alsoRebuild` rebuilds another
 * rollup of the same marks (HR's people rollup, by UTC date). Run it in a transaction; on
 * PostgreSQL the workspace's row is locked first, so two readers never rebuild the same days at once.
 * Returns how many UTC dates were stale.
 */
export async function refreshDashboardDays(
  db: Db,
  workspaceId: string,
  timeZone: string,
  alsoRebuild?: (db: Db, workspaceId: string, utcDates: readonly string[]) => Promise<void>,
): Promise<number> {
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
  if (alsoRebuild) await alsoRebuild(db, workspaceId, stale);
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

/** The rollup rows of a range of local dates, of some teams ('' is "no team") or of all, totals or some cells. */
export async function dashboardDays(
  db: Db,
  workspaceId: string,
  first: string,
  last: string,
  teamIds?: readonly string[],
  cells?: CellFilter,
): Promise<DaySummary[]> {
  let q = db
    .selectFrom('dashboard_days')
    .select(['local_date', 'team_id', 'summary'])
    .where('workspace_id', '=', workspaceId)
    .where(cellsWhere(cells))
    .where('local_date', '>=', first)
    .where('local_date', '<=', last)
    .where('cases', '>', 0);
  if (teamIds) q = q.where('team_id', 'in', [...teamIds]);
  const rows = await q.execute();
  return rows.map((r) => ({ date: r.local_date, teamId: r.team_id === '' ? null : r.team_id, summary: JSON.parse(r.summary) as Summary }));
}

/** Cases reported and resolved per local date up to and including `last`, for the backlog: totals or some cells. */
export async function dashboardDayCounts(
  db: Db,
  workspaceId: string,
  last: string,
  teamIds?: readonly string[],
  cells?: CellFilter,
): Promise<{ date: string; reported: number; resolved: number }[]> {
  let q = db
    .selectFrom('dashboard_days')
    .select('local_date')
    .select((eb) => [eb.fn.sum<number | string>('cases').as('reported'), eb.fn.sum<number | string>('resolved').as('resolved')])
    .where('workspace_id', '=', workspaceId)
    .where(cellsWhere(cells))
    .where('local_date', '<=', last)
    .groupBy('local_date')
    .orderBy('local_date');
  if (teamIds) q = q.where('team_id', 'in', [...teamIds]);
  const rows = await q.execute();
  return rows.map((r) => ({ date: r.local_date, reported: Number(r.reported), resolved: Number(r.resolved) }));
}
