import { sql } from 'kysely';
import { type EventKind, GENESIS_HASH, hashEvent } from '../domain/timeline.js';
import { insertOutboxEvents } from './event-outbox.js';
import { newId } from './ids.js';
import { prepared } from './prepared.js';
import type { CaseEventRow, CaseRow, Db } from './schema.js';

export type NewEvent = { kind: EventKind; actorId: string | null; at: string; data: Record<string, unknown> };

/** The next links of a case's chain: event rows hashed onto its head, and the new head. */
export function chainEvents(
  kase: Pick<CaseRow, 'id' | 'workspace_id' | 'event_count' | 'last_event_hash'>,
  events: NewEvent[],
): { rows: CaseEventRow[]; head: Pick<CaseRow, 'event_count' | 'last_event_hash'> } {
  let seq = kase.event_count;
  let prevHash = kase.event_count === 0 ? GENESIS_HASH : kase.last_event_hash;
  const rows: CaseEventRow[] = [];
  for (const e of events) {
    seq += 1;
    const hash = hashEvent({
      workspaceId: kase.workspace_id,
      caseId: kase.id,
      seq,
      kind: e.kind,
      actorId: e.actorId,
      at: e.at,
      data: e.data,
      prevHash,
    });
    rows.push({
      id: newId(),
      workspace_id: kase.workspace_id,
      case_id: kase.id,
      seq,
      kind: e.kind,
      actor_id: e.actorId,
      at: e.at,
      data: JSON.stringify(e.data),
      prev_hash: prevHash,
      hash,
    });
    prevHash = hash;
  }
  return { rows, head: { event_count: seq, last_event_hash: prevHash } };
}

/**
 * Appends events to a case's chain and moves the case's head (event_count, last_event_hash), with
 * any other changes to the case row in the same statement. The caller holds the case row (locked on
 * PostgreSQL) inside the transaction it passes in. Services reach this through services/case-change.ts.
 */
export async function appendEvents(
  db: Db,
  kase: Pick<CaseRow, 'id' | 'workspace_id' | 'event_count' | 'last_event_hash'>,
  events: NewEvent[],
  rowChanges: Partial<CaseRow> = {},
) {
  const { rows, head } = chainEvents(kase, events);
  await insertEventRows(db, rows);
  const set = rows.length > 0 ? { ...rowChanges, ...head } : rowChanges;
  if (Object.keys(set).length > 0) await db.updateTable('cases').set(set).where('id', '=', kase.id).execute();
  return rows;
}

export function listEventRows(db: Db, workspaceId: string, caseId: string, afterSeq = 0, limit = 1000): Promise<CaseEventRow[]> {
  return db
    .selectFrom('case_events')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('case_id', '=', caseId)
    .where('seq', '>', afterSeq)
    .orderBy('seq')
    .limit(limit)
    .execute();
}

/**
 * Replies recorded on a workspace's cases since a moment, newest first. On SQLite the literal kind
 * matches the partial index `case_events_replies` (migration 0045), which holds all this reads.
 */
export function listReplyEvents(db: Db, workspaceId: string, since: string, limit: number) {
  return db
    .selectFrom('case_events')
    .select(['case_events.actor_id', 'case_events.at', 'case_events.data', 'case_events.case_id'])
    .where('case_events.workspace_id', '=', workspaceId)
    .where('case_events.kind', '=', sql.lit('reply'))
    .where('case_events.at', '>=', since)
    .orderBy('case_events.at', 'desc')
    .limit(limit)
    .execute();
}

/**
 * Writes event rows built by chainEvents (the case row carries their head already) and, in the same
 * transaction, one outbox row each: the only place case events are written, so processors see all.
 */
// Most writes add one event: that statement is compiled once (src/store/prepared.ts).
const insertOneEventRow = prepared((db: Db, row: CaseEventRow) => db.insertInto('case_events').values(row));

export async function insertEventRows(db: Db, rows: CaseEventRow[]): Promise<void> {
  if (rows.length === 0) return;
  const [only] = rows;
  if (rows.length === 1 && only) await insertOneEventRow(db, only);
  else await db.insertInto('case_events').values(rows).execute();
  await insertOutboxEvents(
    db,
    rows.map((r) => ({
      workspaceId: r.workspace_id,
      kind: r.kind,
      caseId: r.case_id,
      actorId: r.actor_id,
      at: r.at,
      data: JSON.parse(r.data) as Record<string, unknown>,
    })),
  );
}
