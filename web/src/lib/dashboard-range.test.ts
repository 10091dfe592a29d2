import { describe, expect, it } from 'vitest';
import { drillDown, periodOf } from './dashboard-range.js';

const NOW = new Date('2026-05-14T15:00:00Z');

describe('dashboard periods and drill-down', () => {
  it('turns presets into whole days ending with today', () => {
    expect(periodOf('7d', NOW, 'UTC')).toEqual({ from: '2026-05-08T00:00:00.000Z', to: '2026-05-15T00:00:00.000Z' });
    expect(periodOf('quarter', NOW, 'UTC')).toEqual({ from: '2026-04-01T00:00:00.000Z', to: '2026-05-15T00:00:00.000Z' });
    expect(periodOf('custom', NOW, 'UTC', { from: '2026-01-01', to: '2026-01-31' })).toEqual({
      from: '2026-01-01T00:00:00.000Z',
      to: '2026-02-01T00:00:00.000Z',
    });
    // A half-typed custom range falls back to the default rather than sending nonsense.
    expect(periodOf('custom', NOW, 'UTC', { from: '2026-01', to: '' })).toEqual(periodOf('30d', NOW, 'UTC'));
  });

  it("counts the days of the workspace's time zone, across a change of its clocks", () => {
    // 15:00 UTC is 08:00 in Los Angeles (PDT, UTC-7): its today is the 14th, ending at 07:00 UTC on the 15th.
    expect(periodOf('7d', NOW, 'America/Los_Angeles')).toEqual({ from: '2026-05-08T07:00:00.000Z', to: '2026-05-15T07:00:00.000Z' });
    // Late on the 14th in UTC is already the 15th in Tokyo (UTC+9).
    expect(periodOf('7d', new Date('2026-05-14T20:00:00Z'), 'Asia/Tokyo')).toEqual({
      from: '2026-05-08T15:00:00.000Z',
      to: '2026-05-15T15:00:00.000Z',
    });
    // The quarter began in standard time (PST, UTC-8) and ends in summer time.
    expect(periodOf('quarter', new Date('2026-03-20T12:00:00Z'), 'America/Los_Angeles')).toEqual({
      from: '2026-01-01T08:00:00.000Z',
      to: '2026-03-21T07:00:00.000Z',
    });
    expect(periodOf('custom', NOW, 'Europe/Paris', { from: '2026-03-28', to: '2026-03-29' })).toEqual({
      from: '2026-03-27T23:00:00.000Z',
      to: '2026-03-29T22:00:00.000Z',
    });
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
