import { describe, expect, it } from 'vitest';
import { assertTransition, CASE_STATUSES, nextStatuses } from './case-status.js';
import { AppError } from './errors.js';

describe('case lifecycle', () => {
  it.each([
    ['reported', 'acknowledged'],
    ['acknowledged', 'investigating'],
    ['investigating', 'resolving'],
    ['resolving', 'resolved'],
    ['resolved', 'following_up'],
    ['following_up', 'closed'],
    ['closed', 'reopened'],
    ['reopened', 'investigating'],
  ] as const)('allows %s → %s', (from, to) => {
    expect(() => assertTransition(from, to)).not.toThrow();
  });

  it.each([
    ['reported', 'closed'],
    ['reported', 'resolved'],
    ['closed', 'investigating'],
    ['investigating', 'reported'],
    ['resolved', 'resolved'],
  ] as const)('refuses %s → %s with illegal_transition', (from, to) => {
    expect(() => assertTransition(from, to)).toThrowError(AppError);
    try {
      assertTransition(from, to);
    } catch (e) {
      expect((e as AppError).code).toBe('illegal_transition');
      expect((e as AppError).detail).toContain(from);
    }
  });

  it('never lets a case go back to reported, and every status has a way forward', () => {
    for (const s of CASE_STATUSES) {
      expect(nextStatuses(s)).not.toContain('reported');
      expect(nextStatuses(s).length).toBeGreaterThan(0);
    }
  });
});
