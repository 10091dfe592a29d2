import { AppError, invalid, notFound } from '../domain/errors.js';
import { describeRule } from '../domain/review-rules.js';
import {
  assertDecidable,
  assertSignOff,
  type DecisionInput,
  departsFrom,
  noticeOf,
  type ReviewFinding,
  type ReviewOutcome,
  type ReviewStatus,
  type TrainingRecord,
} from '../domain/reviews.js';
import { insertOutboxEvents } from '../store/event-outbox.js';
import { findEmployees } from '../store/people.js';
import { findRuleRow } from '../store/review-rules.js';
import {
  appendReviewEvent,
  findReviewRow,
  insertDecisionRow,
  listDecisionRows,
  listReviewCases,
  listReviewEvents,
  listReviewRows,
  updateDecisionRow,
  updateReviewCase,
  updateReviewRow,
} from '../store/reviews.js';
import type { Db, EmployeeRow, ReviewDecisionRow, ReviewRow } from '../store/schema.js';
import { findUsers } from '../store/workspaces.js';
import { recordAccess } from './access-log.js';
import { requirePermission } from './authorization.js';
import { inTransaction, type ServiceContext } from './context.js';
import { gatherEvidence, type ReviewEvidence, trainingRecordsOf } from './review-evidence.js';
import { assertNotParty } from './review-opening.js';
import { toRule } from './review-rules.js';
import { finalDecision } from './review-status.js';
import { assignTrainingFromDecision } from './training-assignments.js';

type Person = { id: string; name: string };

export type ReviewDecisionView = {
  id: string;
  stage: 'first' | 'appeal';
  outcome: ReviewOutcome;
  rationale: string;
  departureReason: string | null;
  scenarioIds: string[];
  decidedBy: Person;
  decidedAt: string;
  signOff: { by: Person; at: string } | null;
  effective: boolean;
};

export type ReviewView = {
  id: string;
  status: ReviewStatus;
  employee: { id: string; name: string; teamId: string | null };
  rule: { id: string; name: string; description: string } | null;
  reason: string;
  openedAt: string;
  openedBy: Person;
  responseDueAt: string;
  waivedAt: string | null;
  windowOpen: boolean;
  employeeStatement: { body: string; at: string } | null;
  appeal: { reason: string; at: string } | null;
  cases: {
    caseId: string;
    ref: string;
    title: string;
    reportedAt: string;
    counted: boolean;
    why: string;
    exclusions: string[];
    allegation: string | null;
    finding: ReviewFinding | null;
    policy: string | null;
    notice: { trained: boolean; records: TrainingRecord[] };
  }[];
  decisions: ReviewDecisionView[];
  comparable: { reviewId: string; employeeName: string; outcome: ReviewOutcome; decidedAt: string }[];
  audit: { seq: number; kind: string; at: string; actor: string | null; hash: string; fileSha256: string | null }[];
  can: { decide: boolean; signOff: boolean; recordFindings: boolean };
};

export type ReviewListItem = {
  id: string;
  status: ReviewStatus;
  employee: Person;
  ruleName: string | null;
  openedAt: string;
  responseDueAt: string;
  outcome: ReviewOutcome | null;
};

const personOf = (names: Map<string, string>, id: string): Person => ({ id, name: names.get(id) ?? '' });

async function loadReview(
  ctx: ServiceContext,
  db: Db,
  id: string,
  forUpdate = false,
): Promise<{ review: ReviewRow; employee: EmployeeRow }> {
  const review = await findReviewRow(db, ctx.actor.workspaceId, id, forUpdate);
  if (!review) throw notFound(`Review ${id}`);
  const [employee] = await findEmployees(db, ctx.actor.workspaceId, [review.employee_id]);
  if (!employee) throw notFound(`Review ${id}`);
  await assertNotParty(db, ctx.actor, review);
  return { review, employee };
}

/** Outcomes of earlier decided reviews under the same kind of rule (or opened by hand alike), for consistency. */
async function comparableOf(db: Db, review: ReviewRow): Promise<ReviewView['comparable']> {
  const ws = review.workspace_id;
  const rule = review.rule_id ? await findRuleRow(db, ws, review.rule_id) : undefined;
  const all = (await listReviewRows(db, ws)).filter((r) => r.id !== review.id && r.opened_at <= review.opened_at);
  const same: ReviewRow[] = [];
  for (const r of all) {
    const other = r.rule_id ? await findRuleRow(db, ws, r.rule_id) : undefined;
    if ((other?.kind ?? null) === (rule?.kind ?? null)) same.push(r);
  }
  const decisions = await listDecisionRows(
    db,
    ws,
    same.map((r) => r.id),
  );
  const employees = new Map(
    (
      await findEmployees(
        db,
        ws,
        same.map((r) => r.employee_id),
      )
    ).map((e) => [e.id, e.name]),
  );
  return same.flatMap((r) => {
    const d = finalDecision(decisions.filter((x) => x.review_id === r.id));
    return d
      ? [{ reviewId: r.id, employeeName: employees.get(r.employee_id) ?? '', outcome: d.outcome as ReviewOutcome, decidedAt: d.decided_at }]
      : [];
  });
}

