import type { Severity } from '../domain/case.js';
import { AppError } from '../domain/errors.js';
import type { CaseView } from '../presenters/case-presenter.js';
import { toCaseView } from '../presenters/case-presenter.js';
import { moveCustomerMessages } from '../store/case-merges.js';
import { listParties } from '../store/cases.js';
import { findCustomer } from '../store/people.js';
import { requirePermission } from './authorization.js';
import { applyCaseChange, commitChange } from './case-change.js';
import { lockCase } from './case-helpers.js';
import { inTransaction, type ServiceContext } from './context.js';
import { insertNewCase } from './create-case.js';

export type SplitInput = {
  title: string;
  summary: string;
  severity?: Severity | undefined;
  /** Customer messages of the case that belong to the new incident: they move to the new case. */
  messageIds?: string[] | undefined;
  reason?: string | undefined;
};

/**
 * Takes part of a case into a new case (a second incident in the same complaint): the new case has
 * the same customer, team, channel, parties and handler, and the chosen customer messages move to it.
 * The original gets a `case_split` event naming the new case and what went; the new case a
 * `split_from` event after its `case_created`.
 */
export async function splitCase(ctx: ServiceContext, ref: string, input: SplitInput): Promise<{ original: CaseView; created: CaseView }> {
  requirePermission(ctx.actor, 'create', 'case');
  return inTransaction(ctx.db, async (db) => {
    const original = await lockCase(db, ctx.actor, ref, 'update');
    if (original.merged_into_ref !== null)
      throw new AppError('conflict', `${original.ref} was merged into ${original.merged_into_ref}; split that case instead`);
    if (original.status === 'closed') throw new AppError('conflict', `${original.ref} is closed; reopen it first to split it`);
    const ws = original.workspace_id;
    const wanted = [...new Set(input.messageIds ?? [])];
    const [parties, customer] = await Promise.all([
      listParties(db, ws, original.id),
      original.customer_id ? findCustomer(db, ws, original.customer_id) : undefined,
    ]);
    const row = await insertNewCase(
      db,
      { workspaceId: ws, reporterId: ctx.actor.userId, teamId: original.team_id, customer },
      {
        title: input.title,
        summary: input.summary,
        channel: original.channel as CaseView['channel'],
        severity: input.severity ?? (original.severity as Severity),
        customerState: original.customer_state as CaseView['customerState'],
        occurredAt: original.occurred_at,
        employees: parties.map((p) => ({ employeeId: p.employeeId, role: p.role as 'primary' })),
        assigneeId: original.assignee_id,
        caseTypeId: original.case_type_id,
      },
      ctx.now,
    );
    const moved = await moveCustomerMessages(db, ws, original.id, row.id, wanted);
    if (moved.length !== wanted.length) {
      const unknown = wanted.filter((id) => !moved.includes(id));
      throw new AppError(
        'validation',
        `messageIds: ${unknown.length} of the messages named are not on ${original.ref}`,
        unknown.map((id) => ({ path: 'messageIds', message: `${id} is not a customer message on this case` })),
      );
    }
    const at = ctx.now.toISOString();
    const by = ctx.actor.userId;
    const reason = input.reason?.trim() || null;
    const extra = { messageIds: moved, ...(reason ? { reason } : {}) };
    const created = await applyCaseChange(
      db,
      row,
      {},
      [{ kind: 'split_from', actorId: by, at, data: { fromCaseId: original.id, fromRef: original.ref, ...extra } }],
      ctx.now,
    );
    const originalView = await commitChange(ctx, db, original, {}, [
      { kind: 'case_split', actorId: by, at, data: { toCaseId: row.id, toRef: row.ref, title: row.title, ...extra } },
    ]);
    return { original: originalView, created: toCaseView(created.row, ctx.now) };
  });
}
