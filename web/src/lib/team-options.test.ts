import { describe, expect, it } from 'vitest';
import { teamFilterOptions, teamOptions } from './team-options.js';

const team = (name: string, archivedAt: string | null = null) => ({
  id: name.toLowerCase(),
  name,
  createdAt: '2026-01-01T00:00:00Z',
  archivedAt,
});

describe('team choices', () => {
  it('offers active teams for new work and shows archived ones last, not choosable', () => {
    expect(teamOptions([team('West', '2026-06-01T00:00:00Z'), team('North'), team('East')])).toEqual([
      { value: 'east', label: 'East' },
      { value: 'north', label: 'North' },
      { value: 'west', label: 'West (archived)', disabled: true },
    ]);
  });

  it('keeps archived teams in filters, in their own group, and stays flat without any', () => {
    expect(teamFilterOptions([team('North')])).toEqual([{ value: 'north', label: 'North' }]);
    expect(teamFilterOptions([team('West', '2026-06-01T00:00:00Z'), team('North')])).toEqual([
      { group: 'Teams', items: [{ value: 'north', label: 'North' }] },
      { group: 'Archived', items: [{ value: 'west', label: 'West' }] },
    ]);
  });
});
