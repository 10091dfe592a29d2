/** ISO-8601 weeks (Monday to Sunday, week 1 holds the year's first Thursday), in UTC. */

const DAY = 86_400_000;
const WEEK_PATTERN = /^(\d{4})-W(\d{2})$/;

/** The ISO week a moment falls in, as `YYYY-Www`. */
export function isoWeekOf(at: Date): string {
  const day = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
  const weekday = day.getUTCDay() || 7;
  // The Thursday of this week decides the year the week belongs to.
  day.setUTCDate(day.getUTCDate() + 4 - weekday);
  const yearStart = Date.UTC(day.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((day.getTime() - yearStart) / DAY + 1) / 7);
  return `${day.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

/** The Monday 00:00 UTC that starts a week, or undefined when the text is no ISO week. */
export function weekStart(week: string): Date | undefined {
  const m = WEEK_PATTERN.exec(week);
  if (!m) return undefined;
  const year = Number(m[1]);
  const n = Number(m[2]);
  const jan4 = new Date(Date.UTC(year, 0, 4));
  const monday1 = jan4.getTime() - ((jan4.getUTCDay() || 7) - 1) * DAY;
  const start = new Date(monday1 + (n - 1) * 7 * DAY);
  // Week 53 exists only in some years: a week that rolls into the next year's numbering is not one.
  return n >= 1 && isoWeekOf(start) === week ? start : undefined;
}

/** Whether the text names a real ISO week. */
export const isIsoWeek = (week: string): boolean => weekStart(week) !== undefined;
