import { describe, expect, it } from 'vitest';
import { dueWords } from './due-words.js';

describe('dueWords', () => {
  const now = new Date('2026-03-02T09:00:00Z'); // a Monday
  it('says a time this week by its weekday and clock hour', () => {
    expect(dueWords('2026-03-06T16:00:00Z', now)).toBe('Fri 4 pm');
    expect(dueWords('2026-03-06T16:30:00Z', now)).toBe('Fri 4:30 pm');
    expect(dueWords('2026-03-03T00:15:00Z', now)).toBe('Tue 12:15 am');
  });
  it('reads the clock of the zone it is given', () => {
    expect(dueWords('2026-03-06T16:00:00Z', now, 'America/Los_Angeles')).toBe('Fri 8 am');
  });
  it('gives the date for times further away', () => {
    expect(dueWords('2026-03-20T12:00:00Z', now)).toBe('20 Mar 12 pm');
  });
});
