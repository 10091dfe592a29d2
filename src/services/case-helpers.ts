import { AppError, notFound } from '../domain/errors.js';
import { findCaseByRef } from '../store/cases.js';
import { findCustomer, findEmployees } from '../store/people.js';
import type { CaseRow, Db } from '../store/schema.js';
import { findTeam, findUser } from '../store/workspaces.js';

/** Loads a case of the actor's workspace (locked for the rest of the transaction on PostgreSQL). */
export async function lockCase(db: Db, workspaceId: string, ref: string): Promise<CaseRow> {
  const row = await findCaseByRef(db, workspaceId, ref, true);
  if (!row) throw notFound(`Case ${ref}`);
  return row;
}

/** References to other records must point inside the same workspace; anything else reads as unknown. */
export async function assertRefs(
  db: Db,
  workspaceId: string,
  refs: {
    teamId?: string | null | undefined;
    userId?: string | null | undefined;
    customerId?: string | null | undefined;
    employeeIds?: string[] | undefined;
  },
): Promise<void> {
  const errors: { path: string; message: string }[] = [];
  if (refs.teamId && !(await findTeam(db, workspaceId, refs.teamId)))
    errors.push({ path: 'teamId', message: 'no such team in this workspace' });
  if (refs.userId && !(await findUser(db, workspaceId, refs.userId)))
    errors.push({ path: 'assigneeId', message: 'no such user in this workspace' });
  if (refs.customerId && !(await findCustomer(db, workspaceId, refs.customerId)))
    errors.push({ path: 'customerId', message: 'no such customer in this workspace' });
  if (refs.employeeIds?.length) {
    const found = new Set((await findEmployees(db, workspaceId, refs.employeeIds)).map((e) => e.id));
    refs.employeeIds.forEach((id, i) => {
      if (!found.has(id)) errors.push({ path: `employees.${i}.employeeId`, message: 'no such employee in this workspace' });
    });
  }
  if (errors.length > 0) throw new AppError('validation', errors.map((e) => `${e.path}: ${e.message}`).join('; '), errors);
}

export const toMinor = (amount: number): number => Math.round(amount * 100);
