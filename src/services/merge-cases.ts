import { assertMergeable, earlierDeadline } from '../domain/case-merge.js';
import type { CaseView } from '../presenters/case-presenter.js';
import { listAttachmentRows } from '../store/attachments.js';
import { moveOpenCommitments } from '../store/case-merges.js';
import { listStatements } from '../store/cases.js';
import { listCustomerMessages } from '../store/customer-messages.js';
import type { NewEvent } from '../store/events.js';
import { cancelFollowUp, listFollowUpRows } from '../store/follow-ups.js';
import type { CaseRow } from '../store/schema.js';
import { commitChange } from './case-change.js';
import { lockCase } from './case-helpers.js';
import { inTransaction, type ServiceContext } from './context.js';

export type MergeInput = { intoRef: string; reason?: string | undefined; confirmDifferentCustomers?: boolean | undefined };

/**
 * Merges a duplicate case into the case kept (the same incident reported twice). Nothing is
 * rewritten: the duplicate gets a `case_merged` event that closes it and points at the case kept, and
 * the case kept a `duplicate_merged` event naming the duplicate. The duplicate's statements, customer
 * messages and files stay on it, referenced from the case kept; its open promises move to the case
 * kept (they are still owed); its planned follow-ups are cancelled; its clocks stop, and a clock of
 * the case kept that is still running takes the duplicate's deadline when that was earlier. Both
 * cases must be ones the caller may move along their lifecycle.
 */
export function mergeCase(ctx: ServiceContext, ref: string, input: MergeInput): Promise<{ duplicate: CaseView; kept: CaseView }> {
  return inTransaction(ctx.db, async (db) => {
    // Lock in one order, so two merges of the same pair the other way round cannot deadlock.
    const [first, second] = [ref, input.intoRef].sort();
    const locked = new Map<string, CaseRow>();
    for (const r of new Set([first, second])) locked.set(r as string, await lockCase(db, ctx.actor, r as string, 'transition'));
    const duplicate = locked.get(ref) as CaseRow;
    const kept = locked.get(input.intoRef) as CaseRow;
    assertMergeable(side(duplicate), side(kept), input.confirmDifferentCustomers === true);

    const at = ctx.now.toISOString();
    const by = ctx.actor.userId;
    const reason = input.reason?.trim() || null;
    const ws = duplicate.workspace_id;
    const [statements, messages, attachments, followUps] = await Promise.all([
      listStatements(db, ws, duplicate.id),
      listCustomerMessages(db, ws, duplicate.id),
      listAttachmentRows(db, ws, duplicate.id),
      listFollowUpRows(db, ws, duplicate.id),
    ]);
    const promises = await moveOpenCommitments(db, ws, duplicate.id, kept.id);
    const duplicateEvents: NewEvent[] = [];
    for (const f of followUps.filter((x) => x.status === 'scheduled' || x.status === 'sent')) {
      await cancelFollowUp(db, f.id);
      duplicateEvents.push({
        kind: 'follow_up_cancelled',
        actorId: by,
        at,
        data: { id: f.id, party: f.party, employeeId: f.employee_id, reason: `merged into ${kept.ref}` },
      });
    }
    const referenced = { statements: statements.length, customerMessages: messages.length, attachments: attachments.length };
    duplicateEvents.push({
      kind: 'case_merged',
      actorId: by,
      at,
      data: {
        from: duplicate.status,
        to: 'closed',
        intoCaseId: kept.id,
        intoRef: kept.ref,
        ...(reason ? { reason } : {}),
        promisesMoved: promises.map((p) => p.id),
        ...referenced,
      },
    });
    const dupPatch: Partial<CaseRow> = {
      status: 'closed',
      merged_into_id: kept.id,
      merged_into_ref: kept.ref,
      outcome: `Merged into ${kept.ref}`,
      help_requested_at: null,
      help_requested_by: null,
    };
    // The duplicate's clocks stop: its work continues on the case kept.
    if (duplicate.acknowledged_at === null) dupPatch.acknowledged_at = at;
    if (duplicate.resolved_at === null) dupPatch.resolved_at = at;
    const dupView = await commitChange(ctx, db, duplicate, dupPatch, duplicateEvents);

    const keptPatch: Partial<CaseRow> = {};
    const clocks: Record<string, { from: string; to: string }> = {};
    if (kept.acknowledged_at === null) {
      const due = earlierDeadline(kept.acknowledge_due_at, duplicate.acknowledge_due_at);
      if (due !== kept.acknowledge_due_at) {
        keptPatch.acknowledge_due_at = due;
        clocks.acknowledge = { from: kept.acknowledge_due_at, to: due };
      }
    }
    if (kept.resolved_at === null) {
      const due = earlierDeadline(kept.resolve_due_at, duplicate.resolve_due_at);
      if (due !== kept.resolve_due_at) {
        keptPatch.resolve_due_at = due;
        clocks.resolve = { from: kept.resolve_due_at, to: due };
      }
    }
    const keptEvent: NewEvent = {
      kind: 'duplicate_merged',
      actorId: by,
      at,
      data: {
        duplicateCaseId: duplicate.id,
        duplicateRef: duplicate.ref,
        duplicateTitle: duplicate.title,
        ...(reason ? { reason } : {}),
        promisesMoved: promises,
        ...(Object.keys(clocks).length > 0 ? { clocks } : {}),
        ...referenced,
      },
    };
    const keptView = await commitChange(ctx, db, kept, keptPatch, [keptEvent]);
    return { duplicate: dupView, kept: keptView };
  });
}

const side = (row: CaseRow) => ({
  id: row.id,
  ref: row.ref,
  status: row.status,
  customerId: row.customer_id,
  mergedIntoRef: row.merged_into_ref,
});
