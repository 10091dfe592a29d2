import { AppError, invalid, notFound } from '../domain/errors.js';
import {
  describeRule,
  evaluateRule,
  type FairnessExclusion,
  type ReviewRule,
  type RuleCaseFacts,
  type RuleReach,
  reachOf,
  windowStart,
} from '../domain/review-rules.js';
import { insertOutboxEvents } from '../store/event-outbox.js';
import { findEmployees } from '../store/people.js';
import { ruleFactsSince, weighableCasesByEmployee } from '../store/review-facts.js';
import {
  decideFlagRow,
  findFlagRow,
  insertFlagRow,
  latestFlagOf,
  listFlagRows,
  lockEmployeeForFlags,
  workspaceIdsWithCases,
} from '../store/review-rules.js';
import { listReviewRows } from '../store/reviews.js';
import type { Db, ReviewFlagRow } from '../store/schema.js';
import { findUsers } from '../store/workspaces.js';
import { requirePermission } from './authorization.js';
import { inTransaction, type ServiceContext } from './context.js';
import { openReviewRecord } from './review-opening.js';
import { toRule, workspaceRules } from './review-rules.js';
import { sweepInBatches } from './sweep-pacer.js';

type FlagCase = { caseId: string; ref: string; why: string; reasons?: FairnessExclusion[] };

export type ReviewFlagView = {
  id: string;
  status: ReviewFlagRow['status'];
  rule: { id: string; name: string; description: string };
  employee: { id: string; name: string };
  counted: FlagCase[];
  excluded: FlagCase[];
  raisedAt: string;
  decidedAt: string | null;
  decidedBy: { id: string; name: string } | null;
  decisionReason: string | null;
  reviewId: string | null;
};

const ACTIVE_REVIEW = new Set(['open', 'awaiting_sign_off', 'appealed']);
const sameCases = (a: FlagCase[], b: FlagCase[]) => a.map((c) => c.caseId).join() === b.map((c) => c.caseId).join();

/** A workspace's enabled rules, the start of their longest window and what a case needs to weigh under one. */
type RulePass = { rules: ReviewRule[]; since: string; reach: RuleReach };

async function rulePassOf(db: Db, workspaceId: string, now: Date): Promise<RulePass | null> {
  const rules = (await workspaceRules(db, workspaceId, now)).map(toRule).filter((r) => r.enabled);
  if (rules.length === 0) return null;
  return { rules, since: windowStart(now, Math.max(...rules.map((r) => r.windowMonths))).toISOString(), reach: reachOf(rules) };
}

/**
 * Raises the flags one employee's cases meet. A flag is raised once per set of counted cases, and
 * not while a review of the employee is still open, so running it again raises nothing new.
 */
async function flagEmployee(
  db: Db,
  workspaceId: string,
  pass: RulePass,
  employeeId: string,
  facts: readonly RuleCaseFacts[],
  now: Date,
): Promise<ReviewFlagRow[]> {
  if (facts.length === 0) return [];
  await lockEmployeeForFlags(db, workspaceId, employeeId);
  const reviews = await listReviewRows(db, workspaceId, { employeeId });
  if (reviews.some((r) => ACTIVE_REVIEW.has(r.status))) return [];
  const raised: ReviewFlagRow[] = [];
  for (const rule of pass.rules) {
    const outcome = evaluateRule(rule, facts, now);
    if (!outcome.flagged) continue;
    const counted = outcome.counted.map(({ caseId, ref, why }) => ({ caseId, ref, why }));
    const excluded = outcome.excluded.map(({ caseId, ref, why, reasons }) => ({ caseId, ref, why, reasons }));
    const last = await latestFlagOf(db, workspaceId, rule.id, employeeId);
    if (last && (last.status === 'pending' || sameCases(JSON.parse(last.counted) as FlagCase[], counted))) continue;
    const flag = await insertFlagRow(db, {
      workspace_id: workspaceId,
      rule_id: rule.id,
      employee_id: employeeId,
      status: 'pending',
      counted: JSON.stringify(counted),
      excluded: JSON.stringify(excluded),
      raised_at: now.toISOString(),
      decided_by: null,
      decided_at: null,
      decision_reason: null,
      review_id: null,
    });
    await insertOutboxEvents(db, [
      {
        workspaceId,
        kind: 'review_flag_raised',
        caseId: null,
        actorId: null,
        at: flag.raised_at,
        data: { flagId: flag.id, ruleId: rule.id },
      },
    ]);
    raised.push(flag);
  }
  return raised;
}

