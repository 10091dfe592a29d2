import { newId } from './ids.js';
import type { CustomerRow, Db, EmployeeRow } from './schema.js';

export async function insertEmployee(
  db: Db,
  input: { workspaceId: string; name: string; email?: string | null; teamId?: string | null; userId?: string | null },
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
  input: { workspaceId: string; name: string; email?: string | null; phone?: string | null },
  now: Date,
): Promise<CustomerRow> {
  const row: CustomerRow = {
    id: newId(),
    workspace_id: input.workspaceId,
    name: input.name,
    email: input.email ?? null,
    phone: input.phone ?? null,
    created_at: now.toISOString(),
    flagged_at: null,
    flag_reason: null,
  };
  await db.insertInto('customers').values(row).execute();
  return row;
}

export function findCustomer(db: Db, workspaceId: string, id: string): Promise<CustomerRow | undefined> {
  return db.selectFrom('customers').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
}

export function listCustomers(db: Db, workspaceId: string): Promise<CustomerRow[]> {
  return db.selectFrom('customers').selectAll().where('workspace_id', '=', workspaceId).orderBy('name').execute();
}

export async function linkEmployeeToUser(db: Db, workspaceId: string, employeeId: string, userId: string): Promise<void> {
  await db.updateTable('employees').set({ user_id: userId }).where('workspace_id', '=', workspaceId).where('id', '=', employeeId).execute();
}

/** Customers of the cases a user reported, handles or is party to: the ones whose contact details they may see. */
export async function customerIdsInvolving(db: Db, workspaceId: string, userId: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom('cases')
    .select('customer_id')
    .distinct()
    .where('workspace_id', '=', workspaceId)
    .where('customer_id', 'is not', null)
    .where((eb) =>
      eb.or([
        eb('reporter_id', '=', userId),
        eb('assignee_id', '=', userId),
        eb(
          'id',
          'in',
          eb
            .selectFrom('case_parties')
            .innerJoin('employees', 'employees.id', 'case_parties.employee_id')
            .select('case_parties.case_id')
            .where('employees.user_id', '=', userId),
        ),
      ]),
    )
    .execute();
  return new Set(rows.map((r) => r.customer_id as string));
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
