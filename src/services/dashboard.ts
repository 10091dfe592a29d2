import { SCORE_PARTS, type ScorePart } from '../domain/coach.js';
import {
  type Bucket,
  bucketOf,
  bucketRange,
  bucketsOf,
  type Compared,
  compare,
  type DurationSummary,
  daysOf,
  defaultBucket,
  localDate,
  localHourAndWeekday,
  minutesBetween,
  nextBucket,
  type Period,
  previousPeriod,
  type RatingSummary,
  share,
  startOfLocalDate,
  summariseDurations,
  summariseRatings,
} from '../domain/dashboard-metrics.js';
import { invalid, notFound } from '../domain/errors.js';
import { isKeptOnTime, keptOnTimeRate } from '../domain/follow-through.js';
import {
  backlogRows,
  type DashboardCaseRow,
  type DashboardFilter,
  dashboardCaseRows,
  dashboardCommitmentRows,
  dashboardFollowUpRows,
  dashboardReplyRows,
  dashboardThemeRows,
} from '../store/dashboard.js';
import { findTeam, findWorkspace, listTeams } from '../store/workspaces.js';
import { caseScopeOf, forbidden, listScope, requirePermission } from './authorization.js';
import type { ServiceContext } from './context.js';

/** The filters a dashboard reads with; the same names as the inbox's, so a figure opens the inbox on its cases. */
export type DashboardQuery = {
  from: string;
  to: string;
  bucket?: Bucket | undefined;
  teamId?: string | undefined;
  channel?: string[] | undefined;
  severity?: number[] | undefined;
  caseTypeId?: string | undefined;
  assigneeId?: string | undefined;
  employeeId?: string | undefined;
};

/** One bar: the value of the dimension it counts (a team id, a channel…), a label and how many cases. */
export type Bar = { key: string; label: string; count: number };
export type TimeBar = { bucket: string; from: string; to: string; count: number };

export type Headline = {
  cases: Compared;
  acknowledgeMedian: Compared;
  acknowledgeP90: Compared;
  resolveMedian: Compared;
  resolveP90: Compared;
  breaches: Compared;
  breachRate: Compared;
  customerSatisfaction: Compared;
  customerGoodShare: Compared;
  employeeSupported: Compared;
  keptOnTimeRate: Compared;
  repeatCustomers: Compared;
  threats: Compared;
};

export type Dashboard = {
  period: Period;
  previous: Period;
  bucket: Bucket;
  timeZone: string;
  headline: Headline;
  volume: { overTime: TimeBar[]; byTeam: Bar[]; byChannel: Bar[]; bySeverity: Bar[]; byRootCause: Bar[] };
  response: {
    acknowledge: DurationSummary;
    resolve: DurationSummary;
    breaches: {
      count: number;
      rate: number | null;
      bySeverity: { severity: number; cases: number; breached: number; rate: number | null }[];
    };
  };
  satisfaction: { customer: RatingSummary; employee: RatingSummary };
  cost: {
    byKind: { kind: string; currency: string; amountMinor: number; cases: number }[];
    byTeam: { key: string; label: string; currency: string; amountMinor: number; cases: number }[];
  };
  commitments: {
    closed: number;
    keptOnTime: number;
    broken: number;
    overdueNow: number;
    rate: number | null;
    byTeam: { key: string; label: string; closed: number; keptOnTime: number; broken: number; overdueNow: number; rate: number | null }[];
    byOwner: { key: string; label: string; closed: number; keptOnTime: number; broken: number; overdueNow: number; rate: number | null }[];
  };
  coaching: {
    replies: number;
    parts: { part: ScorePart; average: number | null }[];
    byTeam: { key: string; label: string; replies: number; average: number | null }[];
    overTime: { bucket: string; replies: number; average: number | null }[];
  };
  customers: { repeatCustomers: number; casesOfRepeatCustomers: number; threats: number };
  themes: { id: string; label: string; cases: number; previous: number; trend: string }[];
  backlog: { date: string; open: number }[];
  heatmap: { weekday: number; hour: number; count: number }[];
};

