import { describe, expect, it } from 'vitest';
import type { TimelineEvent } from '../api/types.js';
import { describeEvent, joinWords, timelineContext } from './timeline-text.js';

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
  it('says how the customer wrote in, and who turned off their status link', () => {
    expect(describeEvent(event('customer_message', { via: 'email' }), names).text).toBe('The customer wrote in by email');
    expect(describeEvent(event('customer_message', { via: 'web' }), names).text).toBe(
      'The customer added information on their status page',
    );
    expect(describeEvent(event('status_link_revoked', { links: 1 }), names).text).toBe('Dana turned off the customer’s status link');
    expect(describeEvent(event('attachment_added', { contentType: 'image/jpeg', sha256: 'ab', source: 'upload' }), names)).toEqual({
      text: 'Dana added a file (image/jpeg)',
      detail: 'SHA-256 ab',
    });
  });

  it('says how many of the customer’s files an erasure deleted, and nothing of files when there were none', () => {
    expect(describeEvent(event('personal_data_erased', { redacted: [{ seq: 2 }], filesErased: 2 }), names).text).toBe(
      'Dana erased the customer’s personal data on request: their mentions were removed from 1 entry above, and 2 files they gave us deleted',
    );
    expect(describeEvent(event('personal_data_erased', { redacted: [], filesErased: 0 }), names).text).toBe(
      'Dana erased the customer’s personal data on request: their mentions were removed from 0 entries above',
    );
  });

  it('says when the clocks stopped for the customer and how long they waited', () => {
    expect(describeEvent(event('clock_paused', { reason: 'waiting_on_customer', note: 'Receipt' }), names)).toEqual({
      text: 'Dana paused the SLA clocks: waiting on the customer',
      detail: 'Receipt',
    });
    const resumed = { pausedAt: '2025-12-31T22:00:00Z', cause: 'resumed', resolveDueAt: '2026-01-02T16:00:00Z' };
    expect(describeEvent(event('clock_resumed', resumed), names).text).toMatch(
      /^Dana resumed the SLA clocks after 2h of waiting — resolve by /,
    );
    expect(describeEvent(event('clock_resumed', { ...resumed, cause: 'customer_replied' }), names).text).toMatch(
      /^The SLA clocks ran again after 2h of waiting \(the customer wrote in\)/,
    );
  });

  it('tells an imported ticket’s history as what happened in the other helpdesk', () => {
    const created = describeEvent(
      event('case_created', { imported: { source: 'zendesk', externalId: '1042', importedAt: '2026-03-01T09:00:00Z' } }),
      names,
    );
    expect(created.text).toBe('Imported from Zendesk (ticket 1042): opened there at this time');
    expect(created.detail).toMatch(/^Imported by Dana on /);
    expect(
      describeEvent(
        event('status_changed', { from: 'reported', to: 'closed', outcome: 'Closed in Zendesk before it was imported', imported: true }),
        names,
      ).text,
    ).toBe(
      'The ticket was closed in the other helpdesk — outcome: Closed in Zendesk before it was imported; root cause unknown (imported)',
    );
    expect(describeEvent(event('note', { text: 'Printer mislabels sizes', visibility: 'private note', imported: true }), names)).toEqual({
      text: 'A private note on the imported ticket',
      detail: 'Printer mislabels sizes',
      audience: 'internal',
    });
  });

  it('says which case a merge or a split went to, and what stayed behind', () => {
    expect(
      describeEvent(
        event('case_merged', { intoRef: 'C-2026-000002', promisesMoved: ['p1'], statements: 1, customerMessages: 2, attachments: 0 }),
        names,
      ),
    ).toEqual({
      text: 'Dana merged this case into C-2026-000002 (the same incident) and closed it as merged',
      detail: '1 open promise moved to the case kept. Kept on the duplicate: 1 statements, 2 customer messages, 0 files.',
    });
    expect(describeEvent(event('duplicate_merged', { duplicateRef: 'C-2026-000001', reason: 'Same till' }), names).text).toBe(
      'Dana merged the duplicate C-2026-000001 into this case',
    );
    expect(describeEvent(event('case_split', { toRef: 'C-2026-000003', title: 'Parking', messageIds: ['m'] }), names)).toEqual({
      text: 'Dana split part of this case into C-2026-000003 — Parking',
      detail: '1 customer message moved there.',
    });
    expect(describeEvent(event('split_from', { fromRef: 'C-2026-000001' }), names).text).toBe(
      'Dana opened this case from part of C-2026-000001',
    );
  });

  it('says which tags were put on and taken off', () => {
    expect(describeEvent(event('tags_changed', { added: ['vip', 'refund'], removed: ['late'] }), names).text).toBe(
      'Dana tagged it vip and refund and took off the tag late',
    );
    expect(describeEvent(event('tags_changed', { added: [], removed: ['a', 'b'] }), names).text).toBe('Dana took off the tags a and b');
  });
  it('shows a reply sent to the customer with its coach score and its text', () => {
    expect(describeEvent(event('reply', { body: 'Sorry for the wait.', score: { total: 72, parts: {} } }), names)).toEqual({
      text: 'Dana replied to the customer · coach score 72/100',
      detail: 'Sorry for the wait.',
      audience: 'customer',
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
    expect(describeEvent(event('case_reticulated', {}), names).text).toBe('Dana: case reticulated');
  });
  it('follows an emailed reply from queued to sent or bounced, by its Message-ID', () => {
    const reply = event('reply', { body: 'Hello', delivery: { via: 'email', messageId: '<m1@x>', state: 'queued' } });
    expect(describeEvent(reply, names)).toMatchObject({
      text: 'Dana emailed the customer',
      audience: 'customer',
      delivery: { via: 'email', state: 'queued', messageId: '<m1@x>' },
    });
    const sent = timelineContext([reply, event('reply_delivery', { messageId: '<m1@x>', state: 'bounced', error: '550 No such mailbox' })]);
    expect(describeEvent(reply, names, sent).delivery).toEqual({
      via: 'email',
      state: 'bounced',
      messageId: '<m1@x>',
      error: '550 No such mailbox',
    });
    expect(describeEvent(event('reply', { body: 'Hi', delivery: { via: 'spoken' } }), names).text).toBe(
      'Dana replied to the customer in person or by phone',
    );
  });
  it('marks notes as internal, so they never read as messages to the customer', () => {
    expect(describeEvent(event('note', { text: 'Checked the CCTV' }), names)).toEqual({
      text: 'Dana added an internal note',
      detail: 'Checked the CCTV',
      audience: 'internal',
    });
  });
  it('says which step of which playbook was done', () => {
    const step = event('step_done', { playbookName: 'Five steps', title: 'Empathise', position: 3, of: 5, note: null });
    expect(describeEvent(step, names).text).toBe('Step 3 of Five steps — Empathise — done (Dana)');
  });
  it('says what an approval was for and against which limit', () => {
    const decided = event('resolution_decided', {
      decision: 'approve',
      cost: { amount: 1250, currency: 'USD' },
      limit: 1000,
      solution: 'Refund',
    });
    expect(describeEvent(decided, names).text).toMatch(/^Approved \$1,250\.00 \(limit \$1,000\.00\) — Dana$/);
  });
  it('reads a promise as what was promised and by when', () => {
    const now = new Date('2026-03-02T09:00:00');
    const added = event('commitment_added', {
      id: 'c1',
      text: 'call back',
      dueAt: new Date('2026-03-06T16:00:00').toISOString(),
      ownerId: 'u1',
    });
    expect(describeEvent(added, names, { ...timelineContext([]), now }).text).toBe('Promise: call back by Fri 4 pm (Dana)');
    const closed = event('commitment_closed', { id: 'c1', status: 'kept', onTime: true });
    expect(describeEvent(closed, names, timelineContext([added])).text).toBe('Promise kept: call back — Dana');
  });
  it('puts the outcome and root cause in the close entry', () => {
    const close = event('status_changed', {
      from: 'resolved',
      to: 'closed',
      outcome: 'Refunded in full',
      rootCause: { category: 'training', whys: ['x'], factors: [] },
    });
    expect(describeEvent(close, names).text).toBe('Dana closed the case — outcome: Refunded in full · root cause: training');
  });
});

describe('joinWords', () => {
  it('joins like a sentence', () => {
    expect(joinWords(['a'])).toBe('a');
    expect(joinWords(['a', 'b', 'c'])).toBe('a, b and c');
  });
});
