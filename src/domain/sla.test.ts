import { describe, expect, it } from 'vitest';
import { clockTargets, dueAt, slaClock } from './sla.js';

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
