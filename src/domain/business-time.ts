import { offsetMinutes } from './time-zone.js';

/**
 * Business time: the minutes an SLA clock counts. A team's calendar says when it is open (one span
 * per weekday, on its own clock) and which days it is closed; a clock paused while the case waits on
 * the customer counts nothing. With no calendar every minute counts (calendar time), which is what
 * regulated deadline presets always use.
 */

/** Open from `start` to `end`, minutes after local midnight (0 ≤ start < end ≤ 1440). */
export type DayHours = { start: number; end: number };

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export type BusinessCalendar = {
  /** IANA zone the hours and holidays are read on. */
  timeZone: string;
  /** Monday first; null when closed all day. */
  week: readonly (DayHours | null)[];
  /** Local dates (YYYY-MM-DD) on which the team is closed. */
  holidays: readonly string[];
};

/** A stretch during which a clock stood still; `to` is null while it still does. */
export type ClockPause = { from: string; to: string | null };

const MINUTE = 60_000;
/** How far ahead a due time is looked for: beyond any target a settings form accepts, with holidays. */
const HORIZON_DAYS = 3 * 366;

/** Whether a calendar opens at all in a week (one that never opens would never reach a due time). */
export function opensInWeek(week: readonly (DayHours | null)[]): boolean {
  return week.some((d) => d !== null && d.end > d.start);
}

/** The UTC instant at which the zone's wall clock shows `minuteOfDay` on the local date y-m-d (DST included). */
export function localMoment(timeZone: string, y: number, m: number, d: number, minuteOfDay: number): number {
  const wall = Date.UTC(y, m - 1, d) + minuteOfDay * MINUTE;
  // Two passes settle the offset on both sides of a change; a wall time skipped by a spring-forward
  // lands on the first moment after the gap's start, as clocks in that zone would read it.
  let guess = wall - offsetMinutes(timeZone, new Date(wall)) * MINUTE;
  guess = wall - offsetMinutes(timeZone, new Date(guess)) * MINUTE;
  return guess;
}

/** The local calendar date (y, m, d) and weekday (0 = Monday) of an instant in a zone. */
export function localDate(timeZone: string, at: number): { y: number; m: number; d: number; weekday: number; iso: string } {
  const local = new Date(at + offsetMinutes(timeZone, new Date(at)) * MINUTE);
  const y = local.getUTCFullYear();
  const m = local.getUTCMonth() + 1;
  const d = local.getUTCDate();
  const iso = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  return { y, m, d, weekday: (local.getUTCDay() + 6) % 7, iso };
}

type Span = [number, number];

/** The spans the calendar is open, from the local day of `from` onwards, clipped to start at `from`. */
function* openSpans(calendar: BusinessCalendar, from: number): Generator<Span> {
  const holidays = new Set(calendar.holidays);
  const first = localDate(calendar.timeZone, from);
  for (let i = 0; i < HORIZON_DAYS; i++) {
    // Step by calendar date (noon UTC of the local date), not by 24 h, so DST days are not skipped.
    const day = localDate('UTC', Date.UTC(first.y, first.m - 1, first.d + i, 12));
    const hours = calendar.week[day.weekday];
    if (!hours || hours.end <= hours.start || holidays.has(day.iso)) continue;
    const start = Math.max(from, localMoment(calendar.timeZone, day.y, day.m, day.d, hours.start));
    const end = localMoment(calendar.timeZone, day.y, day.m, day.d, hours.end);
    if (end > start) yield [start, end];
  }
}

/** The spans that count: open spans (or all time) minus the pauses. */
function* countingSpans(calendar: BusinessCalendar | null, from: number, pauses: readonly ClockPause[]): Generator<Span> {
  const stops = pauses
    .map((p): Span => [Date.parse(p.from), p.to === null ? Number.POSITIVE_INFINITY : Date.parse(p.to)])
    .filter(([a, b]) => b > a)
    .sort((a, b) => a[0] - b[0]);
  const spans: Iterable<Span> = calendar ? openSpans(calendar, from) : [[from, Number.POSITIVE_INFINITY]];
  for (const [start, end] of spans) {
    let cursor = start;
    for (const [a, b] of stops) {
      if (b <= cursor || a >= end) continue;
      if (a > cursor) yield [cursor, a];
      cursor = Math.max(cursor, b);
      if (cursor >= end) break;
    }
    if (cursor < end) yield [cursor, end];
    if (cursor === Number.POSITIVE_INFINITY) return;
  }
}

/**
 * The moment a clock started at `start` has counted `minutes` of business time (calendar time when
 * `calendar` is null), leaving out `pauses`. Null when the clock is paused with no end before it gets
 * there, or when the calendar is never open within the horizon.
 */
export function addBusinessMinutes(
  start: Date,
  minutes: number,
  calendar: BusinessCalendar | null,
  pauses: readonly ClockPause[] = [],
): Date | null {
  let left = minutes * MINUTE;
  if (left <= 0) return start;
  for (const [a, b] of countingSpans(calendar, start.getTime(), pauses)) {
    if (b - a >= left) return new Date(a + left);
    left -= b - a;
  }
  return null;
}

/** Business minutes (calendar minutes when `calendar` is null) between two moments; negative when `to` is earlier. */
export function businessMinutesBetween(from: Date, to: Date, calendar: BusinessCalendar | null): number {
  if (to.getTime() < from.getTime()) return -businessMinutesBetween(to, from, calendar);
  let ms = 0;
  for (const [a, b] of countingSpans(calendar, from.getTime(), [])) {
    if (a >= to.getTime()) break;
    ms += Math.min(b, to.getTime()) - a;
    if (b >= to.getTime()) break;
  }
  return ms / MINUTE;
}

/**
 * Where a running clock's due time moves when it resumes: the business time that was left at the
 * pause, counted again from the resume. A clock already past due at the pause keeps its due time.
 */
export function dueAfterPause(dueAt: Date, pausedAt: Date, resumedAt: Date, calendar: BusinessCalendar | null): Date {
  const left = businessMinutesBetween(pausedAt, dueAt, calendar);
  if (left <= 0) return dueAt;
  return addBusinessMinutes(resumedAt, left, calendar) ?? new Date(resumedAt.getTime() + left * MINUTE);
}

/** Parses "HH:MM" (00:00–24:00) into minutes after midnight, or null. */
export function parseClockTime(text: string): number | null {
  const m = /^([01]\d|2[0-4]):([0-5]\d)$/.exec(text);
  if (!m) return null;
  const minutes = Number(m[1]) * 60 + Number(m[2]);
  return minutes <= 24 * 60 ? minutes : null;
}

/** Minutes after midnight as "HH:MM". */
export function formatClockTime(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** Whether a text is a real calendar date written YYYY-MM-DD. */
export function isLocalDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const at = Date.parse(`${text}T00:00:00Z`);
  return !Number.isNaN(at) && new Date(at).toISOString().slice(0, 10) === text;
}
