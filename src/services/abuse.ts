import { AppError } from '../domain/errors.js';
import type { CaseView } from '../presenters/case-presenter.js';
import type { NewEvent } from '../store/events.js';
import { flagCustomer } from '../store/resolutions.js';
import { supervisorsOf } from '../store/users.js';
import { commitChange } from './case-change.js';
import { lockCase } from './case-helpers.js';
import { inTransaction, type ServiceContext } from './context.js';

/**
 * An employee involved in a case ends an abusive interaction: the event is recorded, the customer
 * is flagged, and the case goes to a supervisor of the team (the notifications processor tells them). Nobody has
 * to keep talking to someone who abuses them.
 */
export function reportAbuse(ctx: ServiceContext, ref: string, note: string): Promise<CaseView> {
  return inTransaction(ctx.db, async (db) => {
    const row = await lockCase(db, ctx.actor, ref, 'annotate');
    if (row.status === 'closed') throw new AppError('conflict', `${ref} is closed: there is no conversation left to end`);
    const at = ctx.now.toISOString();
    const ws = row.workspace_id;
    if (row.customer_id) await flagCustomer(db, ws, row.customer_id, note, ctx.now);
    const supervisors = await supervisorsOf(db, ws, row.team_id);
    const to = supervisors[0]?.id ?? row.assignee_id;
    const events: NewEvent[] = [
      { kind: 'abuse_reported', actorId: ctx.actor.userId, at, data: { note, by: ctx.actor.userId, handedTo: to } },
    ];
    if (to !== row.assignee_id) events.push({ kind: 'assigned', actorId: ctx.actor.userId, at, data: { from: row.assignee_id, to } });
    return commitChange(ctx, db, row, { assignee_id: to }, events);
  });
}
