import { describe, expect, it } from 'vitest';
import type { Statement } from '../api/types.js';
import { nextAction } from './next-action.js';

const statement = (party: Statement['party']): Statement => ({
  id: party,
  party,
  employeeId: null,
  authorName: 'x',
  body: 'y',
  takenBy: null,
  takenAt: '2026-01-01T00:00:00Z',
  correctsId: null,
});

describe('nextAction', () => {
  it('asks for a handler first on an unassigned new case', () => {
    expect(nextAction({ status: 'reported', assigneeId: null, statements: [] })).toMatch(/Assign a handler/);
  });
  it('asks for whichever side is still missing while investigating', () => {
    expect(nextAction({ status: 'investigating', assigneeId: 'u', statements: [statement('employee')] })).toMatch(/customer’s statement/);
    expect(nextAction({ status: 'investigating', assigneeId: 'u', statements: [statement('customer')] })).toMatch(/employee’s statement/);
    expect(nextAction({ status: 'investigating', assigneeId: 'u', statements: [statement('customer'), statement('employee')] })).toMatch(
      /root cause/,
    );
  });
});
