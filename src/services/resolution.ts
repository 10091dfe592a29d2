import { isFinished } from '../domain/case-status.js';
import { AppError } from '../domain/errors.js';
import { formatMoney, toMajor, toMajorOrNull, toMinor } from '../domain/money.js';
import { authorize, type Subject } from '../domain/permissions.js';
import { type ApprovalState, resolvingBlocker, withinLimit } from '../domain/resolution.js';
import { findResolution, saveResolution } from '../store/resolutions.js';
import type { CaseRow, Db, ResolutionRow, UserRow } from '../store/schema.js';
import { supervisorsOf } from '../store/users.js';
import { findUser } from '../store/workspaces.js';
import { authorityLimitOf } from './authority-limits.js';
import { forbidden } from './authorization.js';
import { commitChange } from './case-change.js';
import { loadCase } from './case-helpers.js';
import type { Actor } from './context.js';
import { inTransaction, type ServiceContext } from './context.js';

export type ResolutionInput = {
  problem: string;
  options: string[];
  solution: string;
  policyRefs: string[];
  cost: { amount: number; currency: string };
};

type Person = { id: string; name: string };

export type ResolutionView = {
  problem: string;
  options: string[];
  solution: string;
  policyRefs: string[];
  cost: { amount: number; currency: string };
  approvalState: ApprovalState;
  proposedBy: Person | null;
  proposedAt: string;
  /** The proposer's authority limit (major units; null = no limit) that decided whether approval is needed. */
  limitApplied: number | null;
  approver: Person | null;
  /** While approval is pending: who was asked to decide, so nobody is told "a supervisor" when an admin was asked. */
  askedToApprove: (Person & { role: string })[];
  decidedAt: string | null;
  decisionNote: string | null;
  /** Whether the one asking may approve or reject it now. */
  canDecide: boolean;
};

async function person(db: Db, workspaceId: string, id: string | null): Promise<Person | null> {
  if (id === null) return null;
  const u = await findUser(db, workspaceId, id);
  return u ? { id: u.id, name: u.name } : null;
}

/** The resolution as `viewer` sees it; `canDecide` answers for them (false without a viewer). */
async function toView(db: Db, kase: CaseRow, r: ResolutionRow, viewer?: { actor: Actor; subject: Subject }): Promise<ResolutionView> {
  const limit = r.proposed_by === null ? null : await authorityLimitOf(db, r.workspace_id, r.proposed_by);
  const canDecide =
    viewer !== undefined &&
    r.approval_state === 'pending' &&
    r.proposed_by !== viewer.actor.userId &&
    authorize(viewer.actor, 'approve', 'resolution', viewer.subject) &&
    withinLimit(r.cost_minor, await authorityLimitOf(db, r.workspace_id, viewer.actor.userId));
  return {
    problem: r.problem,
    options: JSON.parse(r.options) as string[],
    solution: r.solution,
    policyRefs: JSON.parse(r.policy_refs) as string[],
    cost: { amount: toMajor(r.cost_minor), currency: r.currency },
    approvalState: r.approval_state as ApprovalState,
    proposedBy: await person(db, r.workspace_id, r.proposed_by),
    proposedAt: r.proposed_at,
    limitApplied: toMajorOrNull(limit),
    approver: await person(db, r.workspace_id, r.approver_id),
    askedToApprove: r.approval_state === 'pending' ? await askedToApprove(db, kase, r) : [],
    decidedAt: r.decided_at,
    decisionNote: r.decision_note,
    canDecide,
  };
}

/** Loads a case and checks the actor may do `action` to its resolution; a case they cannot see is 404. */
async function caseForResolution(db: Db, actor: Actor, ref: string, action: 'read' | 'update' | 'approve', lock: boolean) {
  const { row, subject } = await loadCase(db, actor, ref, 'read', lock);
  if (!authorize(actor, action, 'resolution', subject)) throw forbidden(actor, action, 'resolution');
  return { row, subject };
}

/** The case's current resolution, or null when none has been proposed. */
export async function getResolution(ctx: ServiceContext, ref: string): Promise<{ resolution: ResolutionView | null }> {
  const { row, subject } = await caseForResolution(ctx.db, ctx.actor, ref, 'read', false);
  const r = await findResolution(ctx.db, row.workspace_id, row.id);
  return { resolution: r ? await toView(ctx.db, row, r, { actor: ctx.actor, subject }) : null };
}

/**
 * Records the case's resolution. A cost above the proposer's authority limit waits for a
 * supervisor's approval (the notifications processor asks the people who may give it). Any change
 * starts the approval over.
 */
