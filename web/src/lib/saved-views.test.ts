import { describe, expect, it } from 'vitest';
import type { Me } from '../api/types.js';
import { builtInViews, deleteView, exportUrl, filtersToQuery, loadViews, sameFilters, saveView } from './saved-views.js';
import { memoryStore } from './storage.js';

describe('saved views', () => {
  it('saves, replaces by name (case-insensitively) and deletes', () => {
    const store = memoryStore();
    saveView(store, 'u1', 'Phone, high', { channel: ['phone'], severity: [2, 1] }, 'a');
    const views = saveView(store, 'u1', 'phone, HIGH ', { channel: ['phone'] }, 'b');
    expect(views).toHaveLength(1);
    expect(views[0]).toMatchObject({ id: 'b', name: 'phone, HIGH' });
    expect(deleteView(store, 'u1', 'b')).toEqual([]);
    expect(loadViews(store, 'u1')).toEqual([]);
  });

  it('ignores what is not a list of views', () => {
    const store = memoryStore();
    store.setItem('defuse:inbox-views:u1', JSON.stringify({ nope: true }));
    expect(loadViews(store, 'u1')).toEqual([]);
  });

  it('compares filters regardless of order and empty values', () => {
    expect(sameFilters({ severity: [2, 1], q: ' ' }, { severity: [1, 2] })).toBe(true);
    expect(sameFilters({ severity: [1] }, { severity: [1, 2] })).toBe(false);
  });

  it('starts those who work an inbox on the open cases with the nearest SLA first, and others on their own cases', () => {
    const [home] = builtInViews({ can: { workCaseInbox: true } as Me['can'] });
    expect(home?.filters).toMatchObject({ sort: 'next_due_at', order: 'asc' });
    expect(home?.filters.status).not.toContain('closed');
    expect(builtInViews({ can: { workCaseInbox: false } as Me['can'] }).map((v) => v.name)).toEqual(['My cases', 'Still open']);
  });
});

describe('filtersToQuery', () => {
  it('asks for the cases needing attention only when the filter is on', () => {
    expect(filtersToQuery({ attention: true }, { id: 'u1' }).attention).toBe('true');
    expect(filtersToQuery({}, { id: 'u1' }).attention).toBeUndefined();
  });

  it('resolves "me" and "unassigned" into the API parameters', () => {
    expect(filtersToQuery({ assignee: 'me' }, { id: 'u1' })).toMatchObject({ assigneeId: 'u1', unassigned: undefined });
    expect(filtersToQuery({ assignee: 'unassigned', status: ['reported', 'reopened'] }, { id: 'u1' })).toMatchObject({
      assigneeId: undefined,
      unassigned: 'true',
      status: 'reported,reopened',
    });
  });
});

describe('parseInboxSearch', async () => {
  const { parseInboxSearch } = await import('./inbox-search.js');
  it('keeps valid filters and drops anything malformed', () => {
    expect(
      parseInboxSearch({ q: 'refund', status: 'reported,bogus', severity: [1, 9], channel: 'phone', sort: 'drop table', assignee: 'me' }),
    ).toEqual({ q: 'refund', status: ['reported'], severity: [1], channel: ['phone'], assignee: 'me' });
    expect(parseInboxSearch({ rootCause: 'training,nonsense,policy' })).toEqual({ rootCause: ['training', 'policy'] });
    expect(parseInboxSearch({ tag: 'vip,Not A Tag,late-delivery,%' })).toEqual({ tag: ['vip', 'late-delivery'] });
  });
});

describe('exportUrl', () => {
  it('keeps the filters, drops sort and order, and asks for JSON only when told', () => {
    expect(exportUrl({ rootCause: 'training', status: 'closed', sort: 'severity', order: 'asc', q: undefined })).toBe(
      '/api/v1/cases/export?rootCause=training&status=closed',
    );
    expect(exportUrl({}, 'json')).toBe('/api/v1/cases/export?format=json');
  });
});