const NO_TEAM = 'none';
const round = (n: number, places = 1) => Math.round(n * 10 ** places) / 10 ** places;
const mean = (values: readonly number[]) => (values.length === 0 ? null : round(values.reduce((a, b) => a + b, 0) / values.length));

function countBy<T>(items: readonly T[], key: (item: T) => string): Map<string, number> {
  const out = new Map<string, number>();
  for (const item of items) out.set(key(item), (out.get(key(item)) ?? 0) + 1);
  return out;
}

const bars = (counts: Map<string, number>, label: (key: string) => string): Bar[] =>
  [...counts]
    .map(([key, count]) => ({ key, label: label(key), count }))
    .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));

const isBreached = (c: DashboardCaseRow) => c.acknowledge_breached_at !== null || c.resolve_breached_at !== null;
const hasThreat = (c: DashboardCaseRow) => c.risk_flags !== '[]' && c.risk_flags !== '';

/** Customers with two or more of the period's cases, and how many cases those are. */
function repeatCustomers(cases: readonly DashboardCaseRow[]): { customers: number; cases: number } {
  const per = countBy(
    cases.filter((c) => c.customer_id !== null),
    (c) => c.customer_id as string,
  );
  const repeat = [...per.values()].filter((n) => n >= 2);
  return { customers: repeat.length, cases: repeat.reduce((a, b) => a + b, 0) };
}

type Figures = {
  cases: DashboardCaseRow[];
  acknowledge: DurationSummary;
  resolve: DurationSummary;
  customer: RatingSummary;
  employee: RatingSummary;
  commitments: Awaited<ReturnType<typeof dashboardCommitmentRows>>;
  replies: { team_id: string | null; at: string; score: { total: number; parts: Partial<Record<ScorePart, number>> } }[];
};

/** Everything the headline and the widgets count, for one period. */
async function figuresOf(ctx: ServiceContext, filter: DashboardFilter): Promise<Figures> {
  const [cases, followUps, commitments, replyRows] = await Promise.all([
    dashboardCaseRows(ctx.db, filter),
    dashboardFollowUpRows(ctx.db, filter),
    dashboardCommitmentRows(ctx.db, filter),
    dashboardReplyRows(ctx.db, filter),
  ]);
  const asked = (party: string) => followUps.filter((f) => f.party === party && f.sent_at !== null).length;
  const customerScores = followUps.filter((f) => f.party === 'customer' && f.satisfaction !== null).map((f) => Number(f.satisfaction));
  const employeeScores = followUps
    .filter((f) => f.party === 'employee' && f.status === 'answered' && f.answer !== null)
    .map((f) => (JSON.parse(f.answer as string) as { feltSupported?: number }).feltSupported)
    .filter((n): n is number => typeof n === 'number');
  const replies = replyRows.flatMap((r) => {
    const score = (JSON.parse(r.data) as { score?: Figures['replies'][number]['score'] | null }).score;
    return score ? [{ team_id: r.team_id, at: r.at, score }] : [];
  });
  return {
    cases,
    acknowledge: summariseDurations(
      cases.filter((c) => c.acknowledged_at).map((c) => minutesBetween(c.reported_at, c.acknowledged_at as string)),
    ),
    resolve: summariseDurations(cases.filter((c) => c.resolved_at).map((c) => minutesBetween(c.reported_at, c.resolved_at as string))),
    customer: summariseRatings(customerScores, asked('customer')),
    employee: summariseRatings(employeeScores, asked('employee')),
    commitments,
    replies,
  };
}

