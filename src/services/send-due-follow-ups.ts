import { randomBytes } from 'node:crypto';
import { isFinished } from '../domain/case-status.js';
import { SURVEY_LINK_LIFETIME, surveyLink } from '../domain/follow-through.js';
import { sha256 } from '../domain/timeline.js';
import { lockCaseById } from '../store/cases.js';
import { claimFollowUpSend, dueFollowUps, type FollowUpSweepKey } from '../store/follow-ups.js';
import { queueEmail } from '../store/outbox.js';
import { findCustomer } from '../store/people.js';
import type { Db, FollowUpRow } from '../store/schema.js';
import { findUser } from '../store/workspaces.js';
import { recordSystemChange } from './case-change.js';
import { inTransaction } from './context.js';
import { customerSurveyEmail } from './emails/follow-up-emails.js';
import { sweepInBatches } from './sweep-pacer.js';

/**
 * The time-driven send of follow-ups (run by a recurring job; the system acts): the customer gets a
 * private single-use survey link by mail (only the token's SHA-256 is stored), an employee with an
 * account is asked in the app and by mail (the notifications processor) to answer in Defuse. A still-resolved case moves
 * to following_up. A follow-up nobody can be reached for is cancelled; one more than the link's lifetime
 * overdue expires unsent.
 */

export async function sendDueFollowUps(
  db: Db,
  now: Date,
  publicUrl: string,
  only?: { caseId: string },
  options: { batch?: number } = {},
): Promise<{ sent: number }> {
  let sent = 0;
  await sweepInBatches({
    read: (after: FollowUpSweepKey | undefined, limit) => dueFollowUps(db, now, limit, { caseId: only?.caseId, after }),
    keyOf: (f) => ({ dueAt: f.due_at, id: f.id }),
    handle: async (f) => {
      if (await sendOne(db, f, now, publicUrl)) sent += 1;
    },
    batch: options.batch,
  });
  return { sent };
}

function sendOne(db: Db, f: FollowUpRow, now: Date, publicUrl: string): Promise<boolean> {
  return inTransaction(db, async (trx) => {
    const at = now.toISOString();
    const locked = await lockCaseById(trx, f.workspace_id, f.case_id);
    if (!locked) return false;
    const customer = f.party === 'customer' && locked.customer_id ? await findCustomer(trx, f.workspace_id, locked.customer_id) : undefined;
    const user = f.party === 'employee' && f.user_id ? await findUser(trx, f.workspace_id, f.user_id) : undefined;
    // A follow-up that could not go out while it mattered (the server was off for weeks) is not sent
    // months late: it expires, as its link would have.
    if (now.getTime() - Date.parse(f.due_at) > SURVEY_LINK_LIFETIME) {
      await claimFollowUpSend(trx, f.id, { status: 'expired' });
      return false;
    }
    // "How did we do?" is for a finished case: one that came back is asked again after its next resolution.
    if (!isFinished(locked.status)) {
      await claimFollowUpSend(trx, f.id, { status: 'cancelled' });
      return false;
    }
    const reachable = customer?.email ? true : user !== undefined && user.deactivated_at === null;
    const token = customer?.email ? randomBytes(32).toString('base64url') : null;
    const expiresAt = token ? new Date(now.getTime() + SURVEY_LINK_LIFETIME).toISOString() : null;
    const claimed = await claimFollowUpSend(
      trx,
      f.id,
      reachable
        ? { status: 'sent', sent_at: at, token_hash: token ? sha256(token) : null, expires_at: expiresAt }
        : { status: 'cancelled' },
    );
    if (!claimed || !reachable) return false;
    await recordSystemChange(
      trx,
      f.workspace_id,
      f.case_id,
      locked.status === 'resolved' ? { status: 'following_up' } : {},
      () => [
        { kind: 'follow_up_sent', actorId: null, at, data: { id: f.id, party: f.party, employeeId: f.employee_id } },
        ...(locked.status === 'resolved'
          ? [{ kind: 'status_changed' as const, actorId: null, at, data: { from: 'resolved', to: 'following_up' } }]
          : []),
      ],
      now,
    );
    if (customer?.email && token && expiresAt) {
      const mail = customerSurveyEmail({ customerName: customer.name, surveyUrl: surveyLink(publicUrl, token), expiresAt });
      await queueEmail(trx, { workspaceId: f.workspace_id, kind: 'survey', to: customer.email, ...mail }, now);
    }
    return true;
  });
}
