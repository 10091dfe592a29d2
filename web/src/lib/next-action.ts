import type { CaseDetail } from '../api/types.js';

/** The one thing the case needs next, in plain words, from its status and what is on file. */
export function nextAction(kase: Pick<CaseDetail, 'status' | 'assigneeId' | 'statements'>): string {
  const hasCustomer = kase.statements.some((s) => s.party === 'customer');
  const hasEmployee = kase.statements.some((s) => s.party === 'employee');
  switch (kase.status) {
    case 'reported':
      return kase.assigneeId
        ? 'Acknowledge the report so the customer and employee know it is in hand'
        : 'Assign a handler and acknowledge the report';
    case 'acknowledged':
    case 'investigating':
    case 'reopened':
      if (!hasCustomer && !hasEmployee) return 'Hear both sides: take the customer’s and the employee’s statements';
      if (!hasCustomer) return 'Take the customer’s statement';
      if (!hasEmployee) return 'Take the employee’s statement';
      return kase.status === 'investigating' ? 'Both sides are on file: find the root cause and move to resolving' : 'Start investigating';
    case 'resolving':
      return 'Agree a fair solution with the customer, then mark the case resolved';
    case 'resolved':
      return 'Follow up with the customer and the employee, or close the case';
    case 'following_up':
      return 'Check in with both sides, then close the case';
    case 'closed':
      return 'Nothing left to do. Reopen if something new comes up';
  }
}