/** The whole review as HR sees it (no access log entry: callers that show it to someone write one). */
export async function presentReview(ctx: ServiceContext, db: Db, review: ReviewRow, employee: EmployeeRow): Promise<ReviewView> {
  const ws = review.workspace_id;
  const [cases, decisions, events, training, comparable] = await Promise.all([
    listReviewCases(db, ws, review.id),
    listDecisionRows(db, ws, [review.id]),
    listReviewEvents(db, ws, review.id),
    trainingRecordsOf(db, ws, employee),
    comparableOf(db, review),
  ]);
  const rule = review.rule_id ? await findRuleRow(db, ws, review.rule_id) : undefined;
  const userIds = [
    review.opened_by,
    ...decisions.flatMap((d) => [d.decided_by, ...(d.sign_off_by ? [d.sign_off_by] : [])]),
    ...events.flatMap((e) => (e.actor_id ? [e.actor_id] : [])),
  ];
  const names = new Map((await findUsers(db, ws, [...new Set(userIds)])).map((u) => [u.id, u.name]));
  const final = finalDecision(decisions);
  const pending = decisions.find((d) => d.outcome === 'termination' && d.sign_off_by === null && review.status === 'awaiting_sign_off');
  const windowOpen =
    review.waived_at === null && review.employee_statement === null && ctx.now.getTime() < Date.parse(review.response_due_at);
  const mayUpdate = ctx.actor.role === 'hr' || ctx.actor.role === 'admin';
  return {
    id: review.id,
    status: review.status,
    employee: { id: employee.id, name: employee.name, teamId: employee.team_id },
    rule: rule ? { id: rule.id, name: rule.name, description: describeRule(toRule(rule)) } : null,
    reason: review.reason,
    openedAt: review.opened_at,
    openedBy: personOf(names, review.opened_by),
    responseDueAt: review.response_due_at,
    waivedAt: review.waived_at,
    windowOpen,
    employeeStatement: review.employee_statement ? { body: review.employee_statement, at: review.employee_statement_at ?? '' } : null,
    appeal: review.appeal_reason ? { reason: review.appeal_reason, at: review.appealed_at ?? '' } : null,
    cases: cases.map((c) => ({
      caseId: c.case_id,
      ref: c.ref,
      title: c.title,
      reportedAt: c.reported_at,
      counted: c.counted === 1,
      why: c.why,
      exclusions: JSON.parse(c.exclusions) as string[],
      allegation: c.allegation,
      finding: c.finding as ReviewFinding | null,
      policy: c.policy,
      notice: noticeOf(c.policy, training, c.occurred_at),
    })),
    decisions: decisions.map((d) => ({
      id: d.id,
      stage: d.stage,
      outcome: d.outcome as ReviewOutcome,
      rationale: d.rationale,
      departureReason: d.departure_reason,
      scenarioIds: JSON.parse(d.scenario_ids) as string[],
      decidedBy: personOf(names, d.decided_by),
      decidedAt: d.decided_at,
      signOff: d.sign_off_by ? { by: personOf(names, d.sign_off_by), at: d.sign_off_at ?? '' } : null,
      effective: d.id === final?.id,
    })),
    comparable,
    audit: events.map((e) => ({
      seq: e.seq,
      kind: e.kind,
      at: e.at,
      actor: e.actor_id ? (names.get(e.actor_id) ?? null) : null,
      hash: e.hash,
      fileSha256: e.file_sha256,
    })),
    can: {
      decide: mayUpdate && (review.status === 'open' || review.status === 'appealed') && !windowOpen,
      signOff: mayUpdate && pending !== undefined && pending.decided_by !== ctx.actor.userId,
      recordFindings: mayUpdate && (review.status === 'open' || review.status === 'appealed'),
    },
  };
}

