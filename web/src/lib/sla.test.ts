import { describe, expect, it } from 'vitest';
import { slaSummary, slaUrgency } from './sla.js';
import { formatDuration } from './time.js';

const now = new Date('2026-03-10T12:00:00Z');
const clock = (dueAt: string, doneAt: string | null = null) => ({ dueAt, doneAt, state: 'pending' as const });

describe('slaSummary', () => {
  it('shows the acknowledge clock until the case is acknowledged', () => {
    const s = slaSummary({ sla: { acknowledge: clock('2026-03-10T15:00:00Z'), resolve: clock('2026-03-12T12:00:00Z') } }, now);
    expect(s).toMatchObject({ clock: 'acknowledge', tone: 'pending', label: 'Acknowledge in 3h' });
  });

  it('turns a pending clock red once its due time passes, whatever the server said', () => {
    const s = slaSummary(
      { sla: { acknowledge: clock('2026-03-10T09:00:00Z', '2026-03-10T08:00:00Z'), resolve: clock('2026-03-10T10:30:00Z') } },
      now,
    );
    expect(s).toMatchObject({ clock: 'resolve', tone: 'breached', label: 'Resolve overdue 1h 30m' });
  });

  it('says a paused clock waits on the customer and never turns red on screen, sorting after running clocks', () => {
    const paused = { dueAt: '2026-03-10T09:00:00Z', doneAt: null, state: 'paused' as const };
    const s = slaSummary({ sla: { acknowledge: paused, resolve: clock('2026-03-12T12:00:00Z') } }, now);
    expect(s).toMatchObject({ tone: 'paused', label: 'Waiting on customer' });
    const later = { sla: { acknowledge: clock('2026-03-20T12:00:00Z'), resolve: clock('2026-03-30T12:00:00Z') } };
    expect(slaUrgency({ sla: { acknowledge: paused, resolve: clock('2026-03-12T12:00:00Z') } }, now)).toBeGreaterThan(
      slaUrgency(later, now),
    );
  });

  it('says an imported case runs no clock instead of counting down thousands of years', () => {
    const none = '9999-12-31T23:59:59.999Z';
    expect(slaSummary({ sla: { acknowledge: clock(none), resolve: clock(none) } }, now)).toMatchObject({
      label: 'No deadline',
      tone: 'pending',
    });
    expect(slaSummary({ sla: { acknowledge: clock(none), resolve: clock(none, '2024-04-01T14:20:00Z') } }, now)).toMatchObject({
      label: 'Resolved',
      tone: 'met',
    });
  });

  it('warns when less than two hours are left', () => {
    const s = slaSummary({ sla: { acknowledge: clock('2026-03-10T12:45:00Z'), resolve: clock('2026-03-12T12:00:00Z') } }, now);
    expect(s.tone).toBe('soon');
  });

  it('tells resolved-on-time from resolved-late', () => {
    const ack = clock('2026-03-01T00:00:00Z', '2026-03-01T00:00:00Z');
    expect(slaSummary({ sla: { acknowledge: ack, resolve: clock('2026-03-05T00:00:00Z', '2026-03-04T00:00:00Z') } }, now).tone).toBe('met');
    const late = slaSummary({ sla: { acknowledge: ack, resolve: clock('2026-03-05T00:00:00Z', '2026-03-06T00:00:00Z') } }, now);
    expect(late).toMatchObject({ tone: 'late', label: 'Resolved late' });
  });

  it('ranks breached before due-soon before finished', () => {
    const breached = { sla: { acknowledge: clock('2026-03-10T11:00:00Z'), resolve: clock('2026-03-11T00:00:00Z') } };
    const soon = { sla: { acknowledge: clock('2026-03-10T13:00:00Z'), resolve: clock('2026-03-11T00:00:00Z') } };
    const done = {
      sla: {
        acknowledge: clock('2026-03-01T00:00:00Z', '2026-03-01T00:00:00Z'),
        resolve: clock('2026-03-02T00:00:00Z', '2026-03-01T00:00:00Z'),
      },
    };
    const order = [done, soon, breached].sort((a, b) => slaUrgency(a, now) - slaUrgency(b, now));
    expect(order).toEqual([breached, soon, done]);
  });
});

describe('formatDuration', () => {
  it('is short and readable at every scale', () => {
    expect(formatDuration(30_000)).toBe('1m');
    expect(formatDuration(45 * 60_000)).toBe('45m');
    expect(formatDuration(-(2 * 3600_000 + 20 * 60_000))).toBe('2h 20m');
    expect(formatDuration(26 * 3600_000)).toBe('1d 2h');
    expect(formatDuration(9 * 86400_000)).toBe('9d');
  });

  it('rounds up into the next unit instead of showing 24h or 60m', () => {
    expect(formatDuration(3 * 86400_000 + 23 * 3600_000 + 40 * 60_000)).toBe('4d');
    expect(formatDuration(3 * 3600_000 + 59 * 60_000 + 40_000)).toBe('4h');
    expect(formatDuration(59 * 60_000 + 40_000)).toBe('1h');
    expect(formatDuration(23 * 3600_000 + 59 * 60_000 + 40_000)).toBe('1d');
  });
});
