import { AppError } from '../domain/errors.js';
import { insertCustomer, insertEmployee, listCustomers, listEmployees } from '../store/people.js';
import { findTeam, insertTeam, listTeams } from '../store/workspaces.js';
import { caseScopeOf, listScope, requirePermission } from './authorization.js';
import { inTransaction, type ServiceContext } from './context.js';

export function listTeamsOf(ctx: ServiceContext) {
  requirePermission(ctx.actor, 'list', 'team');
  return listTeams(ctx.db, ctx.actor.workspaceId).then((rows) => rows.map((t) => ({ id: t.id, name: t.name, createdAt: t.created_at })));
}

export async function listEmployeesOf(ctx: ServiceContext) {
  requirePermission(ctx.actor, 'list', 'employee');
  const rows = await listEmployees(ctx.db, ctx.actor.workspaceId);
  return rows.map((e) => ({ id: e.id, name: e.name, email: e.email, teamId: e.team_id, userId: e.user_id }));
}

/**
 * The customers the actor may find, with contact details only where they may see them. Front-line
 * staff find only the customers of cases they may read, so the directory never hands them the id of
 * a stranger to name on a case of their own.
 */
export async function listCustomersOf(ctx: ServiceContext) {
  requirePermission(ctx.actor, 'list', 'customer');
  const ws = ctx.actor.workspaceId;
  const contactScope = listScope(ctx.actor, 'customer_contact');
  const [rows, withContact] = await Promise.all([
    listCustomers(ctx.db, ws, caseScopeOf(listScope(ctx.actor, 'customer'))),
    contactScope.all ? undefined : listCustomers(ctx.db, ws, caseScopeOf(contactScope)),
  ]);
  const contactIds = withContact && new Set(withContact.map((c) => c.id));
  return rows.map((c) => {
    const contact = contactIds === undefined || contactIds.has(c.id);
    return { id: c.id, name: c.name, email: contact ? c.email : null, phone: contact ? c.phone : null, contactHidden: !contact };
  });
}

export function createTeam(ctx: ServiceContext, name: string) {
  requirePermission(ctx.actor, 'create', 'team');
  return inTransaction(ctx.db, async (db) => {
    const existing = (await listTeams(db, ctx.actor.workspaceId)).find((t) => t.name.toLowerCase() === name.toLowerCase());
    if (existing) throw new AppError('conflict', `A team named "${existing.name}" already exists`);
    const t = await insertTeam(db, ctx.actor.workspaceId, name, ctx.now);
    return { id: t.id, name: t.name, createdAt: t.created_at };
  });
}

export function createEmployee(
  ctx: ServiceContext,
  input: { name: string; email?: string | null | undefined; teamId?: string | null | undefined },
) {
  requirePermission(ctx.actor, 'create', 'employee');
  return inTransaction(ctx.db, async (db) => {
    if (input.teamId && !(await findTeam(db, ctx.actor.workspaceId, input.teamId))) {
      throw new AppError('validation', 'teamId: no such team in this workspace', [
        { path: 'teamId', message: 'no such team in this workspace' },
      ]);
    }
    const e = await insertEmployee(db, { workspaceId: ctx.actor.workspaceId, ...input }, ctx.now);
    return { id: e.id, name: e.name, email: e.email, teamId: e.team_id, userId: e.user_id };
  });
}

export async function createCustomer(
  ctx: ServiceContext,
  input: { name: string; email?: string | null | undefined; phone?: string | null | undefined },
) {
  requirePermission(ctx.actor, 'create', 'customer');
  const c = await insertCustomer(ctx.db, { workspaceId: ctx.actor.workspaceId, ...input }, ctx.now);
  return { id: c.id, name: c.name, email: c.email, phone: c.phone, contactHidden: false };
}