/** Reviews for HR, newest first. */
export async function listReviews(ctx: ServiceContext, filter: { employeeId?: string | undefined } = {}): Promise<ReviewListItem[]> {
  requirePermission(ctx.actor, 'list', 'review');
  const ws = ctx.actor.workspaceId;
  const rows = await listReviewRows(ctx.db, ws, filter);
  const visible: ReviewRow[] = [];
  for (const r of rows) {
    const hidden = await assertNotParty(ctx.db, ctx.actor, r).then(
      () => false,
      () => true,
    );
    if (!hidden) visible.push(r);
  }
  const employees = new Map(
    (
      await findEmployees(
        ctx.db,
        ws,
        visible.map((r) => r.employee_id),
      )
    ).map((e) => [e.id, e.name]),
  );
  const decisions = await listDecisionRows(
    ctx.db,
    ws,
    visible.map((r) => r.id),
  );
  const rules = new Map<string, string>();
  for (const r of visible)
    if (r.rule_id && !rules.has(r.rule_id)) rules.set(r.rule_id, (await findRuleRow(ctx.db, ws, r.rule_id))?.name ?? '');
  return visible.map((r) => ({
    id: r.id,
    status: r.status,
    employee: { id: r.employee_id, name: employees.get(r.employee_id) ?? '' },
    ruleName: r.rule_id ? (rules.get(r.rule_id) ?? null) : null,
    openedAt: r.opened_at,
    responseDueAt: r.response_due_at,
    outcome: (finalDecision(decisions.filter((d) => d.review_id === r.id))?.outcome as ReviewOutcome | undefined) ?? null,
  }));
}

/** One review for HR; the read is written to the access log first. */
export async function getReview(ctx: ServiceContext, id: string): Promise<ReviewView> {
  requirePermission(ctx.actor, 'read', 'review');
  const { review, employee } = await loadReview(ctx, ctx.db, id);
  await recordAccess(ctx, { action: 'read', resource: 'review', subjectId: review.id, subjectLabel: `Review of ${employee.name}` });
  return presentReview(ctx, ctx.db, review, employee);
}

/** The evidence of a review for HR; access-logged like the review itself. */
export async function getReviewEvidence(ctx: ServiceContext, id: string): Promise<ReviewEvidence> {
  requirePermission(ctx.actor, 'read', 'review');
  const { review, employee } = await loadReview(ctx, ctx.db, id);
  await recordAccess(ctx, {
    action: 'read',
    resource: 'review',
    subjectId: review.id,
    subjectLabel: `Evidence of the review of ${employee.name}`,
  });
  return gatherEvidence(ctx.db, review, employee);
}

/** HR records, for one case of the review, what was alleged, what they found and which policy it concerns. */
export function recordFinding(
  ctx: ServiceContext,
  id: string,
  ref: string,
  input: { allegation: string; finding: ReviewFinding; policy: string },
): Promise<ReviewView> {
  return inTransaction(ctx.db, async (db) => {
    requirePermission(ctx.actor, 'update', 'review');
    const { review, employee } = await loadReview(ctx, db, id, true);
    if (review.status !== 'open' && review.status !== 'appealed')
      throw new AppError('conflict', 'Findings are recorded before the decision');
    const rc = (await listReviewCases(db, review.workspace_id, review.id)).find((c) => c.ref === ref);
    if (!rc) throw notFound(`Case ${ref} in this review`);
    if (!input.allegation.trim()) throw invalid('allegation', 'say what is alleged');
    if (!input.policy.trim()) throw invalid('policy', 'name the policy this concerns');
    const at = ctx.now.toISOString();
    await updateReviewCase(db, review.id, rc.case_id, {
      allegation: input.allegation.trim(),
      finding: input.finding,
      policy: input.policy.trim(),
      recorded_by: ctx.actor.userId,
      recorded_at: at,
    });
    await appendReviewEvent(db, review, {
      kind: 'finding_recorded',
      actorId: ctx.actor.userId,
      at,
      data: { caseRef: ref, allegation: input.allegation.trim(), finding: input.finding, policy: input.policy.trim() },
    });
    await updateReviewRow(db, review.workspace_id, review.id, { updated_at: at });
    return presentReview(ctx, db, (await findReviewRow(db, review.workspace_id, review.id)) as ReviewRow, employee);
  });
}

/**
 * HR records a decision with its rationale: only once the employee's window has closed (or they
 * waived it), with a reason when it departs from earlier comparable outcomes, and for an appeal,
 * by someone other than the first decider. A termination waits for a second person's sign-off.
 */
