/**
 * A theme's weekly counts and whether it is emerging or declining. The rule:
 *
 * - recent = its documents of the last 14 days; expected = the 42 days before, per 14 days (÷ 3).
 * - emerging: recent ≥ EMERGING_FLOOR (5) and recent ≥ 2 × expected. The floor keeps small numbers
 *   out: a jump from 1 to 3 cases is not news, 2 to 6 is.
 * - declining: expected ≥ EMERGING_FLOOR and recent ≤ expected / 2.
 * - steady otherwise.
 */
export type Trend = 'emerging' | 'steady' | 'declining';

export const EMERGING_FLOOR = 5;
export const TREND_WEEKS = 12;
const DAY = 86_400_000;

export type WeeklyCount = { weekStart: string; count: number };

/** Counts per 7-day week ending now (oldest first, TREND_WEEKS of them) and the trend by the rule above. */
export function themeTrend(dates: readonly string[], now: Date): { weekly: WeeklyCount[]; trend: Trend; recent: number; expected: number } {
  const end = now.getTime();
  const weekly: WeeklyCount[] = [];
  for (let w = TREND_WEEKS - 1; w >= 0; w--)
    weekly.push({ weekStart: new Date(end - (w + 1) * 7 * DAY).toISOString().slice(0, 10), count: 0 });
  let recent = 0;
  let before = 0;
  for (const iso of dates) {
    const age = end - Date.parse(iso);
    if (!(age >= 0)) continue;
    const week = Math.floor(age / (7 * DAY));
    const slot = weekly[TREND_WEEKS - 1 - week];
    if (slot) slot.count++;
    if (age < 14 * DAY) recent++;
    else if (age < 56 * DAY) before++;
  }
  const expected = before / 3;
  const trend: Trend =
    recent >= EMERGING_FLOOR && recent >= 2 * expected
      ? 'emerging'
      : expected >= EMERGING_FLOOR && recent <= expected / 2
        ? 'declining'
        : 'steady';
  return { weekly, trend, recent, expected: Math.round(expected * 10) / 10 };
}
