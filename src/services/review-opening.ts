import { AppError, invalid, notFound } from '../domain/errors.js';
import type { FairnessExclusion } from '../domain/review-rules.js';
import { responseDueAt } from '../domain/reviews.js';
import { findCaseByRef } from '../store/cases.js';
import { insertOutboxEvents } from '../store/event-outbox.js';
import { findEmployees } from '../store/people.js';
import { casePartyUserIds } from '../store/review-facts.js';
import { appendReviewEvent, insertReviewCases, insertReviewRow, listReviewCases, listReviewRows } from '../store/reviews.js';
import type { Db, ReviewRow } from '../store/schema.js';
import { requirePermission } from './authorization.js';
import { type Actor, inTransaction, type ServiceContext } from './context.js';

export type OpeningCase = { caseId: string; counted: boolean; why: string; exclusions: FairnessExclusion[] };

/**
 * People who are party to a counted case, and the employee under review, neither decide nor see
 * the review: a refusal names why without showing anything of it.
 */
export async function assertNotParty(db: Db, actor: Actor, review: Pick<ReviewRow, 'id' | 'employee_id'>): Promise<void> {
  if (actor.employeeId !== null && actor.employeeId === review.employee_id)
    throw new AppError('forbidden', 'Nobody handles a review of themselves');
  const counted = (await listReviewCases(db, actor.workspaceId, review.id)).filter((c) => c.counted === 1).map((c) => c.case_id);
  if ((await casePartyUserIds(db, actor.workspaceId, counted)).has(actor.userId))
    throw new AppError('forbidden', 'You are party to a case this review counts, so you may neither see nor decide it');
}

/** Writes a new review with its cases and first audit entry; the employee and their supervisor hear of it. */
export async function openReviewRecord(
  ctx: ServiceContext,
  db: Db,
  input: { employeeId: string; flagId: string | null; ruleId: string | null; reason: string; cases: OpeningCase[] },
): Promise<ReviewRow> {
  const ws = ctx.actor.workspaceId;
  const [employee] = await findEmployees(db, ws, [input.employeeId]);
  if (!employee) throw notFound(`Employee ${input.employeeId}`);
  const existing = await listReviewRows(db, ws, { employeeId: employee.id });
  if (existing.some((r) => r.status !== 'decided'))
    throw new AppError('conflict', `A review of ${employee.name} is already under way; decide it before opening another`);
  const counted = input.cases.filter((c) => c.counted).map((c) => c.caseId);
  if (isSelf(ctx.actor, employee.id)) throw new AppError('forbidden', 'Nobody handles a review of themselves');
  if ((await casePartyUserIds(db, ws, counted)).has(ctx.actor.userId))
    throw new AppError('forbidden', 'You are party to a case this review would count, so someone else must open it');
  const at = ctx.now.toISOString();
  const review = await insertReviewRow(db, {
    workspace_id: ws,
    employee_id: employee.id,
    flag_id: input.flagId,
    rule_id: input.ruleId,
    status: 'open',
    reason: input.reason,
    opened_by: ctx.actor.userId,
    opened_at: at,
    response_due_at: responseDueAt(ctx.now).toISOString(),
    waived_at: null,
    employee_statement: null,
    employee_statement_at: null,
    appeal_reason: null,
    appealed_at: null,
    updated_at: at,
  });
  await insertReviewCases(
    db,
    input.cases.map((c) => ({
      workspace_id: ws,
      review_id: review.id,
      case_id: c.caseId,
      counted: c.counted ? 1 : 0,
      why: c.why,
      exclusions: JSON.stringify(c.exclusions),
      allegation: null,
      finding: null,
      policy: null,
      recorded_by: null,
      recorded_at: null,
    })),
  );
  await appendReviewEvent(db, review, {
    kind: 'review_opened',
    actorId: ctx.actor.userId,
    at,
    data: { reason: input.reason, flagId: input.flagId, counted, responseDueAt: review.response_due_at },
  });
  await insertOutboxEvents(db, [
    {
      workspaceId: ws,
      kind: 'review_opened',
      caseId: null,
      actorId: ctx.actor.userId,
      at,
      data: { reviewId: review.id, employeeId: employee.id },
    },
  ]);
  return review;
}

const isSelf = (actor: Actor, employeeId: string) => actor.employeeId !== null && actor.employeeId === employeeId;

/** HR opens a review by hand, naming the employee, the cases it is about and why. */
export function openReviewByHand(
  ctx: ServiceContext,
  input: { employeeId: string; caseRefs: string[]; reason: string },
): Promise<ReviewRow> {
  return inTransaction(ctx.db, async (db) => {
    requirePermission(ctx.actor, 'create', 'review');
    if (!input.reason.trim()) throw invalid('reason', 'say why this review opens');
    const cases: OpeningCase[] = [];
    for (const ref of [...new Set(input.caseRefs)]) {
      const row = await findCaseByRef(db, ctx.actor.workspaceId, ref);
      if (!row) throw invalid('caseRefs', `there is no case ${ref}`);
      cases.push({ caseId: row.id, counted: true, why: 'chosen by HR when opening the review', exclusions: [] });
    }
    return openReviewRecord(ctx, db, { employeeId: input.employeeId, flagId: null, ruleId: null, reason: input.reason.trim(), cases });
  });
}
