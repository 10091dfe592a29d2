import { describe, expect, it } from 'vitest';
import {
  bucketOf,
  bucketRange,
  bucketsOf,
  compare,
  localDate,
  localHourAndWeekday,
  nearestRank,
  previousPeriod,
  startOfLocalDate,
  summariseDurations,
  summariseRatingCounts,
  summariseRatings,
} from './dashboard-metrics.js';

describe('dashboard figures', () => {
  it('takes percentiles by nearest rank, always a measured value', () => {
    const values = [30, 10, 20, 40, 50, 60, 70, 80, 90, 100];
    expect(nearestRank(values, 0.5)).toBe(50);
    expect(nearestRank(values, 0.9)).toBe(90);
    expect(nearestRank([7], 0.9)).toBe(7);
    expect(nearestRank([], 0.5)).toBeNull();
    expect(summariseDurations([5, 1, 3])).toEqual({ count: 3, median: 3, p90: 5 });
  });

  it('places a moment on the workspace’s local day at the day boundary', () => {
    // 23:30 UTC on 31 March is already 1 April in Berlin (UTC+2 in summer) but still 31 March in New York.
    expect(localDate('2026-03-31T23:30:00Z', 'Europe/Berlin')).toBe('2026-04-01');
    expect(localDate('2026-03-31T23:30:00Z', 'America/New_York')).toBe('2026-03-31');
    expect(localDate('2026-04-01T03:59:00Z', 'America/New_York')).toBe('2026-03-31');
    expect(localHourAndWeekday('2026-03-31T23:30:00Z', 'Europe/Berlin')).toEqual({ hour: 1, weekday: 3 });
  });

  it('reads the same local day, hour and weekday as Intl does, across offset changes and odd offsets', () => {
    const intl = (ms: number, timeZone: string) => {
      const parts = new Intl.DateTimeFormat('en-GB', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        weekday: 'short',
      }).formatToParts(new Date(ms));
      const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
      const weekday = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(part('weekday')) + 1;
      return { date: `${part('year')}-${part('month')}-${part('day')}`, hour: Number(part('hour')), weekday };
    };
    const cases: [string, string][] = [
      ['Europe/Berlin', '2026-03-29T00:00:00Z'],
      ['America/New_York', '2026-11-01T04:00:00Z'],
      ['Asia/Kolkata', '2026-06-30T17:00:00Z'],
      ['Asia/Kathmandu', '2026-06-30T17:00:00Z'],
      ['Pacific/Chatham', '2026-04-04T12:00:00Z'],
      ['Australia/Lord_Howe', '2026-04-04T14:00:00Z'],
      // Local mean time, 19 minutes 32 seconds ahead of UTC, then the change to standard time.
      ['Europe/Amsterdam', '1937-06-30T22:00:00Z'],
      ['Europe/Amsterdam', '1850-01-01T00:00:00Z'],
    ];
    for (const [zone, around] of cases)
      for (let ms = Date.parse(around) - 6 * 3_600_000; ms < Date.parse(around) + 6 * 3_600_000; ms += 433_000) {
        const iso = new Date(ms).toISOString();
        const want = intl(ms, zone);
        expect({ date: localDate(iso, zone), ...localHourAndWeekday(iso, zone) }, `${zone} ${iso}`).toEqual(want);
      }
  });

  it('finds local midnight in UTC on both sides of a daylight-saving change', () => {
    expect(startOfLocalDate('2026-03-29', 'Europe/Berlin')).toBe('2026-03-28T23:00:00.000Z');
    expect(startOfLocalDate('2026-03-30', 'Europe/Berlin')).toBe('2026-03-29T22:00:00.000Z');
    expect(startOfLocalDate('2026-07-01', 'Asia/Kolkata')).toBe('2026-06-30T18:30:00.000Z');
    expect(bucketRange('2026-03-29', 'day', 'Europe/Berlin')).toEqual({
      from: '2026-03-28T23:00:00.000Z',
      to: '2026-03-29T22:00:00.000Z',
    });
  });

  it('names buckets by their first day: the Monday of an ISO week, the 1st of a month', () => {
    expect(bucketOf('2026-03-05', 'week')).toBe('2026-03-02');
    expect(bucketOf('2026-03-08', 'week')).toBe('2026-03-02');
    expect(bucketOf('2026-03-09', 'week')).toBe('2026-03-09');
    expect(bucketOf('2026-03-31', 'month')).toBe('2026-03-01');
    expect(bucketsOf({ from: '2026-03-01T00:00:00Z', to: '2026-03-04T00:00:00Z' }, 'day', 'UTC')).toEqual([
      '2026-03-01',
      '2026-03-02',
      '2026-03-03',
    ]);
    expect(bucketsOf({ from: '2026-01-15T00:00:00Z', to: '2026-03-02T00:00:00Z' }, 'month', 'UTC')).toEqual([
      '2026-01-01',
      '2026-02-01',
      '2026-03-01',
    ]);
  });

  it('compares with the period of the same length just before', () => {
    expect(previousPeriod({ from: '2026-03-08T00:00:00.000Z', to: '2026-03-15T00:00:00.000Z' })).toEqual({
      from: '2026-03-01T00:00:00.000Z',
      to: '2026-03-08T00:00:00.000Z',
    });
    expect(compare(0.75, 0.5)).toEqual({ current: 0.75, previous: 0.5, change: 0.25 });
    expect(compare(3, null).change).toBeNull();
  });

  it('summarises ratings as a mean, a share of 4–5 and a response rate over those asked', () => {
    const s = summariseRatings([5, 4, 2, 1], 8);
    expect(s).toEqual({ asked: 8, answered: 4, responseRate: 0.5, mean: 3, goodShare: 0.5, distribution: [1, 1, 0, 1, 1] });
    expect(summariseRatings([], 0)).toMatchObject({ responseRate: null, mean: null, goodShare: null });
    // The same from the counts a rollup keeps.
    expect(summariseRatingCounts({ 5: 1, 4: 1, 2: 1, 1: 1 }, 8)).toEqual(s);
    expect(summariseRatingCounts({ 4: 2, 3: 1 }, 3)).toEqual(summariseRatings([4, 3, 4], 3));
    expect(summariseRatingCounts({}, 0)).toEqual(summariseRatings([], 0));
  });
});