export function proposeResolution(ctx: ServiceContext, ref: string, input: ResolutionInput): Promise<ResolutionView> {
  return inTransaction(ctx.db, async (db) => {
    const { row } = await caseForResolution(db, ctx.actor, ref, 'update', true);
    if (isFinished(row.status)) throw new AppError('conflict', `Case ${ref} is ${row.status}; reopen it before changing its resolution`);
    const at = ctx.now.toISOString();
    const costMinor = toMinor(input.cost.amount);
    const limit = await authorityLimitOf(db, row.workspace_id, ctx.actor.userId);
    const state: ApprovalState = withinLimit(costMinor, limit) ? 'not_needed' : 'pending';
    const saved: ResolutionRow = {
      case_id: row.id,
      workspace_id: row.workspace_id,
      problem: input.problem,
      options: JSON.stringify(input.options),
      solution: input.solution,
      policy_refs: JSON.stringify(input.policyRefs),
      cost_minor: costMinor,
      currency: input.cost.currency,
      proposed_by: ctx.actor.userId,
      proposed_at: at,
      approval_state: state,
      approver_id: null,
      decided_at: null,
      decision_note: null,
    };
    await saveResolution(db, saved);
    const asked = state === 'pending' ? await askedToApprove(db, row, saved) : [];
    await commitChange(ctx, db, row, {}, [
      {
        kind: 'resolution_proposed',
        actorId: ctx.actor.userId,
        at,
        data: {
          ...input,
          approvalState: state,
          limit: toMajorOrNull(limit),
          ...(state === 'pending' ? { askedIds: asked.map((p) => p.id) } : {}),
        },
      },
    ]);
    return toView(db, row, saved);
  });
}

/**
 * Who can approve a cost: the team's supervisors whose own limit covers it, else the admins who can
 * (so a large cost always reaches someone able to decide), never the proposer.
 */
export async function approversFor(db: Db, row: CaseRow, r: { costMinor: number; proposedBy: string | null }): Promise<UserRow[]> {
  const able = async (users: UserRow[]) => {
    const out: UserRow[] = [];
    for (const u of users)
      if (u.id !== r.proposedBy && withinLimit(r.costMinor, await authorityLimitOf(db, row.workspace_id, u.id))) out.push(u);
    return out;
  };
  const leads = await able(await supervisorsOf(db, row.workspace_id, row.team_id));
  return leads.length > 0 ? leads : able(await supervisorsOf(db, row.workspace_id, null));
}

/**
 * A supervisor of the case's team (or an admin) approves or rejects a pending resolution. Nobody
 * decides on their own proposal, and approving needs a limit that covers the cost.
 */
export function decideResolution(
  ctx: ServiceContext,
  ref: string,
  input: { decision: 'approve' | 'reject'; note?: string | undefined },
): Promise<ResolutionView> {
  return inTransaction(ctx.db, async (db) => {
    const { row } = await caseForResolution(db, ctx.actor, ref, 'approve', true);
    const r = await findResolution(db, row.workspace_id, row.id);
    if (!r) throw new AppError('conflict', `Case ${ref} has no resolution to decide on`);
    if (r.approval_state !== 'pending')
      throw new AppError('conflict', `The resolution of ${ref} is not waiting for approval (${r.approval_state})`);
    if (r.proposed_by === ctx.actor.userId)
      throw new AppError('forbidden', 'You proposed this resolution, so someone else has to approve or reject it');
    if (input.decision === 'approve') {
      const limit = await authorityLimitOf(db, row.workspace_id, ctx.actor.userId);
      if (!withinLimit(r.cost_minor, limit))
        throw new AppError(
          'forbidden',
          `The cost ${formatMoney(r.cost_minor, r.currency)} is above your own authority limit of ${formatMoney(limit ?? 0, r.currency)}; someone with a higher limit must approve it`,
        );
    }
    const at = ctx.now.toISOString();
    const decided: ResolutionRow = {
      ...r,
      approval_state: input.decision === 'approve' ? 'approved' : 'rejected',
      approver_id: ctx.actor.userId,
      decided_at: at,
      decision_note: input.note ?? null,
    };
    await saveResolution(db, decided);
    await commitChange(ctx, db, row, {}, [
      {
        kind: 'resolution_decided',
        actorId: ctx.actor.userId,
        at,
        // The cost and the proposer's limit, so the entry reads "Approved $1,250.00 (limit $1,000.00)".
        data: {
          decision: input.decision,
          note: input.note ?? null,
          proposedBy: r.proposed_by,
          solution: r.solution,
          cost: { amount: toMajor(r.cost_minor), currency: r.currency },
          limit: toMajorOrNull(r.proposed_by === null ? null : await authorityLimitOf(db, row.workspace_id, r.proposed_by)),
        },
      },
    ]);
    return toView(db, row, decided);
  });
}

/** The people a pending resolution waits on, with their role. */
async function askedToApprove(db: Db, kase: CaseRow, r: ResolutionRow): Promise<(Person & { role: string })[]> {
  const users = await approversFor(db, kase, { costMinor: r.cost_minor, proposedBy: r.proposed_by });
  return users.map((u) => ({ id: u.id, name: u.name, role: u.role }));
}

/** Refuses to resolve a case whose resolution is missing, waiting for approval or rejected. */
export async function assertResolvable(db: Db, row: CaseRow): Promise<void> {
  const r = await findResolution(db, row.workspace_id, row.id);
  const asked = r?.approval_state === 'pending' ? (await askedToApprove(db, row, r)).map((p) => p.name) : [];
  const blocker = resolvingBlocker(r ? (r.approval_state as ApprovalState) : null, asked);
  if (blocker) throw new AppError('conflict', `${row.ref} cannot be resolved yet: ${blocker}`);
}
