import { lockCaseById } from '../store/cases.js';
import { appendEvents, type NewEvent } from '../store/events.js';
import type { CaseRow, Db } from '../store/schema.js';

/**
 * Records a change the system makes on its own (a sweep, a customer's survey answer): locks the
 * case, writes the patch and appends the events. Returns the case as it is after the change.
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
  const list = events(row);
  const set = { ...patch, updated_at: now.toISOString() };
  const appended = await appendEvents(db, row, list, set);
  return {
    ...row,
    ...set,
    event_count: appended.at(-1)?.seq ?? row.event_count,
    last_event_hash: appended.at(-1)?.hash ?? row.last_event_hash,
  };
}

/** Links in emails: the web app's case page. */
export const caseUrl = (publicUrl: string | undefined, ref: string): string => `${publicUrl ?? ''}/cases/${ref}`;
