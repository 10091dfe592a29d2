import { AppError, notFound } from '../domain/errors.js';
import { type Action, authorize, type Subject } from '../domain/permissions.js';
import { type CaseListScope, findCaseByRef, partyAccounts } from '../store/cases.js';
import { findCustomer, findEmployees } from '../store/people.js';
import type { CaseRow, Db } from '../store/schema.js';
import { supervisorsOf } from '../store/users.js';
import { findTeam, findUser } from '../store/workspaces.js';
import { forbidden } from './authorization.js';
import type { Actor } from './context.js';

/** The facts the permission table needs about a case: its team and everyone involved in it. */
export async function caseSubject(db: Db, row: CaseRow): Promise<Subject> {
  const parties = await partyAccounts(db, row.workspace_id, row.id);
  const involved = [row.reporter_id, row.assignee_id, ...parties.map((p) => p.userId)].filter((id): id is string => id !== null);
  return { teamIds: [row.team_id], involvedUserIds: involved };
}

/**
 * Loads a case the actor may see and act on. A case they may not read answers 404 exactly like one
 * that does not exist, so references cannot be probed; one they may read but not change answers 403.
 * With `lock`, the row stays locked for the rest of the transaction on PostgreSQL.
 */
export async function loadCase(
  db: Db,
  actor: Actor,
  ref: string,
  action: Action = 'read',
  lock = false,
): Promise<{ row: CaseRow; subject: Subject }> {
  const row = await findCaseByRef(db, actor.workspaceId, ref, lock);
  if (!row) throw notFound(`Case ${ref}`);
  const subject = await caseSubject(db, row);
  if (!authorize(actor, 'read', 'case', subject)) throw notFound(`Case ${ref}`);
  if (action !== 'read' && !authorize(actor, action, 'case', subject))
    throw forbidden(actor, action, 'case', { ask: await whomToAsk(db, row, actor) });
  return { row, subject };
}

/**
 * Whom to ask about a case one may not change: the supervisors of its team (its admins when it has
 * none), never the one asking.
 */
export async function whomToAsk(db: Db, row: CaseRow, actor: Actor): Promise<string[]> {
  return (await supervisorsOf(db, row.workspace_id, row.team_id)).filter((u) => u.id !== actor.userId).map((u) => u.name);
}

/** Loads and locks a case for a change the actor must be allowed to make. */
export async function lockCase(db: Db, actor: Actor, ref: string, action: Action): Promise<CaseRow> {
  return (await loadCase(db, actor, ref, action, true)).row;
}

/** References to other records must point inside the same workspace; anything else reads as unknown. */
export async function assertRefs(
  db: Db,
  workspaceId: string,
  refs: {
    teamId?: string | null | undefined;
    userId?: string | null | undefined;
    customerId?: string | null | undefined;
    /** Which customers the caller may name: those of the cases in this scope (undefined: any). */
    customerScope?: CaseListScope | undefined;
    employeeIds?: string[] | undefined;
  },
): Promise<void> {
  const errors: { path: string; message: string }[] = [];
  const team = refs.teamId ? await findTeam(db, workspaceId, refs.teamId) : undefined;
  if (refs.teamId && !team) errors.push({ path: 'teamId', message: 'no such team in this workspace' });
  // An archived team keeps the cases it has but takes no new ones.
  if (team?.archived_at) errors.push({ path: 'teamId', message: `${team.name} is archived and takes no new cases` });
  if (refs.userId && !(await findUser(db, workspaceId, refs.userId)))
    errors.push({ path: 'assigneeId', message: 'no such user in this workspace' });
  // A customer the caller may not find reads as unknown, so naming ids cannot probe for them.
  if (refs.customerId && !(await findCustomer(db, workspaceId, refs.customerId, refs.customerScope)))
    errors.push({ path: 'customerId', message: 'no such customer in this workspace' });
  if (refs.employeeIds?.length) {
    const found = new Set((await findEmployees(db, workspaceId, refs.employeeIds)).map((e) => e.id));
    refs.employeeIds.forEach((id, i) => {
      if (!found.has(id)) errors.push({ path: `employees.${i}.employeeId`, message: 'no such employee in this workspace' });
    });
  }
  if (errors.length > 0) throw new AppError('validation', errors.map((e) => `${e.path}: ${e.message}`).join('; '), errors);
}
