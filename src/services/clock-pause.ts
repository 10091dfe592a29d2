import type { CaseView } from '../presenters/case-presenter.js';
import { commitChange } from './case-change.js';
import { pauseChange, resumeChange } from './case-clocks.js';
import { lockCase } from './case-helpers.js';
import { inTransaction, type ServiceContext } from './context.js';

/** Pauses the case's SLA clocks while it waits on the customer (not under a regulated deadline). */
export function pauseCaseClocks(ctx: ServiceContext, ref: string, note?: string | undefined): Promise<CaseView> {
  return inTransaction(ctx.db, async (db) => {
    const row = await lockCase(db, ctx.actor, ref, 'transition');
    const { patch, event } = pauseChange(row, ctx.now.toISOString(), ctx.actor.userId, note?.trim() || null);
    return commitChange(ctx, db, row, patch, [event]);
  });
}

/** Starts the case's paused clocks again; the paused time does not count. */
export function resumeCaseClocks(ctx: ServiceContext, ref: string): Promise<CaseView> {
  return inTransaction(ctx.db, async (db) => {
    const row = await lockCase(db, ctx.actor, ref, 'transition');
    const { patch, event } = await resumeChange(db, row, ctx.now.toISOString(), ctx.actor.userId, 'resumed');
    return commitChange(ctx, db, row, patch, [event]);
  });
}
