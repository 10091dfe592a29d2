import { offsetMinutes } from './time-zone.js';

/**
 * How the dashboard's figures are defined: percentiles, periods, buckets in the workspace's local
 * time, satisfaction summaries and changes against the previous period. Pure; the definitions here
 * are the ones the page and the README spell out.
 */

export const BUCKETS = ['day', 'week', 'month'] as const;
export type Bucket = (typeof BUCKETS)[number];

export type Period = { from: string; to: string };

const DAY = 86_400_000;

/**
 * The nearest-rank percentile: the smallest value with at least p of the values at or below it
 * (the ⌈p·n⌉-th smallest). It is always one of the measured values, so "90% of cases were
 * acknowledged within X" holds exactly; null when there are no values.
 */
export function nearestRank(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil(p * sorted.length));
  return sorted[rank - 1] ?? null;
}

/** Median and 90th percentile (nearest rank) of durations in minutes, with how many were measured. */
export type DurationSummary = { count: number; median: number | null; p90: number | null };

export function summariseDurations(minutes: readonly number[]): DurationSummary {
  return { count: minutes.length, median: nearestRank(minutes, 0.5), p90: nearestRank(minutes, 0.9) };
}

/** Whole minutes from one timestamp to another (never negative). */
export const minutesBetween = (fromIso: string, toIso: string): number =>
  Math.max(0, Math.round((Date.parse(toIso) - Date.parse(fromIso)) / 60_000));

const partsFormat = new Map<string, Intl.DateTimeFormat>();

/** The zone's offset from UTC at a moment, in milliseconds (to the second: old local mean times have odd seconds). */
function offsetAt(ms: number, timeZone: string): number {
  let format = partsFormat.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    partsFormat.set(timeZone, format);
  }
  const parts = format.formatToParts(new Date(ms));
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const wall = new Date(0);
  wall.setUTCFullYear(part('year'), part('month') - 1, part('day'));
  wall.setUTCHours(part('hour'), part('minute'), part('second'), 0);
  return wall.getTime() - Math.floor(ms / 1000) * 1000;
}

/** Quarter hours: every zone's offset, and every change of it, falls on one (old local mean times aside). */
const BLOCK = 15 * 60_000;
/** A zone's offset over each quarter hour asked about, null where it changes within it. */
const blockOffsets = new Map<string, number | null>();

/**
 * The wall clock of a moment in a zone. Intl's formatToParts costs microseconds a call and a
 * rollup folds several per case, so the offset is kept per zone and quarter hour (the same over
 * the whole quarter when it is the same at both ends) and the wall clock read off the moment moved by it.
 */
