import { describe, expect, it } from 'vitest';
import { EMPTY_DRAFT } from './report-draft.js';
import { firstStepWithProblem, stepProblems } from './report-steps.js';

const now = Date.parse('2026-03-10T12:00:00Z');

describe('report steps', () => {
  it('asks for a title, a description and a channel before the first step goes on', () => {
    expect(Object.keys(stepProblems(EMPTY_DRAFT, 0, now)).sort()).toEqual(['channel', 'summary', 'title']);
    const filled = { ...EMPTY_DRAFT, title: 'Refund refused', summary: 'She wanted a refund.', channel: 'in_person' as const };
    expect(stepProblems(filled, 0, now)).toEqual({});
  });

  it('refuses a time more than five minutes ahead, and lets a slightly fast clock through', () => {
    const base = { ...EMPTY_DRAFT, title: 't', summary: 's', channel: 'phone' as const };
    expect(stepProblems({ ...base, occurredAt: '2026-03-10T12:10' }, 0, Date.parse('2026-03-10T12:00')).occurredAt).toBe(
      'This is in the future',
    );
    expect(stepProblems({ ...base, occurredAt: '2026-03-10T12:03' }, 0, Date.parse('2026-03-10T12:00'))).toEqual({});
  });

  it('asks how the customer was on the third step only', () => {
    expect(stepProblems(EMPTY_DRAFT, 2, now)).toEqual({ customerState: 'Choose the closest description' });
    expect(stepProblems(EMPTY_DRAFT, 1, now)).toEqual({});
    expect(stepProblems(EMPTY_DRAFT, 3, now)).toEqual({});
  });

  it('takes a server problem to the step that shows its field, the earliest when there are several', () => {
    expect(firstStepWithProblem([{ path: 'body.customer.email', message: 'Not an email' }])).toBe(1);
    expect(firstStepWithProblem([{ path: 'body.financialImpact.amount', message: 'Too large' }])).toBe(2);
    expect(firstStepWithProblem([{ path: 'body.customer.address.line1', message: 'x' }])).toBe(1);
    expect(
      firstStepWithProblem([
        { path: 'body.severity', message: 'x' },
        { path: 'body.title', message: 'y' },
      ]),
    ).toBe(0);
  });

  it('sends problems it cannot place to the last step', () => {
    expect(firstStepWithProblem([{ path: 'body.somethingNew', message: 'x' }])).toBe(3);
    expect(firstStepWithProblem([])).toBe(3);
  });
});