function commitmentTally(rows: Figures['commitments'], now: Date) {
  const closed = rows.filter((r) => r.status === 'kept' || r.status === 'broken');
  const keptOnTime = closed.filter((r) => isKeptOnTime(r.status, r.due_at, r.closed_at)).length;
  return {
    closed: closed.length,
    keptOnTime,
    broken: closed.filter((r) => r.status === 'broken').length,
    overdueNow: rows.filter((r) => r.status === 'open' && Date.parse(r.due_at) < now.getTime()).length,
    rate: keptOnTimeRate(closed.length, keptOnTime),
  };
}

function groupRows<T>(rows: readonly T[], key: (r: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of rows) out.set(key(r), [...(out.get(key(r)) ?? []), r]);
  return out;
}

/** The store filter for a dashboard read, checked against the reader: a team they may not see is refused, an unknown one is not found. */
export async function filterFor(ctx: ServiceContext, query: DashboardQuery, period: Period): Promise<DashboardFilter> {
  requirePermission(ctx.actor, 'read', 'dashboard');
  const scope = listScope(ctx.actor, 'case');
  if (query.teamId) {
    if (!(await findTeam(ctx.db, ctx.actor.workspaceId, query.teamId))) throw notFound('The team');
    if (!scope.all && !ctx.actor.teamIds.includes(query.teamId)) throw forbidden(ctx.actor, 'read', 'dashboard');
  }
  return {
    workspaceId: ctx.actor.workspaceId,
    scope: caseScopeOf(scope),
    from: period.from,
    to: period.to,
    teamId: query.teamId,
    channel: query.channel,
    severity: query.severity,
    caseTypeId: query.caseTypeId,
    assigneeId: query.assigneeId,
    employeeId: query.employeeId,
  };
}

/** The workspace's time zone: days, weeks and the heatmap's hours are the shop's, not UTC's. */
export async function workspaceTimeZone(ctx: ServiceContext): Promise<string> {
  return (await findWorkspace(ctx.db, ctx.actor.workspaceId))?.time_zone ?? 'UTC';
}

/**
 * The dashboard for a period: every figure counts the cases reported in it that the reader may list
 * and the filters match, beside the same figures for the period of equal length just before.
 */
