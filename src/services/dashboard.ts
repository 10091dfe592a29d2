import { SCORE_PARTS, type ScorePart } from '../domain/coach.js';
import {
  type Bucket,
  bucketOf,
  bucketRange,
  bucketsOf,
  type Compared,
  compare,
  type DurationSummary,
  defaultBucket,
  type Period,
  previousPeriod,
  type RatingSummary,
  share,
  summariseRatingCounts,
} from '../domain/dashboard-metrics.js';
import {
  emptySummary,
  histogramCount,
  histogramPercentile,
  mergeInto,
  type PromiseTally,
  type Summary,
  type Tally,
} from '../domain/dashboard-summary.js';
import { invalid, notFound } from '../domain/errors.js';
import { keptOnTimeRate } from '../domain/follow-through.js';
import { type DashboardFilter, dashboardThemeRows, overduePromiseRows, repeatCustomerCounts, userNames } from '../store/dashboard.js';
import { findTeam, findWorkspace, listTeams } from '../store/workspaces.js';
import { caseScopeOf, forbidden, listScope, requirePermission } from './authorization.js';
import type { ServiceContext } from './context.js';
import { backlogOf, isRolledUp, periodSummaries, refreshRollups, type TeamSummaries } from './dashboard-summaries.js';

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
const meanOf = (n: number, sum: number) => (n === 0 ? null : round(sum / n));

const bars = (counts: Map<string, number> | Tally, label: (key: string) => string): Bar[] =>
  [...(counts instanceof Map ? counts : Object.entries(counts))]
    .filter(([, count]) => count > 0)
    .map(([key, count]) => ({ key, label: label(key), count }))
    .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));

/** The headline's inputs for one period: its summaries per team merged, and what no rollup holds. */
type Figures = {
  teams: TeamSummaries;
  total: Summary;
  repeat: { customers: number; cases: number };
  overdue: Awaited<ReturnType<typeof overduePromiseRows>>;
};

async function figuresOf(ctx: ServiceContext, filter: DashboardFilter, timeZone: string): Promise<Figures> {
  const [teams, repeat, overdue] = await Promise.all([
    periodSummaries(ctx.db, filter, timeZone),
    repeatCustomerCounts(ctx.db, filter),
    overduePromiseRows(ctx.db, filter, ctx.now.toISOString()),
  ]);
  const total = emptySummary();
  for (const s of teams.values()) mergeInto(total, s);
  return { teams, total, repeat, overdue };
}

const acknowledgeOf = (s: Summary): DurationSummary => ({
  count: histogramCount(s.acknowledge),
  median: histogramPercentile(s.acknowledge, 0.5),
  p90: histogramPercentile(s.acknowledge, 0.9),
});
const resolveOf = (s: Summary): DurationSummary => ({
  count: histogramCount(s.resolve),
  median: histogramPercentile(s.resolve, 0.5),
  p90: histogramPercentile(s.resolve, 0.9),
});
const customerOf = (s: Summary) => summariseRatingCounts(s.customerScores, s.customerAsked);
const employeeOf = (s: Summary) => summariseRatingCounts(s.employeeScores, s.employeeAsked);