function wallClock(iso: string, timeZone: string): { year: number; month: number; day: number; hour: number; weekday: number } {
  const ms = Date.parse(iso);
  const start = Math.floor(ms / BLOCK) * BLOCK;
  const key = `${timeZone}|${start}`;
  let offset = blockOffsets.get(key);
  if (offset === undefined) {
    const first = offsetAt(start, timeZone);
    offset = first === offsetAt(start + BLOCK - 1, timeZone) ? first : null;
    if (blockOffsets.size >= 100_000) blockOffsets.clear();
    blockOffsets.set(key, offset);
  }
  const wall = new Date(ms + (offset ?? offsetAt(ms, timeZone)));
  return {
    year: wall.getUTCFullYear(),
    month: wall.getUTCMonth() + 1,
    day: wall.getUTCDate(),
    hour: wall.getUTCHours(),
    weekday: wall.getUTCDay() || 7,
  };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The workspace's local calendar date of a moment, `YYYY-MM-DD`. */
export function localDate(iso: string, timeZone: string): string {
  const w = wallClock(iso, timeZone);
  return `${w.year}-${pad(w.month)}-${pad(w.day)}`;
}

/** The local hour (0–23) and ISO weekday (1 = Monday … 7 = Sunday) of a moment, for the heatmap. */
export function localHourAndWeekday(iso: string, timeZone: string): { hour: number; weekday: number } {
  const w = wallClock(iso, timeZone);
  return { hour: w.hour, weekday: w.weekday };
}

/** The bucket a local date falls in, named by its first day: the date, the Monday of its ISO week, or the 1st of its month. */
export function bucketOf(date: string, bucket: Bucket): string {
  if (bucket === 'day') return date;
  if (bucket === 'month') return `${date.slice(0, 7)}-01`;
  const t = Date.parse(`${date}T00:00:00Z`);
  const weekday = new Date(t).getUTCDay() || 7;
  return new Date(t - (weekday - 1) * DAY).toISOString().slice(0, 10);
}

/** The local date after a bucket's last day: where the next bucket starts. */
export function nextBucket(start: string, bucket: Bucket): string {
  const t = new Date(`${start}T00:00:00Z`);
  if (bucket === 'day') t.setUTCDate(t.getUTCDate() + 1);
  else if (bucket === 'week') t.setUTCDate(t.getUTCDate() + 7);
  else t.setUTCMonth(t.getUTCMonth() + 1);
  return t.toISOString().slice(0, 10);
}

/**
 * The UTC moment a local date begins in the zone (its local midnight), daylight saving included:
 * the offset is read at the guess and read again once, which settles on both sides of a change.
 */
export function startOfLocalDate(date: string, timeZone: string): string {
  const midnightUtc = Date.parse(`${date}T00:00:00Z`);
  let guess = midnightUtc - offsetMinutes(timeZone, new Date(midnightUtc)) * 60_000;
  guess = midnightUtc - offsetMinutes(timeZone, new Date(guess)) * 60_000;
  return new Date(guess).toISOString();
}

/** The UTC range a bucket covers, for drilling down from it to the inbox. */
export function bucketRange(start: string, bucket: Bucket, timeZone: string): Period {
  return { from: startOfLocalDate(start, timeZone), to: startOfLocalDate(nextBucket(start, bucket), timeZone) };
}

/** Every bucket that touches the period, in order, so a bucket with no cases shows as zero rather than missing. */
export function bucketsOf(period: Period, bucket: Bucket, timeZone: string): string[] {
  const last = localDate(new Date(Date.parse(period.to) - 1).toISOString(), timeZone);
  const out: string[] = [];
  for (let b = bucketOf(localDate(period.from, timeZone), bucket); b <= last && out.length < 2000; b = nextBucket(b, bucket)) out.push(b);
  return out;
}

/** The local dates from the period's first to its last day. */
export const daysOf = (period: Period, timeZone: string): string[] => bucketsOf(period, 'day', timeZone);

/** The period of the same length that ends where this one starts. */
export function previousPeriod(period: Period): Period {
  const length = Date.parse(period.to) - Date.parse(period.from);
  return { from: new Date(Date.parse(period.from) - length).toISOString(), to: period.from };
}

/** A bucket fine enough to show a trend and coarse enough to read: days up to 31 days, weeks up to 26 weeks, then months. */
export function defaultBucket(period: Period): Bucket {
  const days = (Date.parse(period.to) - Date.parse(period.from)) / DAY;
  if (days <= 31) return 'day';
  if (days <= 182) return 'week';
  return 'month';
}

/** A rating out of five summarised: mean, share of good answers (4 or 5), the count of each score, and the response rate. */
export type RatingSummary = {
  /** Surveys sent (the denominator of the response rate). */
  asked: number;
  answered: number;
  /** answered ÷ asked, null when none were asked. */
  responseRate: number | null;
  /** Arithmetic mean of the answers, to two decimals. */
  mean: number | null;
  /** Share of answers of 4 or 5. */
  goodShare: number | null;
  /** How many answered 1, 2, 3, 4, 5 (index 0 is a score of 1). */
  distribution: [number, number, number, number, number];
};

const ratio = (n: number, d: number, places = 3): number | null => (d === 0 ? null : Math.round((n / d) * 10 ** places) / 10 ** places);

export function summariseRatings(scores: readonly number[], asked: number): RatingSummary {
  const count = (score: number) => scores.filter((s) => Math.round(s) === score).length;
  const distribution: RatingSummary['distribution'] = [count(1), count(2), count(3), count(4), count(5)];
  const sum = scores.reduce((a, b) => a + b, 0);
  return {
    asked,
    answered: scores.length,
    responseRate: ratio(scores.length, asked),
    mean: ratio(sum, scores.length, 2),
    goodShare: ratio(scores.filter((s) => s >= 4).length, scores.length),
    distribution,
  };
}

/** The same summary from how many answered each score (score → count), as a rollup keeps them. */
export function summariseRatingCounts(counts: Readonly<Record<string, number>>, asked: number): RatingSummary {
  const distribution: RatingSummary['distribution'] = [0, 0, 0, 0, 0];
  let answered = 0;
  let sum = 0;
  let good = 0;
  for (const [key, n] of Object.entries(counts)) {
    const score = Number(key);
    const slot = Math.round(score) - 1;
    if (slot >= 0 && slot < 5) distribution[slot] = (distribution[slot] ?? 0) + n;
    answered += n;
    sum += score * n;
    if (score >= 4) good += n;
  }
  return {
    asked,
    answered,
    responseRate: ratio(answered, asked),
    mean: ratio(sum, answered, 2),
    goodShare: ratio(good, answered),
    distribution,
  };
}

/** A share rounded to three decimals, null when the denominator is zero. */
export const share = (part: number, whole: number): number | null => ratio(part, whole);

/** A figure beside the previous period's: the difference, and the relative change when the previous is not zero. */
export type Compared = { current: number | null; previous: number | null; change: number | null };

export function compare(current: number | null, previous: number | null): Compared {
  const change = current === null || previous === null ? null : Math.round((current - previous) * 1000) / 1000;
  return { current, previous, change };
}
