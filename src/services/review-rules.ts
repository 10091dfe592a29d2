import { AppError, notFound } from '../domain/errors.js';
import { DEFAULT_REVIEW_RULE, describeRule, type FairnessExclusion, type ReviewRule, type ReviewRuleKind } from '../domain/review-rules.js';
import { findRuleRow, insertRuleRow, listRuleRows, lockWorkspaceForRules, updateRuleRow } from '../store/review-rules.js';
import type { Db, ReviewRuleRow } from '../store/schema.js';
import { requirePermission } from './authorization.js';
import { inTransaction, type ServiceContext } from './context.js';

export type ReviewRuleView = ReviewRule & { description: string; updatedAt: string };

export type ReviewRuleInput = {
  kind: ReviewRuleKind;
  name: string;
  threshold: number;
  windowMonths: number;
  minLoss?: number | null | undefined;
  currency?: string | null | undefined;
  enabled: boolean;
  countExclusions: FairnessExclusion[];
};

export function toRule(row: ReviewRuleRow): ReviewRule {
  return {
    id: row.id,
    kind: row.kind as ReviewRuleKind,
    name: row.name,
    threshold: row.threshold,
    windowMonths: row.window_months,
    minLossMinor: row.min_loss_minor,
    currency: row.currency,
    enabled: row.enabled === 1,
    countExclusions: JSON.parse(row.count_exclusions) as FairnessExclusion[],
  };
}

const present = (row: ReviewRuleRow): ReviewRuleView => {
  const rule = toRule(row);
  return { ...rule, description: describeRule(rule), updatedAt: row.updated_at };
};

/**
 * The workspace's rules; a workspace that has none yet gets the default rule (on), so flags work
 * from the first day without anyone configuring anything.
 */
export async function workspaceRules(db: Db, workspaceId: string, now: Date): Promise<ReviewRuleRow[]> {
  const rows = await listRuleRows(db, workspaceId);
  if (rows.length > 0) return rows;
  // Two first readers at once (the hourly pass and a case closing) take turns: one default rule.
  return inTransaction(db, async (trx) => {
    await lockWorkspaceForRules(trx, workspaceId);
    const written = await listRuleRows(trx, workspaceId);
    if (written.length > 0) return written;
    const at = now.toISOString();
    const d = DEFAULT_REVIEW_RULE;
    return [
      await insertRuleRow(trx, {
        workspace_id: workspaceId,
        kind: d.kind,
        name: d.name,
        threshold: d.threshold,
        window_months: d.windowMonths,
        min_loss_minor: d.minLossMinor,
        currency: d.currency,
        enabled: 1,
        count_exclusions: '[]',
        created_at: at,
        updated_at: at,
      }),
    ];
  });
}

export async function listReviewRules(ctx: ServiceContext): Promise<ReviewRuleView[]> {
  requirePermission(ctx.actor, 'list', 'review_rule');
  return (await workspaceRules(ctx.db, ctx.actor.workspaceId, ctx.now)).map(present);
}

function columnsOf(input: ReviewRuleInput): Omit<ReviewRuleRow, 'id' | 'workspace_id' | 'created_at' | 'updated_at'> {
  const costly = input.kind === 'costly_cases';
  if (costly && (input.minLoss === undefined || input.minLoss === null))
    throw new AppError('validation', 'minLoss: a costly-cases rule needs the least loss that counts', [
      { path: 'minLoss', message: 'give the least loss that counts' },
    ]);
  return {
    kind: input.kind,
    name: input.name.trim(),
    threshold: input.threshold,
    window_months: input.windowMonths,
    min_loss_minor: costly ? Math.round((input.minLoss ?? 0) * 100) : null,
    currency: costly ? (input.currency ?? null) : null,
    enabled: input.enabled ? 1 : 0,
    count_exclusions: JSON.stringify([...new Set(input.countExclusions)].sort()),
  };
}

export function createReviewRule(ctx: ServiceContext, input: ReviewRuleInput): Promise<ReviewRuleView> {
  return inTransaction(ctx.db, async (db) => {
    requirePermission(ctx.actor, 'create', 'review_rule');
    await workspaceRules(db, ctx.actor.workspaceId, ctx.now);
    const at = ctx.now.toISOString();
    return present(await insertRuleRow(db, { workspace_id: ctx.actor.workspaceId, ...columnsOf(input), created_at: at, updated_at: at }));
  });
}

export function updateReviewRule(ctx: ServiceContext, id: string, input: ReviewRuleInput): Promise<ReviewRuleView> {
  return inTransaction(ctx.db, async (db) => {
    requirePermission(ctx.actor, 'update', 'review_rule');
    const ws = ctx.actor.workspaceId;
    if (!(await findRuleRow(db, ws, id))) throw notFound(`Review rule ${id}`);
    await updateRuleRow(db, ws, id, { ...columnsOf(input), updated_at: ctx.now.toISOString() });
    return present((await findRuleRow(db, ws, id)) as ReviewRuleRow);
  });
}
