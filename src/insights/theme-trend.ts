/**
 * A theme's weekly counts and whether it is emerging or declining. The rule:
 *
 * - recent = its documents of the last 14 days; expected = the 42 days before, per 14 days (÷ 3),
 *   scaled by how busy the last 14 days were overall (all documents, recent ÷ expected), so a busy
 *   season lifts every theme's expectation and only a theme growing faster than the rest stands out.
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

/** The last 14 days and the 42 before, counted over some documents. */
export type Volume = { recent: number; before: number };

/** How many of the documents fall in the last 14 days and in the 42 days before. */
export function volumeOf(dates: readonly string[], now: Date): Volume {
  let recent = 0;
  let before = 0;
  for (const iso of dates) {
    const age = now.getTime() - Date.parse(iso);
    if (age >= 0 && age < 14 * DAY) recent++;
    else if (age >= 14 * DAY && age < 56 * DAY) before++;
  }
  return { recent, before };
}

/**
 * Counts per 7-day week ending now (oldest first, TREND_WEEKS of them) and the trend by the rule
 * above; `overall` is the volume of all documents (none: no scaling).
 */
export function themeTrend(
  dates: readonly string[],
  now: Date,
  overall?: Volume,
): { weekly: WeeklyCount[]; trend: Trend; recent: number; expected: number } {
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
  // A busier (or quieter) fortnight overall moves every theme's expectation with it; the factor is
  // kept between ½ and 3 so a workspace that has only just started is not read as a surge.
  const pace = overall && overall.before > 0 ? Math.min(3, Math.max(0.5, overall.recent / (overall.before / 3))) : 1;
  const expected = (before / 3) * pace;
  const trend: Trend =
    recent >= EMERGING_FLOOR && recent >= 2 * expected
      ? 'emerging'
      : expected >= EMERGING_FLOOR && recent <= expected / 2
        ? 'declining'
        : 'steady';
  return { weekly, trend, recent, expected: Math.round(expected * 10) / 10 };
}
