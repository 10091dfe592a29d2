import { daysOf, localDate, nextBucket, type Period, startOfLocalDate } from '../domain/dashboard-metrics.js';
import { emptySummary, mergeInto, type Summary } from '../domain/dashboard-summary.js';
import { backlogRows, type DashboardFilter } from '../store/dashboard.js';
import {
  type CellFilter,
  type DaySummary,
  dashboardDayCounts,
  dashboardDays,
  dashboardMonths,
  hasStaleDays,
  lastOfMonth,
  previousDate,
  refreshDashboardDays,
  summariesOf,
} from '../store/dashboard-days.js';
import { rebuildPeopleDays } from '../store/people-days.js';
import type { Db } from '../store/schema.js';

/**
 * Where a dashboard's figures come from. The daily rollups are keyed by local date and team, and
 * within a team's day by channel, severity and case type (its cells), so a reading filtered by any
 * of those (or not at all) takes its whole local days from them — the teams' totals, or the cells
 * the filter names — and only the partial days at the period's edges from the cases themselves; a
 * filter the rollups are not keyed by (handler, employee party, breach, the answers' scores) reads
 * the matching cases directly, through the same folding. A supervisor reads their teams' rollups
 * and the cases they are part of in other teams directly.
 */

/** The summaries of the period's cases, merged per team (key '' is "no team"). */
export type TeamSummaries = Map<string, Summary>;

/** Whether the rollups can answer this filter (for a reader limited to some teams, with the cases they are part of elsewhere read directly). */
export const isRolledUp = (f: DashboardFilter): boolean =>
  !f.fromCases && !f.assigneeId && !f.employeeId && !f.breached && !f.satisfaction?.length && !f.supported?.length && !f.exceptTeamIds;

/** The rollup cells a filter names: none (the teams' totals) unless it filters by channel, severity or case type. */
function cellsOf(f: DashboardFilter): CellFilter | undefined {
  if (!f.channel?.length && !f.severity?.length && !f.caseTypeId) return undefined;
  return { channels: f.channel, severities: f.severity, caseTypeId: f.caseTypeId };
}

/**
 * The teams whose rollups count (undefined: every team), and the filter of the reader's other
 * cases — those of other teams they are part of — which are read directly (null: none).
 */
function rollupSplit(f: DashboardFilter): { teams: readonly string[] | undefined; rest: DashboardFilter | null } {
  if (!f.scope) return { teams: f.teamId ? [f.teamId] : undefined, rest: null };
  const { teamIds, involvedUserId } = f.scope;
  const teams = f.teamId ? teamIds.filter((t) => t === f.teamId) : teamIds;
  const rest = involvedUserId ? { ...f, scope: { teamIds: [], involvedUserId }, exceptTeamIds: teamIds } : null;
  return { teams, rest };
}

/**
 * Rebuilds the days the triggers marked stale, the dashboard's and HR's people rollup alike, in its
 * own transaction unless the caller already holds one.
 */
export async function refreshRollups(db: Db, workspaceId: string, timeZone: string): Promise<void> {
  if (!(await hasStaleDays(db, workspaceId))) return;
  if (db.isTransaction) await refreshDashboardDays(db, workspaceId, timeZone, rebuildPeopleDays);
  else await db.transaction().execute((trx) => refreshDashboardDays(trx, workspaceId, timeZone, rebuildPeopleDays));
}

function byTeam(parts: readonly Pick<DaySummary, 'teamId' | 'summary'>[], into: TeamSummaries = new Map()): TeamSummaries {
  for (const p of parts) {
    const key = p.teamId ?? '';
    const s = into.get(key);
    if (s) mergeInto(s, p.summary);
    else into.set(key, mergeInto(emptySummary(), p.summary));
  }
  return into;
}

/** The whole local days inside a period, first and last; null when it holds none. */
function wholeDays(period: Period, timeZone: string): { first: string; last: string } | null {
  let first = localDate(period.from, timeZone);
  if (startOfLocalDate(first, timeZone) < period.from) first = nextBucket(first, 'day');
  let last = localDate(new Date(Date.parse(period.to) - 1).toISOString(), timeZone);
  if (startOfLocalDate(nextBucket(last, 'day'), timeZone) > period.to) last = previousDate(last);
  return first <= last ? { first, last } : null;
}

