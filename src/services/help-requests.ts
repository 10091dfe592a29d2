import { AppError } from '../domain/errors.js';
import { authorize } from '../domain/permissions.js';
import type { CaseView } from '../presenters/case-presenter.js';
import { forbidden } from './authorization.js';
import { commitChange } from './case-change.js';
import { loadCase } from './case-helpers.js';
import { inTransaction, type ServiceContext } from './context.js';

/**
 * Someone working a case calls for a supervisor while it is hard, not only after: the case shows
 * the call, Needs attention lists it, and the notifications processor tells the team's supervisors
 * at once, in the app and by mail. One call is open at a time.
 */
export function requestHelp(ctx: ServiceContext, ref: string, note: string | undefined): Promise<CaseView> {
  return inTransaction(ctx.db, async (db) => {
    const { row } = await loadCase(db, ctx.actor, ref, 'annotate', true);
    if (row.status === 'closed') throw new AppError('conflict', `${ref} is closed; reopen it to ask for help on it`);
    if (row.help_requested_at !== null) throw new AppError('conflict', `Help was already asked for on ${ref}; a supervisor has been told`);
    const at = ctx.now.toISOString();
    return commitChange(ctx, db, row, { help_requested_at: at, help_requested_by: ctx.actor.userId }, [
      { kind: 'help_requested', actorId: ctx.actor.userId, at, data: { note: note?.trim() || null } },
    ]);
  });
}

/**
 * A supervisor (or anyone who may assign the case) takes the call: it closes, and a case nobody
 * handles yet becomes theirs.
 */
export function takeHelpRequest(ctx: ServiceContext, ref: string): Promise<CaseView> {
  return inTransaction(ctx.db, async (db) => {
    const { row, subject } = await loadCase(db, ctx.actor, ref, 'read', true);
    if (!authorize(ctx.actor, 'assign', 'case', subject)) throw forbidden(ctx.actor, 'assign', 'case');
    if (row.help_requested_at === null)
      throw new AppError('conflict', `Nobody is waiting for help on ${ref}; someone may have taken it already`);
    const at = ctx.now.toISOString();
    const takes = row.assignee_id === null;
    return commitChange(
      ctx,
      db,
      row,
      { help_requested_at: null, help_requested_by: null, ...(takes ? { assignee_id: ctx.actor.userId } : {}) },
      [
        {
          kind: 'help_taken',
          actorId: ctx.actor.userId,
          at,
          data: { requestedBy: row.help_requested_by, requestedAt: row.help_requested_at },
        },
        ...(takes ? [{ kind: 'assigned' as const, actorId: ctx.actor.userId, at, data: { from: null, to: ctx.actor.userId } }] : []),
      ],
    );
  });
}
