import type { CoachResult } from '../domain/coach.js';
import { sha256 } from '../domain/timeline.js';
import type { EventView } from '../presenters/case-presenter.js';
import { toEventView } from '../presenters/case-presenter.js';
import { applyCaseChange } from './case-change.js';
import { lockCase } from './case-helpers.js';
import { analyzeForWorkspace } from './coach-instance.js';
import { inTransaction, type ServiceContext } from './context.js';

export type RecordedReply = { event: EventView; analysis: CoachResult };

/**
 * Records a reply sent to the customer on the case timeline, scored by the coach at that moment
 * (like a QA tool's autoscore, but each part carries its reason). The score is stored in the event,
 * so reports read what the employee saw, even after the coach improves.
 */
export async function recordReply(
  ctx: ServiceContext,
  ref: string,
  input: { body: string; customerMessage?: string | undefined },
): Promise<RecordedReply> {
  const analysis = await analyzeForWorkspace(ctx, { reply: input.body, customer: input.customerMessage });
  const score = analysis.reply?.score;
  return inTransaction(ctx.db, async (db) => {
    const row = await lockCase(db, ctx.actor, ref, 'annotate');
    const at = ctx.now.toISOString();
    const data = {
      body: input.body,
      bodySha256: sha256(input.body),
      ...(input.customerMessage ? { customerMessage: input.customerMessage } : {}),
      score: score ? { total: score.total, parts: Object.fromEntries(Object.entries(score.parts).map(([k, v]) => [k, v.value])) } : null,
      missing: analysis.reply?.missing ?? [],
      problems: (analysis.reply?.problems ?? []).map((p) => p.kind),
    };
    const { appended } = await applyCaseChange(db, row, {}, [{ kind: 'reply', actorId: ctx.actor.userId, at, data }], ctx.now);
    const [event] = appended;
    if (!event) throw new Error('the reply event was not written');
    return { event: toEventView(event), analysis };
  });
}
