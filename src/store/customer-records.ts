import { type CaseListScope, caseInScope } from './cases.js';
import { isPostgres } from './db.js';
import { newId } from './ids.js';
import type { CaseRow, CustomerContactRow, CustomerMergeRow, CustomerRow, Db } from './schema.js';

/** Reads of one customer's whole record (tombstones included) and the writes a merge makes. */

/**
 * A customer by id, merged or not (no scope: the service decides who may see it); `forUpdate` locks
 * the row on PostgreSQL, so two merges of the same customers run one after the other.
 */
export function findCustomerRecord(db: Db, workspaceId: string, id: string, forUpdate = false): Promise<CustomerRow | undefined> {
  return db
    .selectFrom('customers')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .$if(forUpdate && isPostgres(db), (q) => q.forUpdate())
    .executeTakeFirst();
}

export type CustomerCaseRow = Pick<
  CaseRow,
  | 'id'
  | 'ref'
  | 'title'
  | 'status'
  | 'severity'
  | 'team_id'
  | 'reporter_id'
  | 'assignee_id'
  | 'reported_at'
  | 'risk_flags'
  | 'customer_state'
>;

/** Every case of a customer, newest first; with a scope, only the cases within it. */
export function casesOfCustomer(db: Db, workspaceId: string, customerId: string, scope?: CaseListScope): Promise<CustomerCaseRow[]> {
  return db
    .selectFrom('cases')
    .select([
      'id',
      'ref',
      'title',
      'status',
      'severity',
      'team_id',
      'reporter_id',
      'assignee_id',
      'reported_at',
      'risk_flags',
      'customer_state',
    ])
    .where('workspace_id', '=', workspaceId)
    .where('customer_id', '=', customerId)
    .$if(scope !== undefined, (q) => q.where((eb) => caseInScope(eb, workspaceId, scope as CaseListScope)))
    .orderBy('reported_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

/** The promises still open on these cases, soonest due first. */
export function openCommitmentsOf(db: Db, workspaceId: string, caseIds: readonly string[]) {
  if (caseIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('commitments')
    .select(['id', 'case_id', 'text', 'owner_id', 'due_at'])
    .where('workspace_id', '=', workspaceId)
    .where('case_id', 'in', caseIds)
    .where('status', '=', 'open')
    .orderBy('due_at')
    .orderBy('id')
    .execute();
}

/** The customer's answered follow-ups on these cases, newest first. */
export function customerAnswersOf(db: Db, workspaceId: string, caseIds: readonly string[]) {
  if (caseIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('follow_ups')
    .select(['id', 'case_id', 'satisfaction', 'answered_at'])
    .where('workspace_id', '=', workspaceId)
    .where('case_id', 'in', caseIds)
    .where('party', '=', 'customer')
    .where('status', '=', 'answered')
    .where('satisfaction', 'is not', null)
    .orderBy('answered_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

/** How many of these cases had an abusive interaction ended under the abuse policy. */
export async function casesWithAbuseReported(db: Db, workspaceId: string, caseIds: readonly string[]): Promise<Set<string>> {
  if (caseIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('case_events')
    .select('case_id')
    .distinct()
    .where('workspace_id', '=', workspaceId)
    .where('case_id', 'in', caseIds)
    .where('kind', '=', 'abuse_reported')
    .execute();
  return new Set(rows.map((r) => r.case_id));
}

export function listCustomerContacts(db: Db, workspaceId: string, customerId: string): Promise<CustomerContactRow[]> {
  return db
    .selectFrom('customer_contacts')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('customer_id', '=', customerId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export async function insertCustomerContacts(db: Db, rows: Omit<CustomerContactRow, 'id' | 'created_at'>[], now: Date): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto('customer_contacts')
    .values(rows.map((r) => ({ ...r, id: newId(), created_at: now.toISOString() })))
    .execute();
}

/** Moves the further contacts of one customer to another. */
export async function moveCustomerContacts(db: Db, workspaceId: string, fromId: string, intoId: string): Promise<void> {
  await db
    .updateTable('customer_contacts')
    .set({ customer_id: intoId })
    .where('workspace_id', '=', workspaceId)
    .where('customer_id', '=', fromId)
    .execute();
}

export async function updateCustomerRow(db: Db, workspaceId: string, id: string, patch: Partial<CustomerRow>): Promise<void> {
  await db.updateTable('customers').set(patch).where('workspace_id', '=', workspaceId).where('id', '=', id).execute();
}

/** Tombstones that named `fromId` name `intoId` instead, so each one points at a customer still on file. */
export async function repointTombstones(db: Db, workspaceId: string, fromId: string, intoId: string): Promise<void> {
  await db
    .updateTable('customers')
    .set({ merged_into_id: intoId })
    .where('workspace_id', '=', workspaceId)
    .where('merged_into_id', '=', fromId)
    .execute();
}

export async function insertCustomerMerge(db: Db, row: Omit<CustomerMergeRow, 'id'>): Promise<CustomerMergeRow> {
  const full = { ...row, id: newId() };
  await db.insertInto('customer_merges').values(full).execute();
  return full;
}

/** The merges a customer took part in, either side, oldest first. */
export function mergesOfCustomer(db: Db, workspaceId: string, customerId: string): Promise<CustomerMergeRow[]> {
  return db
    .selectFrom('customer_merges')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where((eb) => eb.or([eb('from_customer_id', '=', customerId), eb('into_customer_id', '=', customerId)]))
    .orderBy('merged_at')
    .orderBy('id')
    .execute();
}

/** The names of these customers (tombstones too), for the merges a page lists. */
export async function customerNames(db: Db, workspaceId: string, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('customers')
    .select(['id', 'name'])
    .where('workspace_id', '=', workspaceId)
    .where('id', 'in', ids)
    .execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

/**
 * Customers still on file who are probably the same person as this one: the same name (letter case
 * aside), the same email (any case) or the same phone as written. Oldest first.
 */
export function likelyDuplicatesOf(db: Db, workspaceId: string, of: Pick<CustomerRow, 'id' | 'name' | 'email' | 'phone'>) {
  return db
    .selectFrom('customers')
    .select(['id', 'name', 'created_at'])
    .where('workspace_id', '=', workspaceId)
    .where('merged_into_id', 'is', null)
    .where('id', '!=', of.id)
    .where((eb) =>
      eb.or([
        eb(eb.fn('lower', ['name']), '=', of.name.trim().toLowerCase()),
        ...(of.email ? [eb(eb.fn('lower', ['email']), '=', of.email.toLowerCase())] : []),
        ...(of.phone ? [eb('phone', '=', of.phone)] : []),
      ]),
    )
    .orderBy('created_at')
    .orderBy('id')
    .limit(20)
    .execute();
}
