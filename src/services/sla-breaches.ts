import { findCaseByRef } from '../store/cases.js';
import type { CaseRow, Db } from '../store/schema.js';
import { runOutClocks, type SlaClock } from '../store/settings.js';
import { applyCaseChange } from './case-change.js';
import { inTransaction } from './context.js';
import { sweepInBatches } from './sweep-pacer.js';

/**
 * Marks every open case whose acknowledge or resolve clock ran out at `now` and was not marked yet:
 * sets `*_breached_at` and appends one `sla_breached` event per clock (system actor). Safe to run
 * again: a marked clock is never marked twice. Reads only running clocks past due, in small
 * batches, one transaction per case, yielding between them. Returns how many clocks it marked.
 */
export async function markSlaBreaches(db: Db, now: Date, options: { batch?: number } = {}): Promise<number> {
  let marked = 0;
  for (const clock of ['acknowledge', 'resolve'] as const satisfies readonly SlaClock[]) {
    await sweepInBatches({
      read: (after: { dueAt: string; id: string } | undefined, limit) => runOutClocks(db, clock, now, limit, after),
      keyOf: (c) => ({ dueAt: c.due_at, id: c.id }),
      handle: async (candidate) => {
        marked += await inTransaction(db, async (trx) => {
          // Re-read under lock: another runner may have marked it in the meantime.
          const row = await findCaseByRef(trx, candidate.workspace_id, candidate.ref, true);
          if (!row) return 0;
          return markCase(trx, row, now);
        });
      },
      batch: options.batch,
    });
  }
  return marked;
}

/** Marks each of the case's clocks that ran out (both, when both did: one change, two events). */
async function markCase(db: Db, row: CaseRow, now: Date): Promise<number> {
  const at = now.toISOString();
  // A paused clock cannot run out: it waits on the customer (the sweep's query skips it too).
  if (row.clock_paused_at !== null) return 0;
  const past = (due: string) => Date.parse(due) < now.getTime();
  const set: Partial<CaseRow> = {};
  const events: { clock: string; dueAt: string }[] = [];
  if (row.acknowledged_at === null && row.acknowledge_breached_at === null && past(row.acknowledge_due_at)) {
    set.acknowledge_breached_at = at;
    events.push({ clock: 'acknowledge', dueAt: row.acknowledge_due_at });
  }
  if (row.resolved_at === null && row.resolve_breached_at === null && past(row.resolve_due_at)) {
    set.resolve_breached_at = at;
    events.push({ clock: 'resolve', dueAt: row.resolve_due_at });
  }
  if (events.length === 0) return 0;
  await applyCaseChange(
    db,
    row,
    set,
    events.map((data) => ({ kind: 'sla_breached', actorId: null, at, data })),
    now,
  );
  return events.length;
}
