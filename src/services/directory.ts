import { AppError, notFound } from '../domain/errors.js';
import { insertCustomer, insertEmployee, listCustomers, listEmployees } from '../store/people.js';
import type { TeamRow } from '../store/schema.js';
import { findTeam, insertTeam, listTeams, updateTeamRow } from '../store/workspaces.js';
import { caseScopeOf, listScope, requirePermission } from './authorization.js';
import { inTransaction, type ServiceContext } from './context.js';

const toTeamView = (t: TeamRow) => ({ id: t.id, name: t.name, createdAt: t.created_at, archivedAt: t.archived_at });

/** Every team, archived ones too: their cases keep showing under their names. */
export function listTeamsOf(ctx: ServiceContext) {
  requirePermission(ctx.actor, 'list', 'team');
  return listTeams(ctx.db, ctx.actor.workspaceId).then((rows) => rows.map(toTeamView));
}

async function assertNameFree(db: ServiceContext['db'], workspaceId: string, name: string, except?: string) {
  const existing = (await listTeams(db, workspaceId)).find((t) => t.id !== except && t.name.toLowerCase() === name.toLowerCase());
  if (existing) throw new AppError('conflict', `A team named "${existing.name}" already exists`);
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
    await assertNameFree(db, ctx.actor.workspaceId, name);
    return toTeamView(await insertTeam(db, ctx.actor.workspaceId, name, ctx.now));
  });
}

/**
 * Renames a team, or archives it (or brings it back). An archived team keeps its cases, members and
 * history; it only stops taking new cases, so pickers for new work leave it out.
 */
export async function updateTeam(ctx: ServiceContext, id: string, change: { name?: string | undefined; archived?: boolean | undefined }) {
  requirePermission(ctx.actor, 'update', 'team');
  const ws = ctx.actor.workspaceId;
  return inTransaction(ctx.db, async (db) => {
    const team = await findTeam(db, ws, id);
    if (!team) throw notFound('Team');
    const set: Partial<Pick<TeamRow, 'name' | 'archived_at'>> = {};
    if (change.name !== undefined && change.name !== team.name) {
      await assertNameFree(db, ws, change.name, team.id);
      set.name = change.name;
    }
    if (change.archived === true && team.archived_at === null) set.archived_at = ctx.now.toISOString();
    if (change.archived === false) set.archived_at = null;
    if (Object.keys(set).length > 0) await updateTeamRow(db, ws, team.id, set);
    return toTeamView({ ...team, ...set });
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
