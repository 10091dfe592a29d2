import { type CaseView, toCaseView } from '../presenters/case-presenter.js';
import { lockCaseById } from '../store/cases.js';
import { appendEvents, type NewEvent } from '../store/events.js';
import type { CaseEventRow, CaseRow, Db } from '../store/schema.js';
import type { ServiceContext } from './context.js';

/**
 * The one way a change to an existing case is written: the case row's new fields, its timeline
 * events (hash-chained onto the head, which moves in the same UPDATE) and their outbox rows, all in
 * the caller's transaction. `row` must be the case as locked in that transaction.
 */
export async function applyCaseChange(
  db: Db,
  row: CaseRow,
  patch: Partial<CaseRow>,
  events: NewEvent[],
  now: Date,
): Promise<{ row: CaseRow; appended: CaseEventRow[] }> {
  const set = { ...patch, updated_at: now.toISOString() };
  const appended = await appendEvents(db, row, events, set);
  const next = {
    ...row,
    ...set,
    event_count: appended.at(-1)?.seq ?? row.event_count,
    last_event_hash: appended.at(-1)?.hash ?? row.last_event_hash,
  };
  return { row: next, appended };
}

/** A change a person makes to a case they hold locked; returns the case as they now see it. */
export async function commitChange(
  ctx: ServiceContext,
  db: Db,
  row: CaseRow,
  patch: Partial<CaseRow>,
  events: NewEvent[],
): Promise<CaseView> {
  return toCaseView((await applyCaseChange(db, row, patch, events, ctx.now)).row, ctx.now);
}

/**
 * A change the system makes on its own (a sweep, a customer's survey answer): locks the case, then
 * writes it as applyCaseChange does. `events` receives the locked row. Returns the case after the change.
 */
export async function recordSystemChange(
  db: Db,
  workspaceId: string,
  caseId: string,
  patch: Partial<CaseRow>,
  events: (row: CaseRow) => NewEvent[],
  now: Date,
): Promise<CaseRow> {
  const row = await lockCaseById(db, workspaceId, caseId);
  if (!row) throw new Error(`case ${caseId} vanished`);
  return (await applyCaseChange(db, row, patch, events(row), now)).row;
}
