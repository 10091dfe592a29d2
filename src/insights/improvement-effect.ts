/**
 * Did the fix work? The conflicts of an improvement's themes in the same number of weeks before and
 * after it was done, as rates per 100 cases of the same teams (so a busier season does not read as
 * a relapse), with the weekly rate of the weeks before: a theme that spiked just before the change
 * tends to fall back by itself, and the reader should see whether it did.
 *
 * The window is as many whole weeks as have passed since it was done, at least 1 and at most 8.
 * `spikedBefore` says the rate in the window just before the change was at least 1.5 × the rate in
 * the window before that (and at least 3 conflicts): then part of any fall is likely regression to
 * the mean, not the fix.
 */
export type EffectInput = {
  doneAt: string;
  now: Date;
  /** When each conflict of the themes happened. */
  themeDates: readonly string[];
  /** When each case of the same teams happened (themed or not): the denominator. */
  teamCaseDates: readonly string[];
};

export type ImprovementEffect = {
  weeks: number;
  before: { conflicts: number; cases: number; ratePer100: number | null };
  after: { conflicts: number; cases: number; ratePer100: number | null };
  /** The window before that one, for the trend the change came in on. */
  earlier: { conflicts: number; cases: number; ratePer100: number | null };
  /** Weekly rate per 100 cases over the 2·weeks before the change and the weeks after, oldest first. */
  weekly: { weekStart: string; conflicts: number; cases: number; ratePer100: number | null; after: boolean }[];
  spikedBefore: boolean;
  /** after − before, in points per 100 cases (null when either has no cases). */
  change: number | null;
};

const WEEK = 7 * 86_400_000;

export function improvementEffect(input: EffectInput): ImprovementEffect | null {
  const done = Date.parse(input.doneAt);
  const sinceDone = input.now.getTime() - done;
  if (!(sinceDone >= 0)) return null;
  const weeks = Math.max(1, Math.min(8, Math.floor(sinceDone / WEEK)));
  const count = (dates: readonly string[], from: number, to: number) =>
    dates.reduce((n, iso) => {
      const t = Date.parse(iso);
      return t >= from && t < to ? n + 1 : n;
    }, 0);
  const window = (from: number, to: number) => {
    const conflicts = count(input.themeDates, from, to);
    const cases = count(input.teamCaseDates, from, to);
    return { conflicts, cases, ratePer100: cases > 0 ? round((conflicts / cases) * 100) : null };
  };
  const before = window(done - weeks * WEEK, done);
  const after = window(done, done + weeks * WEEK);
  const earlier = window(done - 2 * weeks * WEEK, done - weeks * WEEK);
  const weekly = [];
  for (let w = -2 * weeks; w < weeks; w++) {
    const from = done + w * WEEK;
    weekly.push({ weekStart: new Date(from).toISOString().slice(0, 10), ...window(from, from + WEEK), after: w >= 0 });
  }
  const spikedBefore =
    before.conflicts >= 3 && before.ratePer100 !== null && (earlier.ratePer100 === null || before.ratePer100 >= 1.5 * earlier.ratePer100);
  const change = before.ratePer100 !== null && after.ratePer100 !== null ? round(after.ratePer100 - before.ratePer100) : null;
  return { weeks, before, after, earlier, weekly, spikedBefore, change };
}

const round = (x: number) => Math.round(x * 10) / 10;
