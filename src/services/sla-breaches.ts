import { findCaseByRef } from '../store/cases.js';
import type { CaseRow, Db } from '../store/schema.js';
import { casesWithUnmarkedBreach } from '../store/settings.js';
import { applyCaseChange } from './case-change.js';
import { inTransaction } from './context.js';

/**
 * Marks every open case whose acknowledge or resolve clock ran out at `now` and was not marked yet:
 * sets `*_breached_at` and appends one `sla_breached` event per clock (system actor). Safe to run
 * again: a marked clock is never marked twice. Returns how many clocks it marked.
 */
export async function markSlaBreaches(db: Db, now: Date): Promise<number> {
  const candidates = await casesWithUnmarkedBreach(db, now);
  let marked = 0;
  for (const candidate of candidates) {
    marked += await inTransaction(db, async (trx) => {
      // Re-read under lock: another runner may have marked it in the meantime.
      const row = await findCaseByRef(trx, candidate.workspace_id, candidate.ref, true);
      if (!row) return 0;
      return markCase(trx, row, now);
    });
  }
  return marked;
}

async function markCase(db: Db, row: CaseRow, now: Date): Promise<number> {
  const at = now.toISOString();
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
