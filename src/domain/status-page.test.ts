import { describe, expect, it } from 'vitest';
import { CASE_STATUSES } from './case-status.js';
import { STATUS_FOR_CUSTOMERS, statusLinkState } from './status-page.js';

describe('statusLinkState', () => {
  const now = new Date('2026-06-01T12:00:00Z');
  it('works while the case is open and until `days` after it closed', () => {
    expect(statusLinkState({ revokedAt: null }, null, now, 90)).toBe('open');
    expect(statusLinkState({ revokedAt: null }, '2026-03-04T12:00:01Z', now, 90)).toBe('open');
    expect(statusLinkState({ revokedAt: null }, '2026-03-03T12:00:00Z', now, 90)).toBe('expired');
    expect(statusLinkState({ revokedAt: null }, '2026-05-31T12:00:00Z', now, 1)).toBe('expired');
  });
  it('stops at once when revoked, closed or not', () => {
    expect(statusLinkState({ revokedAt: '2026-05-01T00:00:00Z' }, null, now, 90)).toBe('revoked');
  });
});

describe('STATUS_FOR_CUSTOMERS', () => {
  it('words every status without internal terms', () => {
    for (const status of CASE_STATUSES) {
      const words = STATUS_FOR_CUSTOMERS[status];
      expect(words.text.length).toBeGreaterThan(10);
      expect(`${words.title} ${words.text}`).not.toMatch(/SLA|playbook|supervisor|escalat|_/i);
    }
  });
});
