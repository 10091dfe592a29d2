import { sql } from 'kysely';
import type { DomainEvent, EventCursor } from '../domain/domain-events.js';
import { isPostgres } from './db.js';
import { prepared } from './prepared.js';
import type { Db, EventProcessorRow, OutboxEventRow } from './schema.js';

export type NewOutboxEvent = {
  workspaceId: string;
  kind: string;
  caseId: string | null;
  userId?: string | null;
  actorId: string | null;
  at: string;
  data: Record<string, unknown>;
};

/** Writes domain events in the caller's transaction, so they exist exactly when the change does. */
export async function insertOutboxEvents(db: Db, events: readonly NewOutboxEvent[]): Promise<void> {
  if (events.length === 0) return;
  const rows = events.map((e) => ({
    workspace_id: e.workspaceId,
    kind: e.kind,
    case_id: e.caseId,
    user_id: e.userId ?? null,
    actor_id: e.actorId,
    at: e.at,
    data: JSON.stringify(e.data),
  }));
  const [only] = rows;
  if (rows.length === 1 && only) await insertOneOutboxRow(db, only);
  else await db.insertInto('event_outbox').values(rows).execute();
}

// Every timeline write adds outbox rows, most often one: that statement is compiled once (src/store/prepared.ts).
const insertOneOutboxRow = prepared((db: Db, row: Omit<OutboxEventRow, 'position' | 'tx'>) => db.insertInto('event_outbox').values(row));

const toEvent = (r: OutboxEventRow): DomainEvent => ({
  position: Number(r.position),
  tx: Number(r.tx),
  workspaceId: r.workspace_id,
  kind: r.kind,
  caseId: r.case_id,
  userId: r.user_id,
  actorId: r.actor_id,
  at: r.at,
  data: JSON.parse(r.data) as Record<string, unknown>,
});

/**
 * Committed events after a cursor, oldest first. On PostgreSQL only rows of transactions older than
 * every running one are read (see migration 0008), so nothing can later appear behind the cursor.
 */
export async function readEventsAfter(db: Db, after: EventCursor, limit: number, workspaceId?: string): Promise<DomainEvent[]> {
  let query = db.selectFrom('event_outbox').selectAll();
  if (isPostgres(db)) {
    query = query
      .where(sql<boolean>`(tx, position) > (${after.tx}, ${after.position})`)
      .where(sql<boolean>`tx < pg_snapshot_xmin(pg_current_snapshot())::text::bigint`)
      .orderBy('tx')
      .orderBy('position');
  } else {
    query = query.where('position', '>', after.position).orderBy('position');
  }
  if (workspaceId !== undefined) query = query.where('workspace_id', '=', workspaceId);
  const rows = await query.limit(limit).execute();
  return rows.map(toEvent);
}

/**
 * The cursor of the newest event: with `readable`, the newest a reader may already read (the start
 * for "from now on"); without, the newest committed one, which readers reach once older writers finish.
 */
export async function latestCursor(db: Db, readable = true): Promise<EventCursor> {
  let query = db.selectFrom('event_outbox').select(['tx', 'position']);
  if (isPostgres(db)) {
    if (readable) query = query.where(sql<boolean>`tx < pg_snapshot_xmin(pg_current_snapshot())::text::bigint`);
    query = query.orderBy('tx', 'desc').orderBy('position', 'desc');
  } else query = query.orderBy('position', 'desc');
  const last = await query.limit(1).executeTakeFirst();
  return last ? { tx: Number(last.tx), position: Number(last.position) } : { tx: 0, position: 0 };
}

/** Creates a processor's row at `start` unless it exists (a processor keeps its cursor across restarts). */
export async function ensureProcessor(db: Db, name: string, start: EventCursor, now: Date): Promise<void> {
  await db
    .insertInto('event_processors')
    .values({
      name,
      cursor_tx: start.tx,
      cursor_position: start.position,
      lease_owner: null,
      lease_until: null,
      attempts: 0,
      retry_at: null,
      last_error: null,
      processed: 0,
      updated_at: now.toISOString(),
    })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
}

