import { isInTheFuture, type PartyRole, type Severity } from '../domain/case.js';
import { assertTransition, type CaseStatus, isAcknowledging, isResolving, requiresReason } from '../domain/case-status.js';
import { AppError, invalid } from '../domain/errors.js';
import { toMinor } from '../domain/money.js';
import { closingGaps } from '../domain/root-cause.js';
import { type CaseView, toCaseView } from '../presenters/case-presenter.js';
import { insertParties, partyRole } from '../store/cases.js';
import type { CaseRow } from '../store/schema.js';
import { commitChange } from './case-change.js';
import { pausesOf, planClocks, resumeChange } from './case-clocks.js';
import { assertRefs, lockCase } from './case-helpers.js';
import type { CasePatch, TransitionInput } from './case-input.js';
import { guardResolving, settleForClosing } from './closing.js';
import { inTransaction, type ServiceContext } from './context.js';
import { assertCaseType } from './deadline-settings.js';
import { scheduleFollowUps } from './follow-ups.js';
import { assertResolvable } from './resolution.js';

/** Edits the facts of a case; the event keeps each changed field's old and new value. */
export function updateCase(ctx: ServiceContext, ref: string, patch: CasePatch): Promise<CaseView> {
  const ws = ctx.actor.workspaceId;
  return inTransaction(ctx.db, async (db) => {
    const row = await lockCase(db, ctx.actor, ref, 'update');
    // Saving a case of an archived team unchanged is fine; moving one into an archived team is not.
    await assertRefs(db, ws, { teamId: patch.teamId === row.team_id ? undefined : patch.teamId });
    const before = toCaseView(row, ctx.now) as unknown as Record<string, unknown>;
    const set: Partial<CaseRow> = {};
    if (patch.title !== undefined) set.title = patch.title;
    if (patch.summary !== undefined) set.summary = patch.summary;
    if (patch.channel !== undefined) set.channel = patch.channel;
    if (patch.teamId !== undefined) set.team_id = patch.teamId;
    if (patch.customerState !== undefined) set.customer_state = patch.customerState;
    if (patch.occurredAt !== undefined) {
      if (isInTheFuture(patch.occurredAt, ctx.now)) throw invalid('occurredAt', 'cannot be in the future');
      set.occurred_at = patch.occurredAt;
    }
    if (patch.riskFlags !== undefined) set.risk_flags = JSON.stringify(patch.riskFlags);
    if (patch.financialImpact !== undefined) {
      set.impact_amount_minor = patch.financialImpact ? toMinor(patch.financialImpact.amount) : null;
      set.impact_currency = patch.financialImpact?.currency ?? null;
      set.impact_kind = patch.financialImpact?.kind ?? null;
    }
    if (patch.caseTypeId !== undefined) {
      await assertCaseType(db, ws, patch.caseTypeId);
      set.case_type_id = patch.caseTypeId;
    }
    const severity = (patch.severity ?? row.severity) as Severity;
    const caseTypeId = patch.caseTypeId === undefined ? row.case_type_id : patch.caseTypeId;
    const teamId = patch.teamId === undefined ? row.team_id : patch.teamId;
    if (severity !== row.severity || caseTypeId !== row.case_type_id || teamId !== row.team_id) {
      // A new severity, case type or team (its opening hours) re-times both clocks from the moment
      // the case was reported, keeping the pauses it has had.
      const clocks = await planClocks(db, ws, { severity, caseTypeId, teamId, reportedAt: row.reported_at, pauses: pausesOf(row) });
      set.severity = severity;
      set.acknowledge_due_at = clocks.acknowledgeDueAt;
      set.resolve_due_at = clocks.resolveDueAt;
      set.clock_basis = clocks.basis;
      // A regulated deadline never pauses: a clock paused before the case came under one runs again now.
      if (clocks.basis === 'regulated' && row.clock_paused_at !== null) {
        set.clock_paused_at = null;
        set.clock_pauses = JSON.stringify([...pausesOf(row), { from: row.clock_paused_at, to: ctx.now.toISOString() }]);
      }
    }
    if (set.title !== undefined || set.summary !== undefined) {
      set.search_text = row.search_text.replace(`${row.title}\n${row.summary}`, `${set.title ?? row.title}\n${set.summary ?? row.summary}`);
    }
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    for (const [key, value] of Object.entries(patch)) {
      if (value === undefined) continue;
      const from = before[key] ?? null;
      if (JSON.stringify(from) !== JSON.stringify(value)) changes[key] = { from, to: value };
    }
    if (Object.keys(changes).length === 0) return toCaseView(row, ctx.now);
    return commitChange(ctx, db, row, set, [
      { kind: 'case_updated', actorId: ctx.actor.userId, at: ctx.now.toISOString(), data: { changes } },
    ]);
  });
}

