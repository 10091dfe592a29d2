import { describe, expect, it } from 'vitest';
import { dueAt, slaClock } from './sla.js';

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
