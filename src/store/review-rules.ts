import { sql } from 'kysely';
import { isPostgres } from './db.js';
import { newId } from './ids.js';
import type { Db, ReviewFlagRow, ReviewRuleRow } from './schema.js';

export function listRuleRows(db: Db, workspaceId: string): Promise<ReviewRuleRow[]> {
  return db.selectFrom('review_rules').selectAll().where('workspace_id', '=', workspaceId).orderBy('created_at').orderBy('id').execute();
}

export function findRuleRow(db: Db, workspaceId: string, id: string): Promise<ReviewRuleRow | undefined> {
  return db.selectFrom('review_rules').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
}

export async function insertRuleRow(db: Db, row: Omit<ReviewRuleRow, 'id'>): Promise<ReviewRuleRow> {
  const full = { id: newId(), ...row };
  await db.insertInto('review_rules').values(full).execute();
  return full;
}

export async function updateRuleRow(db: Db, workspaceId: string, id: string, patch: Partial<ReviewRuleRow>): Promise<void> {
  await db.updateTable('review_rules').set(patch).where('workspace_id', '=', workspaceId).where('id', '=', id).execute();
}

/** Workspaces that have cases, for the periodic evaluation. */
export async function workspaceIdsWithCases(db: Db): Promise<string[]> {
  // One probe of a cases index per workspace: the distinct workspaces of the cases table walked every case.
  const rows = await db
    .selectFrom('workspaces')
    .select('id')
    .where((eb) => eb.exists(eb.selectFrom('cases').select('cases.id').whereRef('cases.workspace_id', '=', 'workspaces.id')))
    .orderBy('id')
    .execute();
  return rows.map((r) => r.id);
}

export function listFlagRows(db: Db, workspaceId: string, status?: ReviewFlagRow['status']): Promise<ReviewFlagRow[]> {
  return db
    .selectFrom('review_flags')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .$if(status !== undefined, (q) => q.where('status', '=', status as ReviewFlagRow['status']))
    .orderBy('raised_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

export function findFlagRow(db: Db, workspaceId: string, id: string): Promise<ReviewFlagRow | undefined> {
  return db.selectFrom('review_flags').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
}

/**
 * Holds the employee's row until the transaction ends (PostgreSQL; SQLite runs one writer at a
 * time): two checks of one employee at once — the hourly pass and a case closing — then take turns,
 * and the second sees the flag the first raised instead of raising it again.
 */
export async function lockEmployeeForFlags(db: Db, workspaceId: string, employeeId: string): Promise<void> {
  if (isPostgres(db)) await sql`select id from employees where workspace_id = ${workspaceId} and id = ${employeeId} for update`.execute(db);
}

/** Holds the workspace's row until the transaction ends (PostgreSQL): its first readers write the default rule in turn, so once. */
export async function lockWorkspaceForRules(db: Db, workspaceId: string): Promise<void> {
  if (isPostgres(db)) await sql`select id from workspaces where id = ${workspaceId} for update`.execute(db);
}

/** The newest flag of this rule for this employee, to avoid raising the same one twice. */
export function latestFlagOf(db: Db, workspaceId: string, ruleId: string, employeeId: string): Promise<ReviewFlagRow | undefined> {
  return db
    .selectFrom('review_flags')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('rule_id', '=', ruleId)
    .where('employee_id', '=', employeeId)
    .orderBy('raised_at', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst();
}

export async function insertFlagRow(db: Db, row: Omit<ReviewFlagRow, 'id'>): Promise<ReviewFlagRow> {
  const full = { id: newId(), ...row };
  await db.insertInto('review_flags').values(full).execute();
  return full;
}

/** Decides a pending flag; false when someone else decided it first. */
export async function decideFlagRow(db: Db, workspaceId: string, id: string, patch: Partial<ReviewFlagRow>): Promise<boolean> {
  const res = await db
    .updateTable('review_flags')
    .set(patch)
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}
