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