/** Gives a case to a handler (or takes it back with null). */
export function assignCase(ctx: ServiceContext, ref: string, assigneeId: string | null): Promise<CaseView> {
  const ws = ctx.actor.workspaceId;
  return inTransaction(ctx.db, async (db) => {
    const row = await lockCase(db, ctx.actor, ref, 'assign');
    await assertRefs(db, ws, { userId: assigneeId });
    if (row.assignee_id === assigneeId) return toCaseView(row, ctx.now);
    const data = { from: row.assignee_id, to: assigneeId };
    return commitChange(ctx, db, row, { assignee_id: assigneeId }, [
      { kind: 'assigned', actorId: ctx.actor.userId, at: ctx.now.toISOString(), data },
    ]);
  });
}

/** Moves a case along its lifecycle; illegal moves are refused with `illegal_transition`. */
export function transitionCase(ctx: ServiceContext, ref: string, input: TransitionInput): Promise<CaseView> {
  return inTransaction(ctx.db, async (db) => {
    const row = await lockCase(db, ctx.actor, ref, 'transition');
    const from = row.status as CaseStatus;
    assertTransition(from, input.to);
    if (requiresReason(input.to) && !input.reason?.trim()) throw invalid('reason', 'say why the case is reopened');
    const closing = input.to === 'closed' ? closingFacts(input) : null;
    if (input.to === 'resolved') await assertResolvable(db, row);
    // Nothing closes too early: steps left, promises open or follow-ups planned need a reason and a decision each.
    const skipped = input.to === 'resolved' ? await guardResolving(db, row, input.proceedReason) : {};
    const settled = input.to === 'closed' ? await settleForClosing(ctx, db, row, input) : { events: [], data: {} };
    const at = ctx.now.toISOString();
    const set: Partial<CaseRow> = { status: input.to, ...closing?.set };
    if (isAcknowledging(input.to) && row.acknowledged_at === null) set.acknowledged_at = at;
    if (isResolving(input.to) && row.resolved_at === null) set.resolved_at = at;
    if (input.to === 'reopened') set.resolved_at = null;
    const data = { from, to: input.to, ...(input.reason ? { reason: input.reason } : {}), ...closing?.data, ...skipped, ...settled.data };
    // A case that finishes while it waits on the customer stops waiting: its clocks run to the finish.
    const resumed =
      isResolving(input.to) && row.clock_paused_at !== null ? await resumeChange(db, row, at, ctx.actor.userId, 'case_finished') : null;
    const view = await commitChange(ctx, db, row, { ...resumed?.patch, ...set }, [
      ...(resumed ? [resumed.event] : []),
      ...settled.events,
      { kind: 'status_changed', actorId: ctx.actor.userId, at, data },
    ]);
    if (input.to === 'resolved') await scheduleFollowUps(ctx, db, row);
    return view;
  });
}

/** The outcome and root cause a case must carry to close; 400 with every missing field otherwise. */
function closingFacts(input: TransitionInput): { set: Partial<CaseRow>; data: Record<string, unknown> } {
  const gaps = closingGaps(input);
  if (gaps.length > 0 || !input.rootCause || !input.outcome)
    throw new AppError('validation', `To close a case, ${gaps.map((g) => `${g.path}: ${g.message}`).join('; ')}`, gaps);
  const whys = input.rootCause.whys.map((w) => w.trim()).filter(Boolean);
  const factors = input.rootCause.factors.map((f) => f.trim()).filter(Boolean);
  const rootCause = { category: input.rootCause.category, whys, factors };
  return {
    set: { outcome: input.outcome.trim(), root_cause_category: rootCause.category, root_cause: JSON.stringify({ whys, factors }) },
    data: { outcome: input.outcome.trim(), rootCause },
  };
}

/** Adds a free-text note to the timeline. */
export function addNote(ctx: ServiceContext, ref: string, text: string): Promise<CaseView> {
  return inTransaction(ctx.db, async (db) => {
    const row = await lockCase(db, ctx.actor, ref, 'annotate');
    return commitChange(ctx, db, row, {}, [{ kind: 'note', actorId: ctx.actor.userId, at: ctx.now.toISOString(), data: { text } }]);
  });
}

/** Names an employee as a party to the case (primary, witness or handler). */
export function addParty(ctx: ServiceContext, ref: string, employeeId: string, role: PartyRole): Promise<CaseView> {
  const ws = ctx.actor.workspaceId;
  return inTransaction(ctx.db, async (db) => {
    const row = await lockCase(db, ctx.actor, ref, 'update');
    await assertRefs(db, ws, { employeeIds: [employeeId] });
    const existing = await partyRole(db, row.id, employeeId);
    if (existing) throw new AppError('conflict', `That employee is already a party to ${ref} (as ${existing})`);
    const at = ctx.now.toISOString();
    await insertParties(db, [{ workspace_id: ws, case_id: row.id, employee_id: employeeId, role, created_at: at }]);
    return commitChange(ctx, db, row, {}, [{ kind: 'party_added', actorId: ctx.actor.userId, at, data: { employeeId, role } }]);
  });
}
