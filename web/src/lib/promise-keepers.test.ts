import { describe, expect, it } from 'vitest';
import type { CaseDetail, Employee, User } from '../api/types.js';
import { promiseKeepers } from './promise-keepers.js';

const user = (id: string, role: User['role'], teamIds: string[] = [], active = true) => ({ id, role, teamIds, active }) as User;

describe('promiseKeepers', () => {
  it('offers the admins, the supervisors of the case’s team, its reporter, handler and parties, and nobody inactive', () => {
    const kase = { teamId: 't1', reporterId: 'rep', assigneeId: 'han', parties: [{ employeeId: 'e1' }] } as unknown as CaseDetail;
    const employees = [
      { id: 'e1', userId: 'party' },
      { id: 'e2', userId: 'other' },
    ] as Employee[];
    const users = [
      user('adm', 'admin'),
      user('sup1', 'supervisor', ['t1']),
      user('sup2', 'supervisor', ['t2']),
      user('rep', 'employee'),
      user('han', 'employee'),
      user('party', 'employee'),
      user('other', 'employee', ['t1']),
      user('gone', 'admin', [], false),
      user('hr', 'hr'),
    ];
    expect(promiseKeepers(kase, users, employees).map((u) => u.id)).toEqual(['adm', 'sup1', 'rep', 'han', 'party']);
  });
});
