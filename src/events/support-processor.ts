import { offerSupport, openSupportRequest } from '../services/support-requests.js';
import { findFollowUp } from '../store/follow-ups.js';
import { findEmployees } from '../store/people.js';
import { employeeOfUser } from '../store/support-requests.js';
import type { EventProcessor } from './event-processor.js';

/**
 * Looks after the employee after a hard case: an abusive interaction ended under the abuse policy
 * brings an offer of support to whoever ended it, and a follow-up answer that asks for help becomes
 * a support request for their supervisor to answer.
 */
export function supportProcessor(): EventProcessor {
  return {
    name: 'support',
    startFrom: 'now',
    async handle(event, { db, now }) {
      if (!event.caseId) return;
      const ws = event.workspaceId;
      if (event.kind === 'abuse_reported') {
        const by = typeof event.data.by === 'string' ? event.data.by : null;
        const employee = by ? await employeeOfUser(db, ws, by) : undefined;
        if (employee) await offerSupport(db, employee, event.caseId, new Date(event.at));
        return;
      }
      if (event.kind !== 'follow_up_answered' || typeof event.data.id !== 'string') return;
      const f = await findFollowUp(db, ws, event.data.id);
      if (f?.party !== 'employee' || f.wants_help !== 1 || !f.employee_id) return;
      const [employee] = await findEmployees(db, ws, [f.employee_id]);
      if (!employee) return;
      const answer = f.answer ? (JSON.parse(f.answer) as { comment?: string | null }) : {};
      // The supervisors already hear of the answer itself ("asked for help"): this request is what they close.
      await openSupportRequest(
        db,
        {
          employee,
          caseId: event.caseId,
          kind: 'talk',
          note: answer.comment ?? null,
          source: 'follow_up',
          actorId: f.user_id,
          announce: false,
        },
        now,
      );
    },
  };
}