/** The period's summaries per team, from the rollups and the edges' cases, or from the cases alone. */
export async function periodSummaries(db: Db, f: DashboardFilter, timeZone: string): Promise<TeamSummaries> {
  const days = isRolledUp(f) ? wholeDays(f, timeZone) : null;
  if (!days) return byTeam(await summariesOf(db, f, timeZone));
  const start = startOfLocalDate(days.first, timeZone);
  const end = startOfLocalDate(nextBucket(days.last, 'day'), timeZone);
  const { teams, rest } = rollupSplit(f);
  const some = teams === undefined || teams.length > 0;
  const { months, dayRanges } = monthsWithin(days.first, days.last);
  const cells = cellsOf(f);
  const parts = await Promise.all([
    months && some ? dashboardMonths(db, f.workspaceId, months[0], months[1], teams, cells) : [],
    ...dayRanges.map(([first, last]) => (some ? dashboardDays(db, f.workspaceId, first, last, teams, cells) : [])),
    f.from < start ? summariesOf(db, { ...f, to: start }, timeZone) : [],
    end < f.to ? summariesOf(db, { ...f, from: end }, timeZone) : [],
    rest ? summariesOf(db, { ...rest, from: start, to: end }, timeZone) : [],
  ]);
  return byTeam(parts.flat());
}

/** The whole months (YYYY-MM, first and last) within a range of dates, and the days around them. */
export function monthsWithin(first: string, last: string): { months: [string, string] | null; dayRanges: [string, string][] } {
  const firstMonth = first.endsWith('-01') ? first.slice(0, 7) : nextBucket(`${first.slice(0, 7)}-01`, 'month').slice(0, 7);
  const lastMonth = last === lastOfMonth(last) ? last.slice(0, 7) : previousDate(`${last.slice(0, 7)}-01`).slice(0, 7);
  if (firstMonth > lastMonth) return { months: null, dayRanges: [[first, last]] };
  const dayRanges: [string, string][] = [];
  if (first < `${firstMonth}-01`) dayRanges.push([first, previousDate(`${firstMonth}-01`)]);
  const afterMonths = nextBucket(`${lastMonth}-01`, 'month');
  if (afterMonths <= last) dayRanges.push([afterMonths, last]);
  return { months: [firstMonth, lastMonth], dayRanges };
}

/**
 * Open cases at the end of each local day of the period: reported by then and not resolved by
 * then. From the rollups' per-day counts when they answer the filter, else from the cases.
 */
export async function backlogOf(db: Db, f: DashboardFilter, timeZone: string): Promise<{ date: string; open: number }[]> {
  const dates = daysOf(f, timeZone);
  const last = dates[dates.length - 1];
  if (!last) return [];
  if (isRolledUp(f)) {
    const { teams, rest } = rollupSplit(f);
    const [counts, others] = await Promise.all([
      teams === undefined || teams.length > 0 ? dashboardDayCounts(db, f.workspaceId, last, teams, cellsOf(f)) : [],
      rest ? backlogFromCases(db, rest, timeZone, dates) : null,
    ]);
    let open = 0;
    let i = 0;
    return dates.map((date, k) => {
      while (i < counts.length && (counts[i]?.date as string) <= date) {
        open += (counts[i]?.reported ?? 0) - (counts[i]?.resolved ?? 0);
        i += 1;
      }
      return { date, open: open + (others?.[k]?.open ?? 0) };
    });
  }
  return backlogFromCases(db, f, timeZone, dates);
}

async function backlogFromCases(db: Db, f: DashboardFilter, timeZone: string, dates: readonly string[]) {
  const last = dates[dates.length - 1] as string;
  const until = startOfLocalDate(nextBucket(last, 'day'), timeZone);
  const rows = await backlogRows(db, f, until);
  const reported = rows.map((r) => Date.parse(r.reported_at)).sort((a, b) => a - b);
  const resolved = rows
    .filter((r) => r.resolved_at !== null)
    .map((r) => Date.parse(r.resolved_at as string))
    .sort((a, b) => a - b);
  let i = 0;
  let j = 0;
  return dates.map((date) => {
    const end = Date.parse(startOfLocalDate(nextBucket(date, 'day'), timeZone));
    while (i < reported.length && (reported[i] as number) < end) i += 1;
    while (j < resolved.length && (resolved[j] as number) < end) j += 1;
    return { date, open: i - j };
  });
}
