import { nextDeadline } from '../domain/sla.js';
import { hashStoredEvent } from '../domain/timeline.js';
import { type CaseView, toCaseView } from '../presenters/case-presenter.js';
import { lockCaseById } from '../store/cases.js';
import { updateEventData } from '../store/erasure.js';
import { appendEvents, type NewEvent } from '../store/events.js';
import type { CaseEventRow, CaseRow, Db } from '../store/schema.js';
import type { ServiceContext } from './context.js';

const CLOCK_FIELDS = ['acknowledge_due_at', 'acknowledged_at', 'resolve_due_at', 'resolved_at', 'clock_paused_at'] as const;

/** The deadline the case must meet next, from its row's clocks. */
export const nextDeadlineOf = (row: Pick<CaseRow, (typeof CLOCK_FIELDS)[number]>): string =>
  nextDeadline({
    acknowledgeDueAt: row.acknowledge_due_at,
    acknowledgedAt: row.acknowledged_at,
    resolveDueAt: row.resolve_due_at,
    resolvedAt: row.resolved_at,
    pausedAt: row.clock_paused_at,
  });

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
  const set: Partial<CaseRow> = { ...patch, updated_at: now.toISOString() };
  if (CLOCK_FIELDS.some((f) => f in patch)) set.next_due_at = nextDeadlineOf({ ...row, ...patch });
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

/** An earlier event whose words an erasure scrubbed, with its content after scrubbing. */
export type ScrubbedEvent = { event: CaseEventRow; data: Record<string, unknown> };

/**
 * The one way an erasure rewrites history: each scrubbed event keeps its stored hash (so the chain's
 * links and every signed checkpoint still hold) and gets its new content, and a `personal_data_erased`
 * event appended to the chain records the hash of each scrubbed content, so the verifier checks the
 * scrubbed words against that and nothing else can change unnoticed. `row` must be locked.
 */
export async function applyErasure(
  db: Db,
  row: CaseRow,
  scrubbed: readonly ScrubbedEvent[],
  patch: Partial<CaseRow>,
  erasure: { id: string; actorId: string | null; filesErased: number },
  now: Date,
): Promise<CaseRow> {
  const redacted = [];
  for (const { event, data } of scrubbed) {
    const hash = hashStoredEvent(event, data);
    await updateEventData(db, event.workspace_id, event.id, JSON.stringify(data));
    redacted.push({ seq: event.seq, hash });
  }
  const at = now.toISOString();
  const data = { erasureId: erasure.id, redacted, filesErased: erasure.filesErased };
  return (await applyCaseChange(db, row, patch, [{ kind: 'personal_data_erased', actorId: erasure.actorId, at, data }], now)).row;
}
