import { AppError } from '../domain/errors.js';
import { insertCustomer, insertEmployee, listCustomers, listEmployees } from '../store/people.js';
import { findTeam, insertTeam, listTeams, listUsers } from '../store/workspaces.js';
import { inTransaction, type ServiceContext } from './context.js';

/** Read side of the workspace directory, already presented. */
export function directory(ctx: ServiceContext) {
  const ws = ctx.actor.workspaceId;
  return {
    teams: async () => (await listTeams(ctx.db, ws)).map((t) => ({ id: t.id, name: t.name, createdAt: t.created_at })),
    employees: async () =>
      (await listEmployees(ctx.db, ws)).map((e) => ({ id: e.id, name: e.name, email: e.email, teamId: e.team_id, userId: e.user_id })),
    customers: async () => (await listCustomers(ctx.db, ws)).map((c) => ({ id: c.id, name: c.name, email: c.email, phone: c.phone })),
    users: async () => (await listUsers(ctx.db, ws)).map((u) => ({ id: u.id, name: u.name, email: u.email, role: u.role })),
  };
}

export function createTeam(ctx: ServiceContext, name: string) {
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
  const c = await insertCustomer(ctx.db, { workspaceId: ctx.actor.workspaceId, ...input }, ctx.now);
  return { id: c.id, name: c.name, email: c.email, phone: c.phone };
}
