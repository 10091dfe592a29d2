import { AppError, invalid, notFound } from '../domain/errors.js';
import { describeRule } from '../domain/review-rules.js';
import type { ReviewOutcome, ReviewStatus } from '../domain/reviews.js';
import { findEmployees } from '../store/people.js';
import { findRuleRow } from '../store/review-rules.js';
import { appendReviewEvent, findReviewRow, listDecisionRows, listReviewCases, listReviewRows, updateReviewRow } from '../store/reviews.js';
import type { Db, ReviewRow } from '../store/schema.js';
import { recordAccess } from './access-log.js';
import { requirePermission } from './authorization.js';
import { inTransaction, type ServiceContext } from './context.js';
import { toRule } from './review-rules.js';
import { finalDecision } from './review-status.js';

/**
 * What the employee sees of a review of them: that it exists, a summary of what it is about, their
 * own statement, and the decision once one stands. Never the findings, notes or who else was asked.
 */
export type MyReview = {
  id: string;
  status: ReviewStatus;
  openedAt: string;
  responseDueAt: string;
  windowOpen: boolean;
  waivedAt: string | null;
  summary: { rule: string | null; cases: { ref: string; title: string; reportedAt: string }[] };
  statement: { body: string; at: string } | null;
  decision: { outcome: ReviewOutcome; rationale: string; decidedAt: string; scenarioIds: string[] } | null;
  appeal: { reason: string; at: string } | null;
  canAppeal: boolean;
};

async function present(db: Db, review: ReviewRow, now: Date): Promise<MyReview> {
  const ws = review.workspace_id;
  const [cases, decisions] = await Promise.all([listReviewCases(db, ws, review.id), listDecisionRows(db, ws, [review.id])]);
  const rule = review.rule_id ? await findRuleRow(db, ws, review.rule_id) : undefined;
  const final = review.status === 'decided' ? finalDecision(decisions) : undefined;
  const windowOpen = review.waived_at === null && review.employee_statement === null && now.getTime() < Date.parse(review.response_due_at);
  return {
    id: review.id,
    status: review.status,
    openedAt: review.opened_at,
    responseDueAt: review.response_due_at,
    windowOpen,
    waivedAt: review.waived_at,
    summary: {
      rule: rule ? describeRule(toRule(rule)) : null,
      cases: cases.filter((c) => c.counted === 1).map((c) => ({ ref: c.ref, title: c.title, reportedAt: c.reported_at })),
    },
    statement: review.employee_statement ? { body: review.employee_statement, at: review.employee_statement_at ?? '' } : null,
    decision: final
      ? {
          outcome: final.outcome as ReviewOutcome,
          rationale: final.rationale,
          decidedAt: final.decided_at,
          scenarioIds: JSON.parse(final.scenario_ids) as string[],
        }
      : null,
    appeal: review.appeal_reason ? { reason: review.appeal_reason, at: review.appealed_at ?? '' } : null,
    canAppeal: review.status === 'decided' && review.appealed_at === null,
  };
}

/** The reviews of the signed-in employee, newest first (an account with no employee record has none). */
export async function listMyReviews(ctx: ServiceContext): Promise<MyReview[]> {
  if (!ctx.actor.employeeId) return [];
  requirePermission(ctx.actor, 'read', 'review_response', { ownerUserId: ctx.actor.userId });
  const rows = await listReviewRows(ctx.db, ctx.actor.workspaceId, { employeeId: ctx.actor.employeeId });
  for (const r of rows)
    await recordAccess(ctx, { action: 'read', resource: 'review_response', subjectId: r.id, subjectLabel: 'Own review' });
  return Promise.all(rows.map((r) => present(ctx.db, r, ctx.now)));
}

async function loadOwn(ctx: ServiceContext, db: Db, id: string, action: 'update' | 'create'): Promise<ReviewRow> {
  const review = await findReviewRow(db, ctx.actor.workspaceId, id, true);
  const [employee] = review ? await findEmployees(db, ctx.actor.workspaceId, [review.employee_id]) : [];
  // Someone else's review does not exist as far as they can tell.
  if (!review || !employee || employee.user_id !== ctx.actor.userId) throw notFound(`Review ${id}`);
  requirePermission(ctx.actor, action, 'review_response', { ownerUserId: employee.user_id });
  return review;
}

/** The employee's own account, added once within the response window and kept as written. */
export function addMyStatement(ctx: ServiceContext, id: string, body: string): Promise<MyReview> {
  return inTransaction(ctx.db, async (db) => {
    const review = await loadOwn(ctx, db, id, 'create');
    if (!body.trim()) throw invalid('body', 'write your statement');
    if (review.employee_statement !== null)
      throw new AppError('conflict', 'Your statement is already part of the review and stays as you wrote it');
    if (review.waived_at !== null || ctx.now.getTime() >= Date.parse(review.response_due_at))
      throw new AppError('conflict', 'The window to add a statement has closed');
    const at = ctx.now.toISOString();
    await updateReviewRow(db, review.workspace_id, review.id, { employee_statement: body, employee_statement_at: at, updated_at: at });
    await appendReviewEvent(db, review, { kind: 'employee_statement_added', actorId: ctx.actor.userId, at, data: { body } });
    return present(db, (await findReviewRow(db, review.workspace_id, review.id)) as ReviewRow, ctx.now);
  });
}

/** The employee gives up the rest of their window, so a decision need not wait for it. */
export function waiveMyWindow(ctx: ServiceContext, id: string): Promise<MyReview> {
  return inTransaction(ctx.db, async (db) => {
    const review = await loadOwn(ctx, db, id, 'update');
    if (review.waived_at !== null) throw new AppError('conflict', 'You have already waived your window');
    if (review.status !== 'open') throw new AppError('conflict', 'This review is past its response window');
    const at = ctx.now.toISOString();
    await updateReviewRow(db, review.workspace_id, review.id, { waived_at: at, updated_at: at });
    await appendReviewEvent(db, review, { kind: 'response_window_waived', actorId: ctx.actor.userId, at, data: {} });
    return present(db, (await findReviewRow(db, review.workspace_id, review.id)) as ReviewRow, ctx.now);
  });
}

/** The employee appeals the decision once; someone other than the first decider then decides again. */
export function appealMyReview(ctx: ServiceContext, id: string, reason: string): Promise<MyReview> {
  return inTransaction(ctx.db, async (db) => {
    const review = await loadOwn(ctx, db, id, 'update');
    if (!reason.trim()) throw invalid('reason', 'say why you appeal');
    if (review.appealed_at !== null) throw new AppError('conflict', 'A review can be appealed once, and this one has been');
    if (review.status !== 'decided') throw new AppError('conflict', 'There is no decision to appeal yet');
    const at = ctx.now.toISOString();
    await updateReviewRow(db, review.workspace_id, review.id, {
      status: 'appealed',
      appeal_reason: reason.trim(),
      appealed_at: at,
      updated_at: at,
    });
    await appendReviewEvent(db, review, { kind: 'appealed', actorId: ctx.actor.userId, at, data: { reason: reason.trim() } });
    return present(db, (await findReviewRow(db, review.workspace_id, review.id)) as ReviewRow, ctx.now);
  });
}
