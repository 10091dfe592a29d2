import { isFinished } from '../domain/case-status.js';
import { type CustomerAnswer, isUnhappy } from '../domain/follow-through.js';
import { sha256 } from '../domain/timeline.js';
import { findCaseById, lockCaseById } from '../store/cases.js';
import type { NewEvent } from '../store/events.js';
import { findFollowUpByTokenHash, recordFollowUpAnswer } from '../store/follow-ups.js';
import type { Db, FollowUpRow } from '../store/schema.js';
import { findWorkspace } from '../store/workspaces.js';
import { recordSystemChange } from './case-change.js';
import { inTransaction } from './context.js';

/** Where a survey link stands; only `open` accepts an answer. */
export type SurveyState = 'open' | 'answered' | 'expired' | 'unknown';

async function stateOf(db: Db, token: string, now: Date): Promise<{ state: SurveyState; followUp?: FollowUpRow }> {
  // Only customer links carry a token; the lookup is by its hash, so the token itself is never stored.
  const f = token.length >= 20 && token.length <= 100 ? await findFollowUpByTokenHash(db, sha256(token)) : undefined;
  if (f?.party !== 'customer') return { state: 'unknown' };
  if (f.status === 'answered') return { state: 'answered', followUp: f };
  if (f.status !== 'sent' || (f.expires_at !== null && Date.parse(f.expires_at) <= now.getTime())) return { state: 'expired', followUp: f };
  return { state: 'open', followUp: f };
}

/**
 * What an open survey is about, for its page: the business's name and the case's reference (never
 * the case's title, which staff write for each other).
 */
export async function surveySubject(db: Db, token: string, now: Date): Promise<{ business: string; caseRef: string } | null> {
  const { state, followUp } = await stateOf(db, token, now);
  if (state !== 'open' || !followUp) return null;
  const [kase, workspace] = await Promise.all([
    findCaseById(db, followUp.workspace_id, followUp.case_id),
    findWorkspace(db, followUp.workspace_id),
  ]);
  return kase && workspace ? { business: workspace.name, caseRef: kase.ref } : null;
}

/** Looks at a survey link without recording anything (mail scanners open links too). */
export async function readSurvey(db: Db, token: string, now: Date): Promise<SurveyState> {
  return (await stateOf(db, token, now)).state;
}

/**
 * Records the customer's answer, once. An unhappy answer (2 or less out of 5) reopens the case when
 * its status allows; the notifications processor tells the handler (the assignee, else the team's supervisors).
 */
export function answerSurvey(db: Db, token: string, answer: CustomerAnswer, now: Date): Promise<SurveyState | 'recorded'> {
  return inTransaction(db, async (trx) => {
    const { state, followUp: f } = await stateOf(trx, token, now);
    if (state !== 'open' || !f) return state;
    const locked = await lockCaseById(trx, f.workspace_id, f.case_id);
    if (!locked) return 'unknown';
    const stored: CustomerAnswer = {
      satisfaction: answer.satisfaction,
      wouldReturn: answer.wouldReturn,
      comment: answer.comment?.trim() || null,
    };
    const at = now.toISOString();
    if (!(await recordFollowUpAnswer(trx, f.id, stored, at))) return 'answered';
    const reopen = isUnhappy(stored.satisfaction) && isFinished(locked.status);
    const events: NewEvent[] = [
      { kind: 'follow_up_answered', actorId: null, at, data: { id: f.id, party: 'customer', answer: stored, reopens: reopen } },
    ];
    if (reopen)
      events.push({
        kind: 'status_changed',
        actorId: null,
        at,
        data: { from: locked.status, to: 'reopened', reason: `The customer answered the follow-up unhappy (${stored.satisfaction}/5)` },
      });
    await recordSystemChange(trx, f.workspace_id, f.case_id, reopen ? { status: 'reopened', resolved_at: null } : {}, () => events, now);
    return 'recorded';
  });
}
