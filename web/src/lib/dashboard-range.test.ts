import { describe, expect, it } from 'vitest';
import { drillDown, periodOf } from './dashboard-range.js';

const NOW = new Date('2026-05-14T15:00:00Z');

describe('dashboard periods and drill-down', () => {
  it('turns presets into whole days ending with today', () => {
    expect(periodOf('7d', NOW)).toEqual({ from: '2026-05-08T00:00:00.000Z', to: '2026-05-15T00:00:00.000Z' });
    expect(periodOf('quarter', NOW)).toEqual({ from: '2026-04-01T00:00:00.000Z', to: '2026-05-15T00:00:00.000Z' });
    expect(periodOf('custom', NOW, { from: '2026-01-01', to: '2026-01-31' })).toEqual({
      from: '2026-01-01T00:00:00.000Z',
      to: '2026-02-01T00:00:00.000Z',
    });
    // A half-typed custom range falls back to the default rather than sending nonsense.
    expect(periodOf('custom', NOW, { from: '2026-01', to: '' })).toEqual(periodOf('30d', NOW));
  });

  it('carries the period and filters to the inbox, narrowed by the figure', () => {
    const period = { from: '2026-05-01T00:00:00.000Z', to: '2026-05-08T00:00:00.000Z' };
    expect(drillDown(period, { channel: ['email'], severity: [] }, { teamId: 't1' })).toEqual({
      reportedFrom: period.from,
      reportedTo: period.to,
      teamId: 't1',
      channel: ['email'],
      severity: undefined,
      caseTypeId: undefined,
      assignee: undefined,
      employeeId: undefined,
      sort: 'reported_at',
      order: 'desc',
    });
  });
});