/**
 * Takes a processor's lease for `owner` when it is free (or already theirs) and not waiting for a
 * retry; one statement, so two instances never both hold it. Returns the row, or undefined.
 */
export async function claimProcessor(
  db: Db,
  name: string,
  owner: string,
  now: Date,
  leaseUntil: Date,
): Promise<EventProcessorRow | undefined> {
  const at = now.toISOString();
  const row = await db
    .updateTable('event_processors')
    .set({ lease_owner: owner, lease_until: leaseUntil.toISOString() })
    .where('name', '=', name)
    .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', at), eb('lease_owner', '=', owner)]))
    .where((eb) => eb.or([eb('retry_at', 'is', null), eb('retry_at', '<=', at)]))
    .returningAll()
    .executeTakeFirst();
  return row ? normalise(row) : undefined;
}

const normalise = (r: EventProcessorRow): EventProcessorRow => ({
  ...r,
  cursor_tx: Number(r.cursor_tx),
  cursor_position: Number(r.cursor_position),
  processed: Number(r.processed),
});

/**
 * Moves the processor's cursor from `from` to `to` past `handled` events, in the transaction that
 * applied their effects. Returns false when `owner` no longer holds the lease or the cursor has moved
 * meanwhile (the caller must then roll back), so no event takes effect twice.
 */
export async function advanceProcessor(
  db: Db,
  name: string,
  owner: string,
  from: EventCursor,
  to: EventCursor,
  now: Date,
  handled = 1,
): Promise<boolean> {
  const result = await db
    .updateTable('event_processors')
    .set((eb) => ({
      cursor_tx: to.tx,
      cursor_position: to.position,
      attempts: 0,
      retry_at: null,
      last_error: null,
      processed: eb('processed', '+', handled),
      updated_at: now.toISOString(),
    }))
    .where('name', '=', name)
    .where('lease_owner', '=', owner)
    .where('cursor_tx', '=', from.tx)
    .where('cursor_position', '=', from.position)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Records a failed try at the processor's next event and when to try again; returns the tries so far. */
export async function recordProcessorAttempt(db: Db, name: string, error: string, retryAt: Date, now: Date): Promise<number> {
  const row = await db
    .updateTable('event_processors')
    .set((eb) => ({ attempts: eb('attempts', '+', 1), last_error: error, retry_at: retryAt.toISOString(), updated_at: now.toISOString() }))
    .where('name', '=', name)
    .returning('attempts')
    .executeTakeFirstOrThrow();
  return row.attempts;
}

/** Keeps an event a processor gave up on, for a person to look at. */
export async function recordProcessorFailure(
  db: Db,
  failure: { processor: string; event: DomainEvent; error: string; attempts: number },
  now: Date,
): Promise<void> {
  await db
    .insertInto('event_processor_failures')
    .values({
      processor: failure.processor,
      position: failure.event.position,
      kind: failure.event.kind,
      error: failure.error,
      attempts: failure.attempts,
      failed_at: now.toISOString(),
    })
    .onConflict((oc) => oc.columns(['processor', 'position']).doNothing())
    .execute();
}

/** Lets go of a lease so another instance may take the processor at once. */
export async function releaseProcessor(db: Db, name: string, owner: string): Promise<void> {
  await db
    .updateTable('event_processors')
    .set({ lease_owner: null, lease_until: null })
    .where('name', '=', name)
    .where('lease_owner', '=', owner)
    .execute();
}

/** Every processor's state (for health, metrics and tests). */
export async function listProcessors(db: Db): Promise<EventProcessorRow[]> {
  return (await db.selectFrom('event_processors').selectAll().orderBy('name').execute()).map(normalise);
}

export function listProcessorFailures(db: Db) {
  return db.selectFrom('event_processor_failures').selectAll().orderBy('processor').orderBy('position').execute();
}
