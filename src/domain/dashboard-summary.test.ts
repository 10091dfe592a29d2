import { describe, expect, it } from 'vitest';
import { nearestRank } from './dashboard-metrics.js';
import { bucketUpper, durationBucket, emptySummary, histogramPercentile, mergeInto, type Tally } from './dashboard-summary.js';

const histogramOf = (values: readonly number[]): Tally => {
  const h: Tally = {};
  for (const v of values) h[durationBucket(v)] = (h[durationBucket(v)] ?? 0) + 1;
  return h;
};

describe('duration buckets', () => {
  it('keep each minute below 64 apart and split each power of two above into 32', () => {
    expect([0, 1, 63].map(durationBucket)).toEqual([0, 1, 63]);
    expect(durationBucket(64)).toBe(64);
    expect(durationBucket(65)).toBe(64);
    expect(durationBucket(66)).toBe(65);
    expect(durationBucket(127)).toBe(95);
    expect(durationBucket(128)).toBe(96);
    expect(bucketUpper(durationBucket(600))).toBe(607);
  });

  it('hold every minute in exactly one bucket whose upper end is at most 1/32 above it', () => {
    let previous = -1;
    const wrong: number[] = [];
    for (let m = 0; m < 200_000; m += 1) {
      const b = durationBucket(m);
      const upper = bucketUpper(b);
      if ((b !== previous && b !== previous + 1) || upper < m || upper - m > m / 32) wrong.push(m);
      previous = b;
    }
    expect(wrong).toEqual([]);
  });
});

describe('percentiles of merged histograms', () => {
  const day1 = [5, 5, 5, 5, 5, 5, 5, 5, 5];
  const day2 = [300, 300, 300, 300, 300, 300, 300, 300, 300, 300, 300];

  it('cannot be added up from the days’ percentiles, but can be read off the merged histogram', () => {
    const pooled = [...day1, ...day2];
    // The days' medians are 5 and 300: neither their mean (152.5) nor any sum of them is the period's median.
    const meanOfMedians = ((nearestRank(day1, 0.5) as number) + (nearestRank(day2, 0.5) as number)) / 2;
    expect(meanOfMedians).toBe(152.5);
    expect(nearestRank(pooled, 0.5)).toBe(300);
    const merged = mergeInto(mergeInto(emptySummary(), { ...emptySummary(), acknowledge: histogramOf(day1) }), {
      ...emptySummary(),
      acknowledge: histogramOf(day2),
    });
    expect(merged.acknowledge).toEqual(histogramOf(pooled));
    expect(histogramPercentile(merged.acknowledge, 0.5)).toBe(bucketUpper(durationBucket(nearestRank(pooled, 0.5) as number)));
  });

  it('are the nearest rank, exact below 64 minutes and at most 1/32 above it beyond', () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 48271) % 2147483647;
      return seed / 2147483647;
    };
    const values = Array.from({ length: 5000 }, () => Math.floor(random() ** 3 * 20_000));
    const h = histogramOf(values);
    for (const p of [0.1, 0.5, 0.9, 0.99]) {
      const exact = nearestRank(values, p) as number;
      const read = histogramPercentile(h, p) as number;
      expect(read).toBeGreaterThanOrEqual(exact);
      expect(read - exact).toBeLessThanOrEqual(exact < 64 ? 0 : exact / 32);
    }
    expect(histogramPercentile({}, 0.5)).toBeNull();
  });
});
