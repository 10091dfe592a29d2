import { describe, expect, it } from 'vitest';
import { clearDraft, draftToNewCase, EMPTY_DRAFT, loadDraft, saveDraft, suggestSeverity } from './report-draft.js';
import { memoryStore } from './storage.js';

const now = new Date('2026-03-10T12:00:00Z');

describe('report draft storage', () => {
  it('keeps a draft per user and restores it', () => {
    const store = memoryStore();
    saveDraft(store, 'u1', { ...EMPTY_DRAFT, title: 'Refund argument at till 2' }, now);
    expect(loadDraft(store, 'u1')?.title).toBe('Refund argument at till 2');
    expect(loadDraft(store, 'u2')).toBeNull();
    clearDraft(store, 'u1');
    expect(loadDraft(store, 'u1')).toBeNull();
  });

  it('leaves nothing behind for a form that was only opened', () => {
    const store = memoryStore();
    saveDraft(store, 'u1', { ...EMPTY_DRAFT, title: 'x' }, now);
    saveDraft(store, 'u1', EMPTY_DRAFT, now);
    expect(store.size()).toBe(0);
  });

  it('survives garbage in storage and fills fields added later', () => {
    const store = memoryStore();
    store.setItem('defuse:report-draft:u1', '{not json');
    expect(loadDraft(store, 'u1')).toBeNull();
    store.setItem('defuse:report-draft:u1', JSON.stringify({ title: 'old', summary: 's' }));
    expect(loadDraft(store, 'u1')).toMatchObject({ title: 'old', currency: 'EUR', riskFlags: [] });
  });
});

describe('draftToNewCase', () => {
  it('names the reporter as primary party and others as witnesses, once each', () => {
    const body = draftToNewCase(
      { ...EMPTY_DRAFT, title: ' T ', summary: 'S', channel: 'phone', otherEmployeeIds: ['e2', 'e1', 'e2'] },
      { employeeId: 'e1' },
    );
    expect(body.title).toBe('T');
    expect(body.employees).toEqual([
      { employeeId: 'e1', role: 'primary' },
      { employeeId: 'e2', role: 'witness' },
    ]);
  });

  it('sends money only when an amount was given, and guesses severity when none was chosen', () => {
    const none = draftToNewCase({ ...EMPTY_DRAFT, title: 'T', summary: 'S' }, { employeeId: null });
    expect(none.financialImpact).toBeUndefined();
    expect(none.severity).toBe(4);
    const money = draftToNewCase({ ...EMPTY_DRAFT, title: 'T', summary: 'S', amount: '249,50', currency: 'usd' }, { employeeId: null });
    expect(money.financialImpact).toEqual({ amount: 249.5, currency: 'USD', kind: 'refund' });
    expect(money.severity).toBe(2);
  });

  it('converts the local time the person typed into an ISO instant', () => {
    const body = draftToNewCase({ ...EMPTY_DRAFT, title: 'T', summary: 'S', occurredAt: '2026-03-09T14:30' }, { employeeId: null });
    expect(body.occurredAt).toBe(new Date(2026, 2, 9, 14, 30).toISOString());
  });
});

describe('suggestSeverity', () => {
  it('treats hostility and legal threats as critical', () => {
    expect(suggestSeverity({ customerState: 'hostile', riskFlags: [], amount: '' })).toBe(1);
    expect(suggestSeverity({ customerState: 'calm', riskFlags: ['legal_threat'], amount: '' })).toBe(1);
    expect(suggestSeverity({ customerState: 'frustrated', riskFlags: [], amount: '' })).toBe(3);
  });
});
