import { SCORE_PARTS, type ScorePart } from './coach.js';
import { localDate, localHourAndWeekday, minutesBetween } from './dashboard-metrics.js';
import { isKeptOnTime } from './follow-through.js';

/**
 * What the dashboard counts about a set of cases, in a form that adds up: the figures of one local
 * day and team (a daily rollup row) merge with those of the next into a period's. Only sums and
 * counts live here; the two things that do not add up are kept in mergeable shape instead —
 * durations as histograms in fixed buckets (a percentile is read off the merged histogram), and
 * distinct repeat customers, which the dashboard counts with its own query.
 */
export type Tally = Record<string, number>;
/** [amount in minor units, cases] */
export type CostTally = Record<string, [number, number]>;
/** [closed, kept on time, broken, every promise made (open and cancelled ones too)] */
export type PromiseTally = Record<string, [number, number, number, number]>;
/** [replies, sum of their totals] */
export type ReplyTally = Record<string, [number, number]>;

export type Summary = {
  cases: number;
  breached: number;
  threats: number;
  /** Cases per local reporting date. */
  byDate: Tally;
  byChannel: Tally;
  bySeverity: Tally;
  breachedBySeverity: Tally;
  byRootCause: Tally;
  /** Cases per "weekday|hour" of the local reporting time. */
  byHour: Tally;
  /** Histograms of minutes to acknowledge and to resolve, by durationBucket. */
  acknowledge: Tally;
  resolve: Tally;
  /** "kind|currency" → cost, and currency → cost (every kind). */
  costByKind: CostTally;
  costByCurrency: CostTally;
  /** Follow-ups sent, and the answers' scores (score → how many), of each side. */
  customerAsked: number;
  customerScores: Tally;
  employeeAsked: number;
  employeeScores: Tally;
  /** Promises per owner. */
  promises: PromiseTally;
  /** Scored replies per local date of the reply, and each part's [count, sum]. */
  replies: ReplyTally;
  replyParts: ReplyTally;
};

export const emptySummary = (): Summary => ({
  cases: 0,
  breached: 0,
  threats: 0,
  byDate: {},
  byChannel: {},
  bySeverity: {},
  breachedBySeverity: {},
  byRootCause: {},
  byHour: {},
  acknowledge: {},
  resolve: {},
  costByKind: {},
  costByCurrency: {},
  customerAsked: 0,
  customerScores: {},
  employeeAsked: 0,
  employeeScores: {},
  promises: {},
  replies: {},
  replyParts: {},
});

/**
 * Durations below 64 minutes keep their own bucket; above, each power of two is split into 32
 * buckets, so a bucket is at most 1/32 of its lower bound wide (HdrHistogram's layout).
 */
export function durationBucket(minutes: number): number {
  const m = Math.max(0, Math.floor(minutes));
  if (m < 64) return m;
  const e = Math.floor(Math.log2(m));
  const width = 2 ** (e - 5);
  return 64 + (e - 6) * 32 + (Math.floor(m / width) - 32);
}

/** The largest whole minute a bucket holds. */
export function bucketUpper(bucket: number): number {
  if (bucket < 64) return bucket;
  const e = Math.floor((bucket - 64) / 32) + 6;
  const sub = (bucket - 64) % 32;
  const width = 2 ** (e - 5);
  return (33 + sub) * width - 1;
}

/**
 * The nearest-rank percentile of a histogram: the upper end of the bucket holding the ⌈p·n⌉-th
 * smallest duration. Exact below 64 minutes; above, never below the true value and at most 1/32 over.
 */
export function histogramPercentile(histogram: Tally, p: number): number | null {
  const buckets = Object.keys(histogram)
    .map(Number)
    .sort((a, b) => a - b);
  const n = buckets.reduce((a, b) => a + (histogram[b] ?? 0), 0);
  if (n === 0) return null;
  const rank = Math.max(1, Math.ceil(p * n));
  let seen = 0;
  for (const b of buckets) {
    seen += histogram[b] ?? 0;
    if (seen >= rank) return bucketUpper(b);
  }
  return null;
}

export const histogramCount = (histogram: Tally): number => Object.values(histogram).reduce((a, b) => a + b, 0);

const bump = (t: Tally, key: string | number, by = 1) => {
  t[key] = (t[key] ?? 0) + by;
};
const bumpPair = (t: Record<string, [number, number]>, key: string, a: number, b: number) => {
  const v = t[key] ?? [0, 0];
  t[key] = [v[0] + a, v[1] + b];
};

/** The facts of one case the summary counts. */
export type SummaryCase = {
  reported_at: string;
  channel: string;
  severity: number;
  root_cause_category: string | null;
  acknowledged_at: string | null;
  resolved_at: string | null;
  acknowledge_breached_at: string | null;
  resolve_breached_at: string | null;
  impact_amount_minor: number | null;
  impact_currency: string | null;
  impact_kind: string | null;
  risk_flags: string;
};