type PromiseFigures = { closed: number; keptOnTime: number; broken: number; overdueNow: number; rate: number | null };
function promiseTally(tallies: PromiseTally, overdueNow: number): PromiseFigures {
  let closed = 0;
  let keptOnTime = 0;
  let broken = 0;
  for (const [c, k, b] of Object.values(tallies)) {
    closed += c;
    keptOnTime += k;
    broken += b;
  }
  return { closed, keptOnTime, broken, overdueNow, rate: keptOnTimeRate(closed, keptOnTime) };
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
 * `fromCases` counts from the cases alone, never the rollups (to check the rollups against).
 */
export async function readDashboard(ctx: ServiceContext, query: DashboardQuery, options: { fromCases?: boolean } = {}): Promise<Dashboard> {
  const period = { from: query.from, to: query.to };
  const previous = previousPeriod(period);
  const filter = { ...(await filterFor(ctx, query, period)), fromCases: options.fromCases };
  const timeZone = await workspaceTimeZone(ctx);
  if (isRolledUp(filter)) await refreshRollups(ctx.db, ctx.actor.workspaceId, timeZone);
  const [teams, now, before, themeRows, previousThemes, backlog] = await Promise.all([
    listTeams(ctx.db, ctx.actor.workspaceId),
    figuresOf(ctx, filter, timeZone),
    figuresOf(ctx, { ...filter, ...previous }, timeZone),
    dashboardThemeRows(ctx.db, filter),
    dashboardThemeRows(ctx.db, { ...filter, ...previous }),
    backlogOf(ctx.db, filter, timeZone),
  ]);
  const bucket = query.bucket ?? defaultBucket(period);
  const teamName = new Map(teams.map((t) => [t.id, t.name]));
  const teamLabel = (key: string) => (key === NO_TEAM ? 'No team' : (teamName.get(key) ?? 'Unknown team'));
  const teamKey = (id: string) => (id === '' ? NO_TEAM : id);
  const t = now.total;
  const teamEntries = [...now.teams].map(([id, s]) => [teamKey(id), s] as const);

  const owners = new Set<string>([...Object.keys(t.promises), ...now.overdue.map((r) => r.owner_id)]);
  const ownerName = await userNames(ctx.db, ctx.actor.workspaceId, [...owners]);
  const overdueBy = (key: (r: Figures['overdue'][number]) => string) => {
    const out = new Map<string, number>();
    for (const r of now.overdue) out.set(key(r), (out.get(key(r)) ?? 0) + 1);
    return out;
  };
  const overdueByTeam = overdueBy((r) => r.team_id ?? NO_TEAM);
  const overdueByOwner = overdueBy((r) => r.owner_id);

  const breachRate = (s: Summary) => share(s.breached, s.cases);
  const headline: Headline = {
    cases: compare(t.cases, before.total.cases),
    acknowledgeMedian: compare(acknowledgeOf(t).median, acknowledgeOf(before.total).median),
    acknowledgeP90: compare(acknowledgeOf(t).p90, acknowledgeOf(before.total).p90),
    resolveMedian: compare(resolveOf(t).median, resolveOf(before.total).median),
    resolveP90: compare(resolveOf(t).p90, resolveOf(before.total).p90),
    breaches: compare(t.breached, before.total.breached),
    breachRate: compare(breachRate(t), breachRate(before.total)),
    customerSatisfaction: compare(customerOf(t).mean, customerOf(before.total).mean),
    customerGoodShare: compare(customerOf(t).goodShare, customerOf(before.total).goodShare),
    employeeSupported: compare(employeeOf(t).mean, employeeOf(before.total).mean),
    keptOnTimeRate: compare(promiseTally(t.promises, 0).rate, promiseTally(before.total.promises, 0).rate),
    repeatCustomers: compare(now.repeat.customers, before.repeat.customers),
    threats: compare(t.threats, before.total.threats),
  };

  const perBucket = new Map<string, number>();
  for (const [date, n] of Object.entries(t.byDate)) perBucket.set(bucketOf(date, bucket), (perBucket.get(bucketOf(date, bucket)) ?? 0) + n);
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
    const cases = t.bySeverity[severity] ?? 0;
    const breached = t.breachedBySeverity[severity] ?? 0;
    return { severity, cases, breached, rate: share(breached, cases) };
  });

  const promiseRows = (
    groups: [string, PromiseTally][],
    overdue: Map<string, number>,
    label: (key: string) => string,
  ): Dashboard['commitments']['byTeam'] => {
    const keys = new Set([...groups.filter(([, p]) => Object.values(p).some((v) => v[3] > 0)).map(([k]) => k), ...overdue.keys()]);
    const of = new Map(groups);
    return [...keys]
      .map((key) => ({ key, label: label(key), ...promiseTally(of.get(key) ?? {}, overdue.get(key) ?? 0) }))
      .sort((a, b) => a.label.localeCompare(b.label));
  };

  const repliesPerBucket = new Map<string, [number, number]>();
  for (const [date, [n, sum]] of Object.entries(t.replies)) {
    const b = bucketOf(date, bucket);
    const v = repliesPerBucket.get(b) ?? [0, 0];
    repliesPerBucket.set(b, [v[0] + n, v[1] + sum]);
  }
  const replyCount = (s: Summary) => Object.values(s.replies).reduce((a, [n]) => a + n, 0);
  const replySum = (s: Summary) => Object.values(s.replies).reduce((a, [, sum]) => a + sum, 0);
  const previousThemeCount = new Map(previousThemes.map((r) => [r.id, r.cases]));

  return {
    period,
    previous,
    bucket,
    timeZone,
    headline,
    volume: {
      overTime,
      byTeam: bars(new Map(teamEntries.map(([key, s]) => [key, s.cases])), teamLabel),
      byChannel: bars(t.byChannel, (k) => k),
      bySeverity: bySeverity.map((s) => ({ key: String(s.severity), label: `Severity ${s.severity}`, count: s.cases })),
      byRootCause: bars(t.byRootCause, (k) => k),
    },
    response: {
      acknowledge: acknowledgeOf(t),
      resolve: resolveOf(t),
      breaches: { count: t.breached, rate: breachRate(t), bySeverity },
    },
    satisfaction: { customer: customerOf(t), employee: employeeOf(t) },
    cost: {
      byKind: Object.entries(t.costByKind)
        .map(([key, [amountMinor, cases]]) => {
          const [kind = '', currency = ''] = key.split('|');
          return { kind, currency, amountMinor, cases };
        })
        .sort((a, b) => a.currency.localeCompare(b.currency) || b.amountMinor - a.amountMinor),
      byTeam: teamEntries
        .flatMap(([key, s]) =>
          Object.entries(s.costByCurrency).map(([currency, [amountMinor, cases]]) => ({
            key,
            label: teamLabel(key),
            currency,
            amountMinor,
            cases,
          })),
        )
        .sort((a, b) => a.currency.localeCompare(b.currency) || b.amountMinor - a.amountMinor),
    },
    commitments: {
      ...promiseTally(t.promises, now.overdue.length),
      byTeam: promiseRows(
        teamEntries.map(([key, s]) => [key, s.promises]),
        overdueByTeam,
        teamLabel,
      ),
      byOwner: promiseRows(
        Object.entries(t.promises).map(([owner, tally]) => [owner, { [owner]: tally }]),
        overdueByOwner,
        (key) => ownerName.get(key) ?? '',
      ),
    },
    coaching: {
      replies: replyCount(t),
      parts: SCORE_PARTS.map((part) => {
        const [n, sum] = t.replyParts[part] ?? [0, 0];
        return { part, average: meanOf(n, sum) };
      }),
      byTeam: teamEntries
        .filter(([, s]) => replyCount(s) > 0)
        .map(([key, s]) => ({ key, label: teamLabel(key), replies: replyCount(s), average: meanOf(replyCount(s), replySum(s)) }))
        .sort((a, b) => a.label.localeCompare(b.label)),
      overTime: bucketsOf(period, bucket, timeZone).map((b) => {
        const [n, sum] = repliesPerBucket.get(b) ?? [0, 0];
        return { bucket: b, replies: n, average: meanOf(n, sum) };
      }),
    },
    customers: { repeatCustomers: now.repeat.customers, casesOfRepeatCustomers: now.repeat.cases, threats: t.threats },
    themes: themeRows
      .map((r) => ({
        id: r.id,
        label: r.custom_label ?? r.label,
        cases: r.cases,
        previous: previousThemeCount.get(r.id) ?? 0,
        trend: r.trend,
      }))
      .sort((a, b) => b.cases - a.cases || a.label.localeCompare(b.label))
      .slice(0, 10),
    backlog,
    heatmap: Object.entries(t.byHour)
      .map(([key, count]) => {
        const [weekday = 0, hour = 0] = key.split('|').map(Number);
        return { weekday, hour, count };
      })
      .sort((a, b) => a.weekday - b.weekday || a.hour - b.hour),
  };
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