export async function readDashboard(ctx: ServiceContext, query: DashboardQuery): Promise<Dashboard> {
  const period = { from: query.from, to: query.to };
  const previous = previousPeriod(period);
  const filter = await filterFor(ctx, query, period);
  const [timeZone, teams, now, before, themeRows, previousThemes, open] = await Promise.all([
    workspaceTimeZone(ctx),
    listTeams(ctx.db, ctx.actor.workspaceId),
    figuresOf(ctx, filter),
    figuresOf(ctx, { ...filter, ...previous }),
    dashboardThemeRows(ctx.db, filter),
    dashboardThemeRows(ctx.db, { ...filter, ...previous }),
    backlogRows(ctx.db, filter),
  ]);
  const bucket = query.bucket ?? defaultBucket(period);
  const teamName = new Map(teams.map((t) => [t.id, t.name]));
  const teamLabel = (key: string) => (key === NO_TEAM ? 'No team' : (teamName.get(key) ?? 'Unknown team'));
  const teamKey = (id: string | null) => id ?? NO_TEAM;
  const cases = now.cases;

  const breachRate = (f: Figures) => share(f.cases.filter(isBreached).length, f.cases.length);
  const headline: Headline = {
    cases: compare(now.cases.length, before.cases.length),
    acknowledgeMedian: compare(now.acknowledge.median, before.acknowledge.median),
    acknowledgeP90: compare(now.acknowledge.p90, before.acknowledge.p90),
    resolveMedian: compare(now.resolve.median, before.resolve.median),
    resolveP90: compare(now.resolve.p90, before.resolve.p90),
    breaches: compare(now.cases.filter(isBreached).length, before.cases.filter(isBreached).length),
    breachRate: compare(breachRate(now), breachRate(before)),
    customerSatisfaction: compare(now.customer.mean, before.customer.mean),
    customerGoodShare: compare(now.customer.goodShare, before.customer.goodShare),
    employeeSupported: compare(now.employee.mean, before.employee.mean),
    keptOnTimeRate: compare(commitmentTally(now.commitments, ctx.now).rate, commitmentTally(before.commitments, ctx.now).rate),
    repeatCustomers: compare(repeatCustomers(now.cases).customers, repeatCustomers(before.cases).customers),
    threats: compare(now.cases.filter(hasThreat).length, before.cases.filter(hasThreat).length),
  };

  const perBucket = countBy(cases, (c) => bucketOf(localDate(c.reported_at, timeZone), bucket));
  const clip = (range: Period): Period => ({
    from: range.from < period.from ? period.from : range.from,
    to: range.to > period.to ? period.to : range.to,
  });
  const overTime = bucketsOf(period, bucket, timeZone).map((b) => ({
    bucket: b,
    ...clip(bucketRange(b, bucket, timeZone)),
    count: perBucket.get(b) ?? 0,
  }));

  const bySeverity = [1, 2, 3, 4].map((severity) => {
    const of = cases.filter((c) => c.severity === severity);
    const breached = of.filter(isBreached).length;
    return { severity, cases: of.length, breached, rate: share(breached, of.length) };
  });

  const costGroups = groupRows(
    cases.filter((c) => c.impact_amount_minor !== null && c.impact_currency && c.impact_kind),
    (c) => `${c.impact_kind}|${c.impact_currency}`,
  );
  const costTeamGroups = groupRows(
    cases.filter((c) => c.impact_amount_minor !== null && c.impact_currency),
    (c) => `${teamKey(c.team_id)}|${c.impact_currency}`,
  );
  const sumMinor = (rows: DashboardCaseRow[]) => rows.reduce((a, c) => a + (c.impact_amount_minor ?? 0), 0);

  const tallies = (groups: Map<string, Figures['commitments']>, label: (key: string, rows: Figures['commitments']) => string) =>
    [...groups]
      .map(([key, rows]) => ({ key, label: label(key, rows), ...commitmentTally(rows, ctx.now) }))
      .sort((a, b) => a.label.localeCompare(b.label));

  const repliesByTeam = groupRows(now.replies, (r) => teamKey(r.team_id));
  const repliesByBucket = groupRows(now.replies, (r) => bucketOf(localDate(r.at, timeZone), bucket));

  const previousThemeCount = new Map(previousThemes.map((t) => [t.id, t.cases]));
  const heat = countBy(cases, (c) => {
    const { hour, weekday } = localHourAndWeekday(c.reported_at, timeZone);
    return `${weekday}|${hour}`;
  });
  const repeat = repeatCustomers(cases);

  return {
    period,
    previous,
    bucket,
    timeZone,
    headline,
    volume: {
      overTime,
      byTeam: bars(
        countBy(cases, (c) => teamKey(c.team_id)),
        teamLabel,
      ),
      byChannel: bars(
        countBy(cases, (c) => c.channel),
        (k) => k,
      ),
      bySeverity: bySeverity.map((s) => ({ key: String(s.severity), label: `Severity ${s.severity}`, count: s.cases })),
      byRootCause: bars(
        countBy(
          cases.filter((c) => c.root_cause_category !== null),
          (c) => c.root_cause_category as string,
        ),
        (k) => k,
      ),
    },
    response: {
      acknowledge: now.acknowledge,
      resolve: now.resolve,
      breaches: { count: cases.filter(isBreached).length, rate: breachRate(now), bySeverity },
    },
    satisfaction: { customer: now.customer, employee: now.employee },
    cost: {
      byKind: [...costGroups]
        .map(([key, rows]) => {
          const [kind = '', currency = ''] = key.split('|');
          return { kind, currency, amountMinor: sumMinor(rows), cases: rows.length };
        })
        .sort((a, b) => a.currency.localeCompare(b.currency) || b.amountMinor - a.amountMinor),
      byTeam: [...costTeamGroups]
        .map(([key, rows]) => {
          const [team = NO_TEAM, currency = ''] = key.split('|');
          return { key: team, label: teamLabel(team), currency, amountMinor: sumMinor(rows), cases: rows.length };
        })
        .sort((a, b) => a.currency.localeCompare(b.currency) || b.amountMinor - a.amountMinor),
    },
    commitments: {
      ...commitmentTally(now.commitments, ctx.now),
      byTeam: tallies(
        groupRows(now.commitments, (r) => teamKey(r.team_id)),
        (key) => teamLabel(key),
      ),
      byOwner: tallies(
        groupRows(now.commitments, (r) => r.owner_id),
        (_key, rows) => rows[0]?.owner_name ?? '',
      ),
    },
    coaching: {
      replies: now.replies.length,
      parts: SCORE_PARTS.map((part) => ({
        part,
        average: mean(now.replies.flatMap((r) => (typeof r.score.parts[part] === 'number' ? [r.score.parts[part] as number] : []))),
      })),
      byTeam: [...repliesByTeam]
        .map(([key, rows]) => ({ key, label: teamLabel(key), replies: rows.length, average: mean(rows.map((r) => r.score.total)) }))
        .sort((a, b) => a.label.localeCompare(b.label)),
      overTime: bucketsOf(period, bucket, timeZone).map((b) => {
        const rows = repliesByBucket.get(b) ?? [];
        return { bucket: b, replies: rows.length, average: mean(rows.map((r) => r.score.total)) };
      }),
    },
    customers: { repeatCustomers: repeat.customers, casesOfRepeatCustomers: repeat.cases, threats: cases.filter(hasThreat).length },
    themes: themeRows
      .map((t) => ({
        id: t.id,
        label: t.custom_label ?? t.label,
        cases: t.cases,
        previous: previousThemeCount.get(t.id) ?? 0,
        trend: t.trend,
      }))
      .sort((a, b) => b.cases - a.cases || a.label.localeCompare(b.label))
      .slice(0, 10),
    backlog: backlogOf(open, period, timeZone),
    heatmap: [...heat].map(([key, count]) => {
      const [weekday = 0, hour = 0] = key.split('|').map(Number);
      return { weekday, hour, count };
    }),
  };
}

