import type { NewEvent } from '../store/events.js';
import { insertNotifications } from '../store/notifications.js';
import { flagCustomer } from '../store/resolutions.js';
import { supervisorsOf } from '../store/users.js';
import { findUser } from '../store/workspaces.js';
import { lockCase } from './case-helpers.js';
import type { CaseView } from './case-view.js';
import { commitChange } from './change-case.js';
import { inTransaction, type ServiceContext } from './context.js';

/**
 * An employee involved in a case ends an abusive interaction: the event is recorded, the customer
 * is flagged, and the case goes to a supervisor of the team, who is told straight away. Nobody has
 * to keep talking to someone who abuses them.
 */
export function reportAbuse(ctx: ServiceContext, ref: string, note: string): Promise<CaseView> {
  return inTransaction(ctx.db, async (db) => {
    const row = await lockCase(db, ctx.actor, ref, 'annotate');
    const at = ctx.now.toISOString();
    const ws = row.workspace_id;
    if (row.customer_id) await flagCustomer(db, ws, row.customer_id, note, ctx.now);
    const supervisors = await supervisorsOf(db, ws, row.team_id);
    const to = supervisors[0]?.id ?? row.assignee_id;
    const events: NewEvent[] = [{ kind: 'abuse_reported', actorId: ctx.actor.userId, at, data: { note, by: ctx.actor.userId } }];
    if (to !== row.assignee_id) events.push({ kind: 'assigned', actorId: ctx.actor.userId, at, data: { from: row.assignee_id, to } });
    const view = await commitChange(ctx, db, row, { assignee_id: to }, events);
    const reporter = await findUser(db, ws, ctx.actor.userId);
    await insertNotifications(
      db,
      supervisors
        .filter((s) => s.id !== ctx.actor.userId)
        .map((s) => ({
          workspaceId: ws,
          userId: s.id,
          kind: 'abuse',
          caseId: row.id,
          title: `Abusive interaction ended on ${row.ref}`,
          body: `${reporter?.name ?? 'An employee'} ended the interaction because the customer was abusive: ${note}${s.id === to ? ' The case is now yours.' : ''}`,
        })),
      ctx.now,
    );
    return view;
  });
}
