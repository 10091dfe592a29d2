import type { CustomerAnswer, EmployeeAnswer, FollowUpParty } from '../domain/follow-through.js';
import { authorize, type Subject } from '../domain/permissions.js';
import type { Actor } from '../services/context.js';
import { findCustomer, findEmployees } from '../store/people.js';
import type { CaseRow, Db, FollowUpRow } from '../store/schema.js';

export type FollowUpView = {
  id: string;
  party: FollowUpParty;
  employeeId: string | null;
  name: string;
  userId: string | null;
  dueAt: string;
  status: 'scheduled' | 'sent' | 'answered' | 'expired' | 'cancelled';
  sentAt: string | null;
  expiresAt: string | null;
  answeredAt: string | null;
  /** Hidden (null) from other employees: how an employee felt is for them and their supervisors. */
  answer: CustomerAnswer | EmployeeAnswer | null;
  answerHidden: boolean;
  /** What the viewer may do with this follow-up now. */
  can: { answer: boolean; reschedule: boolean };
};

/**
 * A case's follow-ups as `viewer` sees them, with the names they need read in two queries however
 * many there are. An employee sees the customer's answers and their own, not their colleagues'.
 */
export async function presentFollowUps(
  db: Db,
  viewer: { actor: Actor; subject: Subject },
  kase: Pick<CaseRow, 'workspace_id' | 'customer_id'>,
  rows: readonly FollowUpRow[],
): Promise<FollowUpView[]> {
  const employeeIds = rows.map((f) => f.employee_id).filter((id): id is string => id !== null);
  const [employees, customer] = await Promise.all([
    findEmployees(db, kase.workspace_id, [...new Set(employeeIds)]),
    kase.customer_id && rows.some((f) => f.party === 'customer') ? findCustomer(db, kase.workspace_id, kase.customer_id) : undefined,
  ]);
  const names = new Map(employees.map((e) => [e.id, e.name]));
  const { actor } = viewer;
  const seesAll = actor.role !== 'employee';
  const mayPlan = authorize(actor, 'create', 'follow_up', viewer.subject);
  return rows.map((f) => {
    const own = f.user_id === actor.userId;
    const showAnswer = f.party === 'customer' || seesAll || own;
    return {
      id: f.id,
      party: f.party as FollowUpParty,
      employeeId: f.employee_id,
      name: f.party === 'employee' ? (names.get(f.employee_id ?? '') ?? 'Employee') : (customer?.name ?? 'Customer'),
      userId: f.user_id,
      dueAt: f.due_at,
      status: f.status as FollowUpView['status'],
      sentAt: f.sent_at,
      expiresAt: f.expires_at,
      answeredAt: f.answered_at,
      answer: showAnswer && f.answer ? (JSON.parse(f.answer) as CustomerAnswer | EmployeeAnswer) : null,
      answerHidden: !showAnswer && f.answer !== null,
      can: { answer: f.party === 'employee' && own && f.status === 'sent', reschedule: mayPlan && f.status === 'scheduled' },
    };
  });
}
