import { type CaseListScope, caseInScope } from './cases.js';
import { newId } from './ids.js';
import { commitToCustomer } from './personal-data.js';
import type { CustomerRow, Db, EmployeeRow } from './schema.js';

export async function insertEmployee(
  db: Db,
  input: {
    workspaceId: string;
    name: string;
    email?: string | null | undefined;
    teamId?: string | null | undefined;
    userId?: string | null | undefined;
  },
  now: Date,
): Promise<EmployeeRow> {
  const row: EmployeeRow = {
    id: newId(),
    workspace_id: input.workspaceId,
    team_id: input.teamId ?? null,
    user_id: input.userId ?? null,
    name: input.name,
    email: input.email ?? null,
    created_at: now.toISOString(),
  };
  await db.insertInto('employees').values(row).execute();
  return row;
}

export function listEmployees(db: Db, workspaceId: string): Promise<EmployeeRow[]> {
  return db.selectFrom('employees').selectAll().where('workspace_id', '=', workspaceId).orderBy('name').execute();
}

export function findEmployees(db: Db, workspaceId: string, ids: readonly string[]): Promise<EmployeeRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('employees').selectAll().where('workspace_id', '=', workspaceId).where('id', 'in', ids).execute();
}

export async function insertCustomer(
  db: Db,
  input: { workspaceId: string; name: string; email?: string | null | undefined; phone?: string | null | undefined },
  now: Date,
): Promise<CustomerRow> {
  const row = newCustomerRow(input, now.toISOString());
  row.details_digest = await commitToCustomer(db, row);
  await db.insertInto('customers').values(row).execute();
  return row;
}

/** A customer row not yet written, with no commitment to its details yet. */
export function newCustomerRow(
  input: { workspaceId: string; name: string; email?: string | null | undefined; phone?: string | null | undefined },
  createdAt: string,
): CustomerRow {
  return {
    id: newId(),
    workspace_id: input.workspaceId,
    name: input.name,
    email: input.email ?? null,
    phone: input.phone ?? null,
    created_at: createdAt,
    flagged_at: null,
    flag_reason: null,
    details_digest: null,
    erased_at: null,
    merged_into_id: null,
    merged_at: null,
    flag_expires_at: null,
  };
}

/**
 * Customers of the workspace still on file (a duplicate merged into another is a tombstone, not a
 * customer to find or name); with a scope, only customers of the cases within it.
 */
function customers(db: Db, workspaceId: string, scope: CaseListScope | undefined) {
  return db
    .selectFrom('customers')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('merged_into_id', 'is', null)
    .$if(scope !== undefined, (q) =>
      q.where('id', 'in', (eb) =>
        eb
          .selectFrom('cases')
          .select('cases.customer_id')
          .where('cases.workspace_id', '=', workspaceId)
          .where((c) => caseInScope(c, workspaceId, scope as CaseListScope)),
      ),
    );
}

export function findCustomer(db: Db, workspaceId: string, id: string, scope?: CaseListScope): Promise<CustomerRow | undefined> {
  return customers(db, workspaceId, scope).where('id', '=', id).executeTakeFirst();
}

/**
 * The customer whose details are exactly these (name as written, email in any case, phone as
 * written; a detail left out must be missing there too), oldest first when there are several.
 */
export function findCustomerByDetails(
  db: Db,
  workspaceId: string,
  details: { name: string; email?: string | null | undefined; phone?: string | null | undefined },
): Promise<CustomerRow | undefined> {
  const email = details.email ?? null;
  const phone = details.phone ?? null;
  return customers(db, workspaceId, undefined)
    .where('name', '=', details.name)
    .where((eb) => (email === null ? eb('email', 'is', null) : eb(eb.fn('lower', ['email']), '=', email.toLowerCase())))
    .where((eb) => (phone === null ? eb('phone', 'is', null) : eb('phone', '=', phone)))
    .orderBy('created_at')
    .orderBy('id')
    .executeTakeFirst();
}

export function listCustomers(db: Db, workspaceId: string, scope?: CaseListScope): Promise<CustomerRow[]> {
  return customers(db, workspaceId, scope).orderBy('name').execute();
}

export async function linkEmployeeToUser(db: Db, workspaceId: string, employeeId: string, userId: string): Promise<void> {
  await db.updateTable('employees').set({ user_id: userId }).where('workspace_id', '=', workspaceId).where('id', '=', employeeId).execute();
}

/** The cases an employee is named on, newest first, with their role on each: the raw material of their history. */
export function casesOfEmployee(db: Db, workspaceId: string, employeeId: string) {
  return db
    .selectFrom('case_parties')
    .innerJoin('cases', 'cases.id', 'case_parties.case_id')
    .select([
      'cases.ref',
      'cases.title',
      'cases.status',
      'cases.severity',
      'cases.team_id',
      'cases.reported_at',
      'cases.customer_state',
      'cases.impact_amount_minor',
      'cases.impact_currency',
      'cases.impact_kind',
      'case_parties.role',
    ])
    .where('case_parties.workspace_id', '=', workspaceId)
    .where('case_parties.employee_id', '=', employeeId)
    .orderBy('cases.reported_at', 'desc')
    .execute();
}

/** The employee record of each user who has one, for permission decisions about many people at once. */
export async function employeeIdsByUser(db: Db, workspaceId: string): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom('employees')
    .select(['id', 'user_id'])
    .where('workspace_id', '=', workspaceId)
    .where('user_id', 'is not', null)
    .execute();
  return new Map(rows.map((r) => [r.user_id as string, r.id]));
}
