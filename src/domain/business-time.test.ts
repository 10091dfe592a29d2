import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addBusinessMinutes,
  type BusinessCalendar,
  businessMinutesBetween,
  dueAfterPause,
  isLocalDate,
  localMoment,
  parseClockTime,
} from './business-time.js';

const nineToFive = { start: 9 * 60, end: 17 * 60 };
/** Monday to Friday, 9 to 5, in Los Angeles. */
const la: BusinessCalendar = {
  timeZone: 'America/Los_Angeles',
  week: [nineToFive, nineToFive, nineToFive, nineToFive, nineToFive, null, null],
  holidays: [],
};
const at = (iso: string) => new Date(iso);
const iso = (d: Date | null) => d?.toISOString() ?? null;

describe('business minutes', () => {
  it('counts calendar time when there is no calendar', () => {
    expect(iso(addBusinessMinutes(at('2026-03-06T10:00:00Z'), 90, null))).toBe('2026-03-06T11:30:00.000Z');
  });

  it('counts within the day when the team is open', () => {
    // Wed 4 Mar 2026 10:00 PST = 18:00Z; one hour later.
    expect(iso(addBusinessMinutes(at('2026-03-04T18:00:00Z'), 60, la))).toBe('2026-03-04T19:00:00.000Z');
  });

  it('carries what is left over the evening to the next morning', () => {
    // Wed 16:00 PST + 2 h = Thu 10:00 PST (18:00Z).
    expect(iso(addBusinessMinutes(at('2026-03-05T00:00:00Z'), 120, la))).toBe('2026-03-05T18:00:00.000Z');
  });

  it('skips the weekend', () => {
    // Fri 6 Mar 16:00 PST + 4 h = Mon 9 Mar 12:00 PDT (DST began on Sunday 8 Mar): 19:00Z.
    expect(iso(addBusinessMinutes(at('2026-03-07T00:00:00Z'), 240, la))).toBe('2026-03-09T19:00:00.000Z');
  });

  it('starts at opening time when a case comes in at night', () => {
    // Sat 7 Mar 23:00 PST → Mon 9 Mar 09:00 PDT + 30 min = 16:30Z.
    expect(iso(addBusinessMinutes(at('2026-03-08T07:00:00Z'), 30, la))).toBe('2026-03-09T16:30:00.000Z');
  });

  it('skips holidays on the local date', () => {
    const withHoliday = { ...la, holidays: ['2026-03-09'] };
    // As above but Monday is a holiday: Tue 10 Mar 09:30 PDT.
    expect(iso(addBusinessMinutes(at('2026-03-08T07:00:00Z'), 30, withHoliday))).toBe('2026-03-10T16:30:00.000Z');
  });

  it('keeps the hours on the local clock on both sides of the autumn change', () => {
    // Fri 30 Oct 2026 16:00 PDT (23:00Z) + 2 h → Mon 2 Nov 10:00 PST (18:00Z); PDT ended Sun 1 Nov.
    expect(iso(addBusinessMinutes(at('2026-10-30T23:00:00Z'), 120, la))).toBe('2026-11-02T18:00:00.000Z');
  });

  it('counts a 24-hour day in a zone with a 23-hour DST day', () => {
    const allDay: BusinessCalendar = { timeZone: 'Europe/London', week: Array(7).fill({ start: 0, end: 24 * 60 }), holidays: [] };
    // London loses an hour on 29 Mar 2026: Sunday has 23 open hours, so 48 h from Sat 00:00 GMT end Mon 01:00 BST.
    expect(iso(addBusinessMinutes(at('2026-03-28T00:00:00Z'), 48 * 60, allDay))).toBe('2026-03-30T00:00:00.000Z');
  });

  it('leaves out paused time, and a pause outside opening hours changes nothing', () => {
    const start = at('2026-03-04T18:00:00Z'); // Wed 10:00 PST
    const pauses = [{ from: '2026-03-04T19:00:00Z', to: '2026-03-04T20:00:00Z' }];
    expect(iso(addBusinessMinutes(start, 120, la, pauses))).toBe('2026-03-04T21:00:00.000Z');
    const night = [{ from: '2026-03-05T02:00:00Z', to: '2026-03-05T10:00:00Z' }];
    expect(iso(addBusinessMinutes(start, 8 * 60, la, night))).toBe(iso(addBusinessMinutes(start, 8 * 60, la)));
    expect(iso(addBusinessMinutes(start, 90, null, pauses))).toBe('2026-03-04T20:30:00.000Z');
  });

  it('has no due time while a pause is still open', () => {
    expect(addBusinessMinutes(at('2026-03-04T18:00:00Z'), 120, null, [{ from: '2026-03-04T19:00:00Z', to: null }])).toBeNull();
  });

  it('has no due time when the calendar never opens', () => {
    expect(addBusinessMinutes(at('2026-03-04T18:00:00Z'), 60, { ...la, week: Array(7).fill(null) })).toBeNull();
  });

  it('measures business minutes between two moments, either way round', () => {
    // Fri 16:00 PST → Mon 12:00 PDT: 1 h Friday + 3 h Monday.
    expect(businessMinutesBetween(at('2026-03-07T00:00:00Z'), at('2026-03-09T19:00:00Z'), la)).toBe(240);
    expect(businessMinutesBetween(at('2026-03-09T19:00:00Z'), at('2026-03-07T00:00:00Z'), la)).toBe(-240);
    expect(businessMinutesBetween(at('2026-03-07T00:00:00Z'), at('2026-03-07T02:00:00Z'), null)).toBe(120);
  });

  it('moves a due time on resume by the business time the pause took', () => {
    // Due Thu 12:00 PST; paused Wed 12:00, resumed Wed 15:00: three business hours later, Thu 15:00 PST.
    const due = at('2026-03-05T20:00:00Z');
    expect(iso(dueAfterPause(due, at('2026-03-04T20:00:00Z'), at('2026-03-04T23:00:00Z'), la))).toBe('2026-03-05T23:00:00.000Z');
    // Paused overnight only: nothing moves.
    expect(iso(dueAfterPause(due, at('2026-03-05T02:00:00Z'), at('2026-03-05T16:00:00Z'), la))).toBe(iso(due));
    // A clock already past due when paused keeps its due time.
    expect(iso(dueAfterPause(due, at('2026-03-05T21:00:00Z'), at('2026-03-06T21:00:00Z'), la))).toBe(iso(due));
  });

  it('resuming gives the same due time as counting with the pause from the start', () => {
    const start = at('2026-03-02T17:00:00Z');
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 * 8 * 60 }),
        fc.integer({ min: 0, max: 10 * 24 * 60 }),
        fc.integer({ min: 1, max: 5 * 24 * 60 }),
        (minutes, pauseAfter, pauseLength) => {
          const due = addBusinessMinutes(start, minutes, la) as Date;
          const pausedAt = new Date(start.getTime() + pauseAfter * 60_000);
          if (pausedAt >= due) return;
          const resumedAt = new Date(pausedAt.getTime() + pauseLength * 60_000);
          const shifted = dueAfterPause(due, pausedAt, resumedAt, la);
          const direct = addBusinessMinutes(start, minutes, la, [{ from: pausedAt.toISOString(), to: resumedAt.toISOString() }]);
          expect(shifted.toISOString()).toBe(direct?.toISOString());
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('local moments and inputs', () => {
  it('finds the instant of a wall time on both sides of a DST change', () => {
    expect(new Date(localMoment('America/Los_Angeles', 2026, 3, 6, 9 * 60)).toISOString()).toBe('2026-03-06T17:00:00.000Z');
    expect(new Date(localMoment('America/Los_Angeles', 2026, 3, 9, 9 * 60)).toISOString()).toBe('2026-03-09T16:00:00.000Z');
    expect(new Date(localMoment('Europe/Berlin', 2026, 7, 1, 24 * 60)).toISOString()).toBe('2026-07-01T22:00:00.000Z');
  });

  it('reads clock times and dates strictly', () => {
    expect(parseClockTime('09:30')).toBe(570);
    expect(parseClockTime('24:00')).toBe(1440);
    expect(parseClockTime('24:30')).toBeNull();
    expect(parseClockTime('9:30')).toBeNull();
    expect(isLocalDate('2026-12-25')).toBe(true);
    expect(isLocalDate('2026-02-30')).toBe(false);
    expect(isLocalDate('25/12/2026')).toBe(false);
  });
});
