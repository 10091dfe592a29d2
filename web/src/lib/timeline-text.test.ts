import { describe, expect, it } from 'vitest';
import type { TimelineEvent } from '../api/types.js';
import { describeEvent, joinWords } from './timeline-text.js';

const names = { user: (id: string | null | undefined) => (id === 'u1' ? 'Dana' : 'Someone'), employee: () => 'Tom' };
const event = (kind: string, data: Record<string, unknown>): TimelineEvent => ({
  id: 'e',
  seq: 1,
  kind,
  actorId: 'u1',
  at: '2026-01-01T00:00:00Z',
  data,
  hash: 'h',
  prevHash: 'p',
});

describe('describeEvent', () => {
  it('shows a reply sent to the customer with its coach score and its text', () => {
    expect(describeEvent(event('reply', { body: 'Sorry for the wait.', score: { total: 72, parts: {} } }), names)).toEqual({
      text: 'Dana replied to the customer · coach score 72/100',
      detail: 'Sorry for the wait.',
    });
  });
  it('reads status changes with the words the app uses, and keeps the reason', () => {
    expect(describeEvent(event('status_changed', { from: 'reported', to: 'investigating', reason: 'new facts' }), names)).toEqual({
      text: 'Dana moved it from New to Investigating',
      detail: 'new facts',
    });
  });
  it('names who a case was assigned to, or says it was unassigned', () => {
    expect(describeEvent(event('assigned', { from: null, to: 'u1' }), names).text).toBe('Dana assigned it to Dana');
    expect(describeEvent(event('assigned', { from: 'u1', to: null }), names).text).toBe('Dana removed the assignee');
  });
  it('lists changed fields in plain words', () => {
    const text = describeEvent(event('case_updated', { changes: { severity: {}, summary: {}, teamId: {} } }), names).text;
    expect(text).toBe('Dana changed the severity, description and team');
  });
  it('says a duplicate customer was merged, without naming anyone the chain does not hold', () => {
    expect(describeEvent(event('customer_merged', { fromCustomerId: 'c2', intoCustomerId: 'c1' }), names).text).toBe(
      'Dana merged a duplicate customer record: this case now belongs to the customer’s kept record',
    );
  });
  it('still says something for kinds it does not know yet', () => {
    expect(describeEvent(event('follow_up_answered', {}), names).text).toBe('Dana: follow up answered');
  });
});

describe('joinWords', () => {
  it('joins like a sentence', () => {
    expect(joinWords(['a'])).toBe('a');
    expect(joinWords(['a', 'b', 'c'])).toBe('a, b and c');
  });
});
