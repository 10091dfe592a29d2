import { describe, expect, it } from 'vitest';
import { improvementEffect } from './improvement-effect.js';

const DAY = 86_400_000;
const done = new Date('2026-10-01T00:00:00Z');
const at = (days: number) => new Date(done.getTime() + days * DAY).toISOString();
const spread = (count: number, from: number, to: number) =>
  Array.from({ length: count }, (_, i) => at(from + ((to - from) * (i + 0.5)) / count));

describe('the effect of an improvement', () => {
  it('compares the same number of weeks before and after, per 100 cases of the same teams', () => {
    const now = new Date(done.getTime() + 30 * DAY); // four whole weeks since done
    const effect = improvementEffect({
      doneAt: done.toISOString(),
      now,
      themeDates: [...spread(8, -28, 0), ...spread(2, 0, 28)],
      // Twice as many cases overall after the change: the count alone would hide the fall per case.
      teamCaseDates: [...spread(40, -28, 0), ...spread(80, 0, 28)],
    });
    expect(effect?.weeks).toBe(4);
    expect(effect?.before).toEqual({ conflicts: 8, cases: 40, ratePer100: 20 });
    expect(effect?.after).toEqual({ conflicts: 2, cases: 80, ratePer100: 2.5 });
    expect(effect?.change).toBe(-17.5);
    expect(effect?.weekly).toHaveLength(12);
    expect(effect?.weekly.filter((w) => w.after)).toHaveLength(4);
  });

  it('says when the theme had just spiked, so a fall may be it settling by itself', () => {
    const now = new Date(done.getTime() + 14 * DAY);
    const spiked = improvementEffect({
      doneAt: done.toISOString(),
      now,
      themeDates: [...spread(1, -28, -14), ...spread(6, -14, 0), ...spread(2, 0, 14)],
      teamCaseDates: [...spread(30, -28, -14), ...spread(30, -14, 0), ...spread(30, 0, 14)],
    });
    expect(spiked?.spikedBefore).toBe(true);
    const steady = improvementEffect({
      doneAt: done.toISOString(),
      now,
      themeDates: [...spread(6, -28, -14), ...spread(6, -14, 0), ...spread(2, 0, 14)],
      teamCaseDates: [...spread(30, -28, -14), ...spread(30, -14, 0), ...spread(30, 0, 14)],
    });
    expect(steady?.spikedBefore).toBe(false);
  });

  it('waits for at least a week, and never reads the future', () => {
    const effect = improvementEffect({
      doneAt: done.toISOString(),
      now: new Date(done.getTime() + DAY),
      themeDates: [],
      teamCaseDates: [],
    });
    expect(effect?.weeks).toBe(1);
    expect(effect?.after.ratePer100).toBeNull();
    expect(
      improvementEffect({ doneAt: done.toISOString(), now: new Date(done.getTime() - DAY), themeDates: [], teamCaseDates: [] }),
    ).toBeNull();
  });
});
