import { hashReviewEvent, REVIEW_GENESIS_HASH } from '../domain/review-trail.js';
import { isPostgres } from './db.js';
import { newId } from './ids.js';
import type { Db, ReviewCaseRow, ReviewDecisionRow, ReviewEventRow, ReviewRow } from './schema.js';

export async function insertReviewRow(db: Db, row: Omit<ReviewRow, 'id' | 'event_count' | 'last_event_hash'>): Promise<ReviewRow> {
  const full: ReviewRow = { id: newId(), ...row, event_count: 0, last_event_hash: REVIEW_GENESIS_HASH };
  await db.insertInto('reviews').values(full).execute();
  return full;
}

export function findReviewRow(db: Db, workspaceId: string, id: string, forUpdate = false): Promise<ReviewRow | undefined> {
  return db
    .selectFrom('reviews')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .$if(forUpdate && isPostgres(db), (q) => q.forUpdate())
    .executeTakeFirst();
}

export function listReviewRows(db: Db, workspaceId: string, filter: { employeeId?: string | undefined } = {}): Promise<ReviewRow[]> {
  return db
    .selectFrom('reviews')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .$if(filter.employeeId !== undefined, (q) => q.where('employee_id', '=', filter.employeeId as string))
    .orderBy('opened_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

export async function updateReviewRow(db: Db, workspaceId: string, id: string, patch: Partial<ReviewRow>): Promise<void> {
  await db.updateTable('reviews').set(patch).where('workspace_id', '=', workspaceId).where('id', '=', id).execute();
}

export async function insertReviewCases(db: Db, rows: ReviewCaseRow[]): Promise<void> {
  if (rows.length > 0) await db.insertInto('review_cases').values(rows).execute();
}

export function listReviewCases(db: Db, workspaceId: string, reviewId: string) {
  return db
    .selectFrom('review_cases')
    .innerJoin('cases', 'cases.id', 'review_cases.case_id')
    .selectAll('review_cases')
    .select(['cases.ref', 'cases.title', 'cases.reported_at', 'cases.occurred_at'])
    .where('review_cases.workspace_id', '=', workspaceId)
    .where('review_cases.review_id', '=', reviewId)
    .orderBy('cases.reported_at')
    .execute();
}

export async function updateReviewCase(db: Db, reviewId: string, caseId: string, patch: Partial<ReviewCaseRow>): Promise<void> {
  await db.updateTable('review_cases').set(patch).where('review_id', '=', reviewId).where('case_id', '=', caseId).execute();
}

export async function insertDecisionRow(db: Db, row: Omit<ReviewDecisionRow, 'id'>): Promise<ReviewDecisionRow> {
  const full = { id: newId(), ...row };
  await db.insertInto('review_decisions').values(full).execute();
  return full;
}

export function listDecisionRows(db: Db, workspaceId: string, reviewIds: readonly string[]): Promise<ReviewDecisionRow[]> {
  if (reviewIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('review_decisions')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('review_id', 'in', reviewIds)
    .orderBy('decided_at')
    .orderBy('id')
    .execute();
}

export async function updateDecisionRow(db: Db, id: string, patch: Partial<ReviewDecisionRow>): Promise<void> {
  await db.updateTable('review_decisions').set(patch).where('id', '=', id).execute();
}

/** Appends one entry to the review's hash-chained audit trail and moves the review's chain head. */
export async function appendReviewEvent(
  db: Db,
  review: Pick<ReviewRow, 'id' | 'workspace_id'>,
  entry: { kind: string; actorId: string | null; at: string; data: Record<string, unknown>; fileSha256?: string },
): Promise<ReviewEventRow> {
  const head = await db
    .selectFrom('reviews')
    .select(['event_count', 'last_event_hash'])
    .where('id', '=', review.id)
    .executeTakeFirstOrThrow();
  const seq = head.event_count + 1;
  const content = {
    workspaceId: review.workspace_id,
    reviewId: review.id,
    seq,
    kind: entry.kind,
    actorId: entry.actorId,
    at: entry.at,
    data: entry.data,
    prevHash: head.last_event_hash,
  };
  const row: ReviewEventRow = {
    id: newId(),
    workspace_id: review.workspace_id,
    review_id: review.id,
    seq,
    kind: entry.kind,
    actor_id: entry.actorId,
    at: entry.at,
    data: JSON.stringify(entry.data),
    prev_hash: head.last_event_hash,
    hash: hashReviewEvent(content),
    file_sha256: entry.fileSha256 ?? null,
  };
  await db.insertInto('review_events').values(row).execute();
  await db.updateTable('reviews').set({ event_count: seq, last_event_hash: row.hash }).where('id', '=', review.id).execute();
  return row;
}

export function listReviewEvents(db: Db, workspaceId: string, reviewId: string): Promise<ReviewEventRow[]> {
  return db
    .selectFrom('review_events')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('review_id', '=', reviewId)
    .orderBy('seq')
    .execute();
}

/** The export entry (in any workspace) that recorded a dossier with this SHA-256, if one did. */
export function findDossierExport(db: Db, fileSha256: string) {
  return db
    .selectFrom('review_events')
    .innerJoin('reviews', 'reviews.id', 'review_events.review_id')
    .select(['review_events.review_id', 'review_events.at', 'review_events.seq', 'reviews.workspace_id'])
    .where('review_events.file_sha256', '=', fileSha256)
    .where('review_events.kind', '=', 'dossier_exported')
    .orderBy('review_events.at')
    .executeTakeFirst();
}