/**
 * Runs every enabled rule over the given employees, in the caller's transaction (the reviews
 * processor, when a case closes), and raises a flag for HR where a rule is met. Returns the flags raised.
 */
export async function evaluateReviewRules(
  db: Db,
  workspaceId: string,
  now: Date,
  employeeIds: readonly string[],
): Promise<ReviewFlagRow[]> {
  const pass = await rulePassOf(db, workspaceId, now);
  if (!pass) return [];
  const factsBy = await ruleFactsSince(db, workspaceId, pass.since, employeeIds, pass.reach);
  const raised: ReviewFlagRow[] = [];
  // In one order, so two transactions locking several of the same employees cannot deadlock.
  for (const employeeId of [...employeeIds].sort())
    raised.push(...(await flagEmployee(db, workspaceId, pass, employeeId, factsBy.get(employeeId) ?? [], now)));
  return raised;
}

/**
 * Runs every enabled rule over the workspace's employees who were the primary party on a case a rule
 * can weigh (a loss, an unhappy customer follow-up, a broken promise since the longest window),
 * found once from the candidate indexes, then `batch` employees at a time by id (sweepInBatches):
 * each employee's facts are read by those cases' keys and checked and flagged in one transaction of
 * the employee's own, and the event loop gets a turn after each. Everything an employee's rules
 * weigh is read at once, so a threshold their cases reach together is reached however the pass is
 * cut. Returns the flags raised.
 */
export async function evaluateWorkspaceReviewRules(
  db: Db,
  workspaceId: string,
  now: Date,
  options: { batch?: number } = {},
): Promise<ReviewFlagRow[]> {
  const pass = await inTransaction(db, (trx) => rulePassOf(trx, workspaceId, now));
  if (!pass) return [];
  const weighable = await weighableCasesByEmployee(db, workspaceId, pass.since, pass.reach);
  const employees = [...weighable.keys()].sort();
  const raised: ReviewFlagRow[] = [];
  await sweepInBatches({
    read: async (after: string | undefined, limit) => {
      const from = after === undefined ? 0 : employees.findIndex((e) => e > after);
      return from < 0 ? [] : employees.slice(from, from + limit);
    },
    keyOf: (employeeId) => employeeId,
    handle: async (employeeId) => {
      const flags = await inTransaction(db, async (trx) => {
        const caseIds = weighable.get(employeeId) ?? [];
        const facts = (await ruleFactsSince(trx, workspaceId, pass.since, [employeeId], undefined, caseIds)).get(employeeId) ?? [];
        return flagEmployee(trx, workspaceId, pass, employeeId, facts, now);
      });
      raised.push(...flags);
    },
    batch: options.batch,
  });
  return raised;
}

/** Evaluates now, on request (Settings → Reviews, or the CLI): the hourly pass's batches, for this workspace. */
export async function evaluateRulesNow(ctx: ServiceContext): Promise<{ raised: number }> {
  requirePermission(ctx.actor, 'update', 'review_rule');
  const raised = await evaluateWorkspaceReviewRules(ctx.db, ctx.actor.workspaceId, ctx.now);
  return { raised: raised.length };
}

