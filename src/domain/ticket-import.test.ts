import { describe, expect, it } from 'vitest';
import { mapChannel, mapPriority, mapStatus, toUtc } from './ticket-import.js';

describe('reading helpdesk exports into our terms', () => {
  it('reads a wall clock without an offset in the given time zone, daylight saving included', () => {
    expect(toUtc('2024-01-15 09:00', 'Europe/Berlin')).toBe('2024-01-15T08:00:00.000Z');
    expect(toUtc('2024-07-15 09:00:30', 'Europe/Berlin')).toBe('2024-07-15T07:00:30.000Z');
    expect(toUtc('2024-07-15 09:00', 'America/New_York')).toBe('2024-07-15T13:00:00.000Z');
    expect(toUtc('2024-07-15', 'UTC')).toBe('2024-07-15T00:00:00.000Z');
    // Around the autumn change the first of the two 02:30s is taken; the spring gap moves forward an hour.
    expect(toUtc('2024-10-27 02:30', 'Europe/Berlin')).toBe('2024-10-27T01:30:00.000Z');
    expect(toUtc('2024-03-31 02:30', 'Europe/Berlin')).toBe('2024-03-31T01:30:00.000Z');
  });

  it('keeps an offset the date carries, and refuses what is no date', () => {
    expect(toUtc('2024-02-11T10:00:00+01:00', 'America/New_York')).toBe('2024-02-11T09:00:00.000Z');
    expect(toUtc('2024-02-11T10:00:00Z', 'Europe/Berlin')).toBe('2024-02-11T10:00:00.000Z');
    for (const bad of ['31/12/2024 10:00', '2024-02-30 10:00', '2024-01-01 25:00', 'yesterday']) expect(toUtc(bad, 'UTC')).toBeNull();
  });

  it('maps statuses, priorities and channels, and says when it does not know a word', () => {
    expect(['new', 'open', 'pending', 'hold', 'solved', 'closed'].map((s) => mapStatus('zendesk', s))).toEqual([
      'reported',
      'investigating',
      'resolving',
      'investigating',
      'resolved',
      'closed',
    ]);
    expect(['Open', 'Pending', 'Resolved', 'Closed', 'Waiting on Customer', '5'].map((s) => mapStatus('freshdesk', s))).toEqual([
      'investigating',
      'resolving',
      'resolved',
      'closed',
      'resolving',
      'closed',
    ]);
    expect(mapStatus('zendesk', 'archived')).toBeNull();
    expect(['Urgent', 'high', 'Normal', 'Medium', '', 'low'].map((p) => mapPriority('zendesk', p))).toEqual([1, 2, 3, 3, 3, 4]);
    expect(['4', '3', '2', '1'].map((p) => mapPriority('freshdesk', p))).toEqual([1, 2, 3, 4]);
    expect(mapPriority('zendesk', 'critical')).toBeNull();
    expect(['Mail', 'Web form', 'Voice', 'Chat', 'Twitter', 'API'].map(mapChannel)).toEqual([
      'email',
      'web_form',
      'phone',
      'chat',
      'social',
      'other',
    ]);
  });
});
