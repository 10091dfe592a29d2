import { describe, expect, it } from 'vitest';
import { clockDueAt, clockTargets, dueAt, nextDeadline, PAUSED_CLOCK, slaClock } from './sla.js';

describe('SLA clocks', () => {
  const due = '2026-01-01T10:00:00.000Z';
  it('adds minutes to a time', () => {
    expect(dueAt('2026-01-01T09:00:00.000Z', 60)).toBe(due);
  });
  it('is pending before the due time and breached after it while open', () => {
    expect(slaClock(due, null, new Date('2026-01-01T09:59:59Z')).state).toBe('pending');
    expect(slaClock(due, null, new Date('2026-01-01T10:00:01Z')).state).toBe('breached');
  });
  it('is met when done on time and breached when done late, whatever the time now', () => {
    const later = new Date('2027-01-01T00:00:00Z');
    expect(slaClock(due, '2026-01-01T09:30:00.000Z', later).state).toBe('met');
    expect(slaClock(due, '2026-01-01T10:30:00.000Z', later).state).toBe('breached');
  });
});

describe('deadline presets', () => {
  const custom = { severity: 2 as const, acknowledgeMinutes: 240, resolveMinutes: 4320 };
  const reported = '2026-01-10T09:00:00.000Z';
  it.each([
    // case type preset, workspace preset → acknowledge due, resolve due
    [null, 'custom', '2026-01-10T13:00:00.000Z', '2026-01-13T09:00:00.000Z'],
    [null, 'eight_week', '2026-01-13T09:00:00.000Z', '2026-03-07T09:00:00.000Z'],
    [null, 'fifteen_sixty', '2026-01-25T09:00:00.000Z', '2026-03-11T09:00:00.000Z'],
    ['fifteen_sixty', 'eight_week', '2026-01-25T09:00:00.000Z', '2026-03-11T09:00:00.000Z'],
    ['custom', 'eight_week', '2026-01-10T13:00:00.000Z', '2026-01-13T09:00:00.000Z'],
    ['eight_week', 'custom', '2026-01-13T09:00:00.000Z', '2026-03-07T09:00:00.000Z'],
  ] as const)('type %s in a %s workspace: acknowledge by %s, final response by %s', (typePreset, wsPreset, ack, resolve) => {
    const t = clockTargets(custom, wsPreset, typePreset);
    expect([dueAt(reported, t.acknowledgeMinutes), dueAt(reported, t.resolveMinutes)]).toEqual([ack, resolve]);
  });
});

describe('paused clocks and business time', () => {
  const due = '2026-01-01T10:00:00.000Z';
  const weekdays = { start: 9 * 60, end: 17 * 60 };
  const calendar = { timeZone: 'UTC', week: [weekdays, weekdays, weekdays, weekdays, weekdays, null, null], holidays: ['2026-01-05'] };

  it('is paused, not breached, while paused before its due time, however late it is now', () => {
    expect(slaClock(due, null, new Date('2026-02-01T00:00:00Z'), '2026-01-01T09:00:00.000Z').state).toBe('paused');
    expect(slaClock(due, null, new Date('2026-02-01T00:00:00Z'), '2026-01-01T11:00:00.000Z').state).toBe('breached');
    expect(slaClock(due, '2026-01-01T09:30:00.000Z', new Date('2026-02-01T00:00:00Z'), '2026-01-01T09:00:00.000Z').state).toBe('met');
  });

  it('counts business time on the calendar, but a regulated preset counts every minute', () => {
    // Fri 2 Jan 16:00 UTC + 2 h: Fri 17:00 is closing, Mon 5 Jan is a holiday, so Tue 6 Jan 10:00.
    const start = '2026-01-02T16:00:00.000Z';
    expect(clockDueAt(start, 120, { regulated: false, calendar })).toBe('2026-01-06T10:00:00.000Z');
    expect(clockDueAt(start, 120, { regulated: true, calendar })).toBe('2026-01-02T18:00:00.000Z');
    expect(clockDueAt(start, 120, { regulated: false, calendar: null })).toBe('2026-01-02T18:00:00.000Z');
  });

  it("leaves finished pauses out and ignores a regulated clock's pauses", () => {
    const start = '2026-01-02T10:00:00.000Z';
    const pauses = [{ from: '2026-01-02T11:00:00.000Z', to: '2026-01-02T12:30:00.000Z' }];
    expect(clockDueAt(start, 180, { regulated: false, calendar: null }, pauses)).toBe('2026-01-02T14:30:00.000Z');
    expect(clockDueAt(start, 180, { regulated: true, calendar: null }, pauses)).toBe('2026-01-02T13:00:00.000Z');
  });

  it('sorts a paused case after every running clock', () => {
    const c = { acknowledgeDueAt: due, acknowledgedAt: null, resolveDueAt: due, resolvedAt: null };
    expect(nextDeadline(c)).toBe(due);
    expect(nextDeadline({ ...c, pausedAt: '2026-01-01T09:00:00.000Z' })).toBe(PAUSED_CLOCK);
  });
});
