import { describe, expect, it } from 'vitest';
import { isIsoWeek, isoWeekOf, weekStart } from './iso-week.js';

describe('ISO weeks', () => {
  it('numbers weeks from the one holding the first Thursday, across year ends', () => {
    expect(isoWeekOf(new Date('2026-12-02T10:00:00Z'))).toBe('2026-W49');
    expect(isoWeekOf(new Date('2027-01-01T10:00:00Z'))).toBe('2026-W53');
    expect(isoWeekOf(new Date('2025-12-29T00:00:00Z'))).toBe('2026-W01');
    expect(weekStart('2026-W49')?.toISOString()).toBe('2026-11-30T00:00:00.000Z');
    expect(weekStart('2026-W01')?.toISOString()).toBe('2025-12-29T00:00:00.000Z');
  });

  it('refuses what is not a week', () => {
    expect(isIsoWeek('2025-W53')).toBe(false);
    expect(isIsoWeek('2026-W53')).toBe(true);
    expect(isIsoWeek('2026-W00')).toBe(false);
    expect(isIsoWeek('2026-49')).toBe(false);
  });
});
