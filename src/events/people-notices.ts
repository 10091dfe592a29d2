import type { DomainEvent } from '../domain/domain-events.js';
import { OUTCOME_LABELS, type ReviewOutcome } from '../domain/reviews.js';
import { SUPPORT_KIND_LABELS, type SupportKind } from '../domain/support.js';
import { notifyPeople } from '../services/notifications.js';
import { findEmployees } from '../store/people.js';
import { findFlagRow } from '../store/review-rules.js';
import type { Db, UserRow } from '../store/schema.js';
import { findSupportRequest } from '../store/support-requests.js';
import { supervisorsOf } from '../store/users.js';
import { findUser, listUsers } from '../store/workspaces.js';

type Notice = (e: DomainEvent, db: Db) => Promise<void>;

const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const live = (users: readonly (UserRow | undefined)[]) => users.filter((u): u is UserRow => u !== undefined && u.deactivated_at === null);

async function employeeAndUser(db: Db, workspaceId: string, employeeId: string) {
  const [employee] = await findEmployees(db, workspaceId, [employeeId]);
  const user = employee?.user_id ? await findUser(db, workspaceId, employee.user_id) : undefined;
  return { employee, user };
}

/**
 * Who hears about reviews and support. A flag reaches HR only; the supervisor hears of a review
 * once HR has opened it; the employee hears that a review exists and of the decision; support goes
 * to the supervisor who answers it and back to the employee.
 */
export const PEOPLE_NOTICES: Record<string, Notice> = {
  async review_flag_raised(e, db) {
    const flag = await findFlagRow(db, e.workspaceId, str(e.data.flagId));
    if (!flag) return;
    const { employee } = await employeeAndUser(db, e.workspaceId, flag.employee_id);
    const hr = live((await listUsers(db, e.workspaceId)).filter((u) => u.role === 'hr'));
    await notifyPeople(
      db,
      hr,
      {
        kind: 'review_flag',
        caseId: null,
        link: '/reviews',
        title: `A review rule flagged ${employee?.name ?? 'an employee'}`,
        body: 'Decide whether to open a review.',
      },
      new Date(e.at),
    );
  },
  async review_opened(e, db) {
    const { employee, user } = await employeeAndUser(db, e.workspaceId, str(e.data.employeeId));
    if (!employee) return;
    const reviewId = str(e.data.reviewId);
    const supervisors = (await supervisorsOf(db, e.workspaceId, employee.team_id)).filter((s) => s.id !== employee.user_id);
    await notifyPeople(
      db,
      supervisors,
      {
        kind: 'review_opened',
        caseId: null,
        link: null,
        title: `HR opened a review of ${employee.name}`,
        body: 'HR will be in touch about it.',
      },
      new Date(e.at),
    );
    await notifyPeople(
      db,
      live([user]),
      {
        kind: 'review_opened',
        caseId: null,
        link: `/my-reviews/${reviewId}`,
        title: 'A review of your recent cases has opened',
        body: 'You can read what it is about and add your own statement before anything is decided.',
      },
      new Date(e.at),
    );
  },
  async review_decided(e, db) {
    const { user } = await employeeAndUser(db, e.workspaceId, str(e.data.employeeId));
    const outcome = OUTCOME_LABELS[str(e.data.outcome) as ReviewOutcome] ?? str(e.data.outcome);
    await notifyPeople(
      db,
      live([user]),
      {
        kind: 'review_decided',
        caseId: null,
        link: `/my-reviews/${str(e.data.reviewId)}`,
        title: `Your review was decided: ${outcome}`,
        body: 'Read the decision and why.',
      },
      new Date(e.at),
    );
  },
  async support_requested(e, db) {
    const r = await findSupportRequest(db, e.workspaceId, str(e.data.requestId));
    if (!r) return;
    const { employee } = await employeeAndUser(db, e.workspaceId, r.employee_id);
    const to = r.supervisor_id ? live([await findUser(db, e.workspaceId, r.supervisor_id)]) : [];
    const kind = SUPPORT_KIND_LABELS[r.kind as SupportKind] ?? 'Support';
    await notifyPeople(
      db,
      to,
      {
        kind: 'support_requested',
        caseId: r.case_id,
        link: '/support',
        title: `${employee?.name ?? 'An employee'} asked for support: ${kind}`,
        body: `Please answer by ${r.due_at ?? 'soon'}.`,
      },
      new Date(e.at),
    );
  },
  async support_offered(e, db) {
    const r = await findSupportRequest(db, e.workspaceId, str(e.data.requestId));
    const user = r?.user_id ? await findUser(db, e.workspaceId, r.user_id) : undefined;
    await notifyPeople(
      db,
      live([user]),
      {
        kind: 'support_offered',
        caseId: r?.case_id ?? null,
        link: '/support',
        title: 'That was a hard interaction: support is here if you want it',
        body: 'A talk with your supervisor, training, time off the front line or wellbeing help. Take it up or let it go.',
      },
      new Date(e.at),
    );
  },
  async support_answered(e, db) {
    const r = await findSupportRequest(db, e.workspaceId, str(e.data.requestId));
    const user = r?.user_id ? await findUser(db, e.workspaceId, r.user_id) : undefined;
    await notifyPeople(
      db,
      live([user]),
      {
        kind: 'support_answered',
        caseId: r?.case_id ?? null,
        link: '/support',
        title: 'Your supervisor answered your request for support',
        body: r?.answer ?? '',
      },
      new Date(e.at),
    );
  },
};