export function decideReview(ctx: ServiceContext, id: string, input: DecisionInput): Promise<ReviewView> {
  return inTransaction(ctx.db, async (db) => {
    requirePermission(ctx.actor, 'update', 'review');
    const { review, employee } = await loadReview(ctx, db, id, true);
    const decisions = await listDecisionRows(db, review.workspace_id, [review.id]);
    const first = decisions.find((d) => d.stage === 'first');
    const comparable = await comparableOf(db, review);
    assertDecidable(
      {
        status: review.status,
        responseDueAt: review.response_due_at,
        waived: review.waived_at !== null || review.employee_statement !== null,
        firstDecider: first?.decided_by ?? null,
        comparableOutcomes: comparable.map((c) => c.outcome),
      },
      input,
      ctx.actor.userId,
      ctx.now,
    );
    const at = ctx.now.toISOString();
    const stage = review.status === 'appealed' ? 'appeal' : 'first';
    const departs = departsFrom(
      input.outcome,
      comparable.map((c) => c.outcome),
    );
    const decision = await insertDecisionRow(db, {
      workspace_id: review.workspace_id,
      review_id: review.id,
      stage,
      outcome: input.outcome,
      rationale: input.rationale.trim(),
      departure_reason: departs ? (input.departureReason?.trim() ?? null) : null,
      scenario_ids: JSON.stringify(input.outcome === 'training' ? [...(input.scenarioIds ?? [])] : []),
      decided_by: ctx.actor.userId,
      decided_at: at,
      sign_off_by: null,
      sign_off_at: null,
    });
    const status: ReviewStatus = input.outcome === 'termination' ? 'awaiting_sign_off' : 'decided';
    await updateReviewRow(db, review.workspace_id, review.id, { status, updated_at: at });
    await appendReviewEvent(db, review, {
      kind: 'decision_recorded',
      actorId: ctx.actor.userId,
      at,
      data: {
        decisionId: decision.id,
        stage,
        outcome: input.outcome,
        rationale: decision.rationale,
        departureReason: decision.departure_reason,
      },
    });
    const scenarioKeys = input.outcome === 'training' ? [...(input.scenarioIds ?? [])] : [];
    if (scenarioKeys.length > 0) {
      // What HR chose becomes the employee's assigned training, in the decision's transaction.
      if (!employee.user_id) throw invalid('scenarioIds', 'this employee has no account, so training cannot be assigned to them');
      await assignTrainingFromDecision(
        db,
        {
          workspaceId: review.workspace_id,
          userId: employee.user_id,
          scenarioKeys,
          decidedBy: ctx.actor.userId,
          note: 'Chosen in a review',
        },
        ctx.now,
      );
    }
    if (status === 'decided') await announceDecision(db, review, decision, at);
    return presentReview(ctx, db, (await findReviewRow(db, review.workspace_id, review.id)) as ReviewRow, employee);
  });
}

async function announceDecision(db: Db, review: ReviewRow, decision: ReviewDecisionRow, at: string): Promise<void> {
  await insertOutboxEvents(db, [
    {
      workspaceId: review.workspace_id,
      kind: 'review_decided',
      caseId: null,
      actorId: decision.decided_by,
      at,
      data: {
        reviewId: review.id,
        employeeId: review.employee_id,
        outcome: decision.outcome,
        scenarioIds: JSON.parse(decision.scenario_ids),
      },
    },
  ]);
}

/** A second person (HR or admin, not the decider) signs off a termination, which then stands. */
export function signOffReview(ctx: ServiceContext, id: string): Promise<ReviewView> {
  return inTransaction(ctx.db, async (db) => {
    requirePermission(ctx.actor, 'approve', 'review');
    const { review, employee } = await loadReview(ctx, db, id, true);
    const decisions = await listDecisionRows(db, review.workspace_id, [review.id]);
    const pending = decisions.find((d) => d.outcome === 'termination' && d.sign_off_by === null);
    if (review.status !== 'awaiting_sign_off' || !pending) throw new AppError('conflict', 'Nothing on this review waits for a sign-off');
    assertSignOff(pending.decided_by, ctx.actor.userId, ctx.actor.role);
    const at = ctx.now.toISOString();
    await updateDecisionRow(db, pending.id, { sign_off_by: ctx.actor.userId, sign_off_at: at });
    await updateReviewRow(db, review.workspace_id, review.id, { status: 'decided', updated_at: at });
    await appendReviewEvent(db, review, { kind: 'decision_signed_off', actorId: ctx.actor.userId, at, data: { decisionId: pending.id } });
    await announceDecision(db, review, pending, at);
    return presentReview(ctx, db, (await findReviewRow(db, review.workspace_id, review.id)) as ReviewRow, employee);
  });
}
