import { sql } from 'kysely';
import type { HoldScope } from '../domain/data-rights.js';
import { isPostgres } from './db.js';
import type { DataRequestRow, Db, LegalHoldRow, RetentionSettingsRow } from './schema.js';

/** Data requests, legal holds and the retention rule of a workspace. */

export async function insertDataRequest(db: Db, row: DataRequestRow): Promise<void> {
  await db.insertInto('data_requests').values(row).execute();
}

export function findDataRequest(db: Db, workspaceId: string, id: string): Promise<DataRequestRow | undefined> {
  return db.selectFrom('data_requests').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
}

/** Open requests first, soonest due first; then the closed ones, newest first. */
export function listDataRequestRows(db: Db, workspaceId: string, status?: DataRequestRow['status']): Promise<DataRequestRow[]> {
  return db
    .selectFrom('data_requests')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .$if(status !== undefined, (q) => q.where('status', '=', status as DataRequestRow['status']))
    .orderBy('status')
    .orderBy('due_at')
    .orderBy('id')
    .execute();
}

/** Closes an open request; false when it was closed already (by someone else meanwhile). */
export async function closeDataRequest(
  db: Db,
  workspaceId: string,
  id: string,
  patch: Pick<DataRequestRow, 'status' | 'outcome' | 'closed_by' | 'closed_at'>,
): Promise<boolean> {
  const r = await db
    .updateTable('data_requests')
    .set(patch)
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .where('status', '=', 'open')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export type HoldSubject = { kind: HoldScope; id: string };

export async function insertLegalHold(db: Db, row: LegalHoldRow, subjects: readonly HoldSubject[]): Promise<void> {
  await db.insertInto('legal_holds').values(row).execute();
  await db
    .insertInto('legal_hold_subjects')
    .values(subjects.map((s) => ({ workspace_id: row.workspace_id, hold_id: row.id, subject_kind: s.kind, subject_id: s.id })))
    .execute();
}

export function findLegalHold(db: Db, workspaceId: string, id: string): Promise<LegalHoldRow | undefined> {
  return db.selectFrom('legal_holds').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
}

/** Every hold of the workspace, those in force first, newest first. */
export function listLegalHoldRows(db: Db, workspaceId: string): Promise<LegalHoldRow[]> {
  return db
    .selectFrom('legal_holds')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .orderBy((eb) => eb.case().when('released_at', 'is', null).then(0).else(1).end())
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

export function holdSubjectsOf(db: Db, workspaceId: string, holdIds: readonly string[]) {
  if (holdIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('legal_hold_subjects')
    .select(['hold_id', 'subject_kind', 'subject_id'])
    .where('workspace_id', '=', workspaceId)
    .where('hold_id', 'in', holdIds)
    .orderBy('subject_kind')
    .orderBy('subject_id')
    .execute();
}

/** Releases a hold in force; false when it was released already. */
export async function releaseLegalHold(
  db: Db,
  workspaceId: string,
  id: string,
  patch: Pick<LegalHoldRow, 'released_by' | 'released_at' | 'release_reason'>,
): Promise<boolean> {
  const r = await db
    .updateTable('legal_holds')
    .set(patch)
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .where('released_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** The legal holds in force over any of these subjects, with the subject each one names. */
export function holdsInForceOver(db: Db, workspaceId: string, subjects: readonly HoldSubject[]) {
  if (subjects.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('legal_hold_subjects as s')
    .innerJoin('legal_holds as h', 'h.id', 's.hold_id')
    .select(['h.id', 'h.matter', 's.subject_kind', 's.subject_id'])
    .where('s.workspace_id', '=', workspaceId)
    .where('h.workspace_id', '=', workspaceId)
    .where('h.released_at', 'is', null)
    .where((eb) => eb.or(subjects.map((x) => eb.and([eb('s.subject_kind', '=', x.kind), eb('s.subject_id', '=', x.id)]))))
    .orderBy('h.created_at')
    .execute();
}

/** The cases counted by a review not yet decided (they are held so its dossier cannot change), among these. */
export function casesCountedByOpenReviews(db: Db, workspaceId: string, caseIds?: readonly string[]) {
  if (caseIds && caseIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('review_cases as rc')
    .innerJoin('reviews as r', 'r.id', 'rc.review_id')
    .innerJoin('cases as c', 'c.id', 'rc.case_id')
    .select(['r.id as review_id', 'c.id as case_id', 'c.ref', 'c.customer_id'])
    .where('rc.workspace_id', '=', workspaceId)
    .where('r.workspace_id', '=', workspaceId)
    .where('rc.counted', '=', 1)
    .where('r.status', '!=', 'decided')
    .$if(caseIds !== undefined, (q) => q.where('rc.case_id', 'in', caseIds as readonly string[]))
    .orderBy('c.ref')
    .execute();
}

export function findRetention(db: Db, workspaceId: string): Promise<RetentionSettingsRow | undefined> {
  return db.selectFrom('retention_settings').selectAll().where('workspace_id', '=', workspaceId).executeTakeFirst();
}

export async function saveRetention(db: Db, row: RetentionSettingsRow): Promise<void> {
  await db
    .insertInto('retention_settings')
    .values(row)
    .onConflict((oc) =>
      oc
        .column('workspace_id')
        .doUpdateSet({ customer_months: row.customer_months, updated_by: row.updated_by, updated_at: row.updated_at }),
    )
    .execute();
}

export function workspacesWithRetention(db: Db) {
  return db
    .selectFrom('retention_settings')
    .select(['workspace_id', 'customer_months'])
    .where('customer_months', 'is not', null)
    .orderBy('workspace_id')
    .execute();
}

/** A customer still on file, and whether the retention rule is due for them. */
export type RetentionCustomer = { id: string; due: boolean };

/**
 * The next `limit` customers still on file (not erased, not merged) after `after` in id order, read
 * from customers_on_file (migration 0054), each with whether it is due: at least one case, and every
 * case closed before `closedBefore` (a customer with a case still open is not due, however old their
 * other cases are). Their cases are read by customer from cases_customer, so the retention pass walks
 * a workspace a batch of customers at a time instead of grouping every case in one statement.
 */
export async function customersForRetention(
  db: Db,
  workspaceId: string,
  closedBefore: string,
  after: string | undefined,
  limit: number,
): Promise<RetentionCustomer[]> {
  const customers = await db
    .selectFrom('customers')
    .select('id')
    .where('workspace_id', '=', workspaceId)
    .where(sql<boolean>`erased_at is null and merged_into_id is null`)
    .$if(after !== undefined, (q) => q.where('id', '>', after as string))
    .orderBy('id')
    .limit(limit)
    .execute();
  if (customers.length === 0) return [];
  // By name on SQLite: without statistics its planner may take a covering index of the workspace's
  // cases that holds the customer too (migration 0043) and walk every case (customer-signal-filters.ts).
  const cases = isPostgres(db) ? sql`cases` : sql`cases indexed by cases_customer`;
  const ids = sql.join(customers.map((c) => sql`${c.id}`));
  const held = await sql<{ customer_id: string; keeping: number | string }>`
    select customer_id, sum(case when status <> 'closed' or updated_at >= ${closedBefore} then 1 else 0 end) as keeping
    from ${cases} where workspace_id = ${workspaceId} and customer_id in (${ids}) group by customer_id`.execute(db);
  const keeping = new Map(held.rows.map((r) => [r.customer_id, Number(r.keeping)]));
  return customers.map((c) => ({ id: c.id, due: keeping.get(c.id) === 0 }));
}