async function presentFlags(db: Db, workspaceId: string, rows: ReviewFlagRow[], now: Date): Promise<ReviewFlagView[]> {
  const rules = new Map((await workspaceRules(db, workspaceId, now)).map((r) => [r.id, toRule(r)]));
  const employees = new Map((await findEmployees(db, workspaceId, [...new Set(rows.map((r) => r.employee_id))])).map((e) => [e.id, e]));
  const deciders = new Map(
    (
      await findUsers(
        db,
        workspaceId,
        rows.flatMap((r) => (r.decided_by ? [r.decided_by] : [])),
      )
    ).map((u) => [u.id, u.name]),
  );
  return rows.map((r) => {
    const rule = rules.get(r.rule_id);
    return {
      id: r.id,
      status: r.status,
      rule: { id: r.rule_id, name: rule?.name ?? '', description: rule ? describeRule(rule) : '' },
      employee: { id: r.employee_id, name: employees.get(r.employee_id)?.name ?? '' },
      counted: JSON.parse(r.counted) as FlagCase[],
      excluded: JSON.parse(r.excluded) as FlagCase[],
      raisedAt: r.raised_at,
      decidedAt: r.decided_at,
      decidedBy: r.decided_by ? { id: r.decided_by, name: deciders.get(r.decided_by) ?? '' } : null,
      decisionReason: r.decision_reason,
      reviewId: r.review_id,
    };
  });
}

/** Flags for HR to decide on, newest first. */
export async function listReviewFlags(ctx: ServiceContext, status?: ReviewFlagRow['status']): Promise<ReviewFlagView[]> {
  requirePermission(ctx.actor, 'list', 'review');
  const rows = await listFlagRows(ctx.db, ctx.actor.workspaceId, status);
  return presentFlags(ctx.db, ctx.actor.workspaceId, rows, ctx.now);
}

/**
 * HR decides on a flag, with a reason: open a review (only then is the supervisor told) or dismiss
 * it. Automated counts never decide about a person on their own.
 */
export function decideReviewFlag(ctx: ServiceContext, id: string, input: { open: boolean; reason: string }): Promise<ReviewFlagView> {
  return inTransaction(ctx.db, async (db) => {
    requirePermission(ctx.actor, 'create', 'review');
    const ws = ctx.actor.workspaceId;
    const flag = await findFlagRow(db, ws, id);
    if (!flag) throw notFound(`Review flag ${id}`);
    if (!input.reason.trim()) throw invalid('reason', 'say why a review should or should not open');
    if (flag.status !== 'pending') throw new AppError('conflict', 'This flag has already been decided');
    const at = ctx.now.toISOString();
    let reviewId: string | null = null;
    if (input.open) {
      const counted = JSON.parse(flag.counted) as FlagCase[];
      const excluded = JSON.parse(flag.excluded) as FlagCase[];
      const review = await openReviewRecord(ctx, db, {
        employeeId: flag.employee_id,
        flagId: flag.id,
        ruleId: flag.rule_id,
        reason: input.reason.trim(),
        cases: [
          ...counted.map((c) => ({ caseId: c.caseId, counted: true, why: c.why, exclusions: [] })),
          ...excluded.map((c) => ({ caseId: c.caseId, counted: false, why: c.why, exclusions: c.reasons ?? [] })),
        ],
      });
      reviewId = review.id;
    }
    const decided = await decideFlagRow(db, ws, id, {
      status: input.open ? 'opened' : 'dismissed',
      decided_by: ctx.actor.userId,
      decided_at: at,
      decision_reason: input.reason.trim(),
      review_id: reviewId,
    });
    if (!decided) throw new AppError('conflict', 'This flag has already been decided');
    const [view] = await presentFlags(db, ws, [(await findFlagRow(db, ws, id)) as ReviewFlagRow], ctx.now);
    return view as ReviewFlagView;
  });
}

/** The periodic pass: every workspace's rules over its employees, in small batches (evaluateWorkspaceReviewRules). */
export async function evaluateAllReviewRules(db: Db, now: Date, options: { batch?: number } = {}): Promise<number> {
  let raised = 0;
  for (const ws of await workspaceIdsWithCases(db)) raised += (await evaluateWorkspaceReviewRules(db, ws, now, options)).length;
  return raised;
}