/** Open cases at each local day's end: reported by then and not resolved by then. */
function backlogOf(rows: { reported_at: string; resolved_at: string | null }[], period: Period, timeZone: string) {
  const reported = rows.map((r) => Date.parse(r.reported_at)).sort((a, b) => a - b);
  const resolved = rows
    .filter((r) => r.resolved_at !== null)
    .map((r) => Date.parse(r.resolved_at as string))
    .sort((a, b) => a - b);
  let i = 0;
  let j = 0;
  return daysOf(period, timeZone).map((date) => {
    const end = Date.parse(startOfLocalDate(nextBucket(date, 'day'), timeZone));
    while (i < reported.length && (reported[i] as number) < end) i += 1;
    while (j < resolved.length && (resolved[j] as number) < end) j += 1;
    return { date, open: i - j };
  });
}

const DAY_MS = 86_400_000;

/** A report's period from its query: `to` defaults to now, `from` to 30 days before `to`; it must run forwards and stay within maxDays. */
export function periodOf(query: { from?: string | undefined; to?: string | undefined }, now: Date, maxDays: number): Period {
  const to = query.to ?? now.toISOString();
  const from = query.from ?? new Date(Date.parse(to) - 30 * DAY_MS).toISOString();
  if (Date.parse(from) >= Date.parse(to)) throw invalid('from', 'must be before to');
  if (Date.parse(to) - Date.parse(from) > maxDays * DAY_MS) throw invalid('from', `the period may be at most ${maxDays} days long`);
  return { from, to };
}
