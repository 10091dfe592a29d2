import type { CaseDetail, Employee, User } from '../api/types.js';

/**
 * Who can keep a promise on this case: people who can work on it (admins, supervisors of its team,
 * its reporter, handler and the employees named on it). The server decides; this list only spares
 * the user a choice it would refuse.
 */
export function promiseKeepers(kase: CaseDetail, users: User[], employees: Employee[]): User[] {
  const partyUsers = new Set(
    employees.filter((e) => e.userId !== null && kase.parties.some((p) => p.employeeId === e.id)).map((e) => e.userId),
  );
  return users.filter(
    (u) =>
      u.active &&
      (u.role === 'admin' ||
        (u.role === 'supervisor' && kase.teamId !== null && u.teamIds.includes(kase.teamId)) ||
        u.id === kase.reporterId ||
        u.id === kase.assigneeId ||
        partyUsers.has(u.id)),
  );
}