export const isBreached = (c: SummaryCase) => c.acknowledge_breached_at !== null || c.resolve_breached_at !== null;
export const hasThreat = (c: SummaryCase) => c.risk_flags !== '[]' && c.risk_flags !== '';

export function addCase(s: Summary, c: SummaryCase, timeZone: string): void {
  s.cases += 1;
  bump(s.byDate, localDate(c.reported_at, timeZone));
  bump(s.byChannel, c.channel);
  bump(s.bySeverity, c.severity);
  if (isBreached(c)) {
    s.breached += 1;
    bump(s.breachedBySeverity, c.severity);
  }
  if (hasThreat(c)) s.threats += 1;
  if (c.root_cause_category !== null) bump(s.byRootCause, c.root_cause_category);
  const { hour, weekday } = localHourAndWeekday(c.reported_at, timeZone);
  bump(s.byHour, `${weekday}|${hour}`);
  if (c.acknowledged_at) bump(s.acknowledge, durationBucket(minutesBetween(c.reported_at, c.acknowledged_at)));
  if (c.resolved_at) bump(s.resolve, durationBucket(minutesBetween(c.reported_at, c.resolved_at)));
  if (c.impact_amount_minor !== null && c.impact_currency) {
    bumpPair(s.costByCurrency, c.impact_currency, c.impact_amount_minor, 1);
    if (c.impact_kind) bumpPair(s.costByKind, `${c.impact_kind}|${c.impact_currency}`, c.impact_amount_minor, 1);
  }
}

export type SummaryFollowUp = { party: string; sent_at: string | null; satisfaction: number | null; answer: string | null; status: string };

export function addFollowUp(s: Summary, f: SummaryFollowUp): void {
  if (f.party === 'customer') {
    if (f.sent_at !== null) s.customerAsked += 1;
    if (f.satisfaction !== null) bump(s.customerScores, Number(f.satisfaction));
  } else if (f.party === 'employee') {
    if (f.sent_at !== null) s.employeeAsked += 1;
    if (f.status === 'answered' && f.answer !== null) {
      const felt = (JSON.parse(f.answer) as { feltSupported?: number }).feltSupported;
      if (typeof felt === 'number') bump(s.employeeScores, felt);
    }
  }
}

export type SummaryPromise = { owner_id: string; status: string; due_at: string; closed_at: string | null };

/** Whether a promise was kept on time is settled once it closes; "overdue now" depends on the moment of reading, which no rollup can know. */
export function addPromise(s: Summary, p: SummaryPromise): void {
  const v = s.promises[p.owner_id] ?? [0, 0, 0, 0];
  const closed = p.status === 'kept' || p.status === 'broken';
  s.promises[p.owner_id] = [
    v[0] + (closed ? 1 : 0),
    v[1] + (isKeptOnTime(p.status, p.due_at, p.closed_at) ? 1 : 0),
    v[2] + (p.status === 'broken' ? 1 : 0),
    v[3] + 1,
  ];
}

export type ReplyScore = { total: number; parts: Partial<Record<ScorePart, number>> };

export function addReply(s: Summary, at: string, data: string, timeZone: string): void {
  const score = (JSON.parse(data) as { score?: ReplyScore | null }).score;
  if (!score) return;
  bumpPair(s.replies, localDate(at, timeZone), 1, score.total);
  for (const part of SCORE_PARTS) {
    const value = score.parts[part];
    if (typeof value === 'number') bumpPair(s.replyParts, part, 1, value);
  }
}

// Merging folds hundreds of summaries per dashboard read: no array per entry (for…in, not
// Object.entries), and a pair already in `into` (always its own, never `from`'s) is added to in place.
const addTally = (into: Tally, from: Tally) => {
  for (const k in from) into[k] = (into[k] ?? 0) + (from[k] as number);
};
const addPairs = (into: Record<string, [number, number]>, from: Record<string, [number, number]>) => {
  for (const k in from) {
    const [a, b] = from[k] as [number, number];
    const v = into[k];
    if (v) {
      v[0] += a;
      v[1] += b;
    } else into[k] = [a, b];
  }
};

/** Adds one summary into another (in place) and returns it. */
export function mergeInto(into: Summary, from: Summary): Summary {
  into.cases += from.cases;
  into.breached += from.breached;
  into.threats += from.threats;
  into.customerAsked += from.customerAsked;
  into.employeeAsked += from.employeeAsked;
  for (const key of [
    'byDate',
    'byChannel',
    'bySeverity',
    'breachedBySeverity',
    'byRootCause',
    'byHour',
    'acknowledge',
    'resolve',
    'customerScores',
    'employeeScores',
  ] as const)
    addTally(into[key], from[key]);
  for (const key of ['costByKind', 'costByCurrency', 'replies', 'replyParts'] as const) addPairs(into[key], from[key]);
  for (const owner in from.promises) {
    const [c, k, b, all] = from.promises[owner] as [number, number, number, number];
    const v = into.promises[owner];
    if (v) {
      v[0] += c;
      v[1] += k;
      v[2] += b;
      v[3] += all;
    } else into.promises[owner] = [c, k, b, all];
  }
  return into;
}
