import { AppError, invalid, notFound } from '../domain/errors.js';
import type { Role } from '../domain/permissions.js';
import { insertOutboxEvents } from '../store/event-outbox.js';
import { queueEmail } from '../store/outbox.js';
import { findEmployees, insertEmployee, linkEmployeeToUser } from '../store/people.js';
import type { Db, UserRow } from '../store/schema.js';
import { deleteUserSessions } from '../store/sessions.js';
import { countActiveAdmins, setUserTeams, teamIdsByUser, updateUserRow } from '../store/users.js';
import { findUser, findWorkspace, insertUser, listTeams, listUsers as listUserRows } from '../store/workspaces.js';
import { hashToken, newSecret } from './accounts.js';
import { requirePermission } from './authorization.js';
import { inTransaction, type ServiceContext } from './context.js';
import { invitationEmail } from './emails/account-emails.js';

export type UserView = {
  id: string;
  email: string;
  name: string;
  role: Role;
  teamIds: string[];
  active: boolean;
  invitePending: boolean;
  createdAt: string;
};

const INVITE_TTL_MS = 7 * 24 * 3600_000;

function toUserView(u: UserRow, teamIds: string[]): UserView {
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    role: u.role as Role,
    teamIds,
    active: u.deactivated_at === null,
    invitePending: u.password_hash === null && u.invite_token_hash !== null,
    createdAt: u.created_at,
  };
}

/** Everyone with an account in the workspace, with their teams. */
export async function listUsers(ctx: ServiceContext): Promise<UserView[]> {
  requirePermission(ctx.actor, 'list', 'user');
  const ws = ctx.actor.workspaceId;
  const [rows, teams] = await Promise.all([listUserRows(ctx.db, ws), teamIdsByUser(ctx.db, ws)]);
  return rows.map((u) => toUserView(u, teams.get(u.id) ?? []));
}

async function assertTeams(db: Db, workspaceId: string, teamIds: readonly string[]): Promise<void> {
  const known = new Set((await listTeams(db, workspaceId)).map((t) => t.id));
  teamIds.forEach((id, i) => {
    if (!known.has(id)) throw invalid(`teamIds.${i}`, 'no such team in this workspace');
  });
}

export type InviteInput = { email: string; name: string; role: Role; teamIds: string[]; employeeId?: string | null | undefined };

/**
 * Creates an account that the person activates by choosing a password through a one-time link
 * (valid 7 days). Front-line staff and supervisors are also people who can be party to a case, so
 * they get an employee record unless an existing one is linked.
 */
export async function inviteUser(ctx: ServiceContext, input: InviteInput): Promise<{ user: UserView; inviteToken: string }> {
  requirePermission(ctx.actor, 'create', 'user');
  const ws = ctx.actor.workspaceId;
  const inviteToken = newSecret();
  return inTransaction(ctx.db, async (db) => {
    await assertTeams(db, ws, input.teamIds);
    const email = input.email.toLowerCase();
    if ((await listUserRows(db, ws)).some((u) => u.email === email)) throw new AppError('conflict', `${email} already has an account here`);
    const user = await insertUser(db, { workspaceId: ws, email, name: input.name, role: input.role, passwordHash: null }, ctx.now);
    const invite = {
      invite_token_hash: hashToken(inviteToken),
      invite_expires_at: new Date(ctx.now.getTime() + INVITE_TTL_MS).toISOString(),
    };
    await updateUserRow(db, ws, user.id, invite);
    await setUserTeams(db, ws, user.id, input.teamIds);
    if (input.employeeId) {
      const [employee] = await findEmployees(db, ws, [input.employeeId]);
      if (!employee) throw invalid('employeeId', 'no such employee in this workspace');
      if (employee.user_id) throw invalid('employeeId', 'this employee already has an account');
      await linkEmployeeToUser(db, ws, employee.id, user.id);
    } else if (input.role === 'employee' || input.role === 'supervisor') {
      await insertEmployee(db, { workspaceId: ws, name: input.name, email, teamId: input.teamIds[0] ?? null, userId: user.id }, ctx.now);
    }
    // Others may react to a new colleague (live updates tell the admins' user lists today).
    await insertOutboxEvents(db, [
      {
        workspaceId: ws,
        kind: 'user_invited',
        caseId: null,
        actorId: ctx.actor.userId,
        at: ctx.now.toISOString(),
        data: { userId: user.id, role: input.role },
      },
    ]);
    await mailInvitation(ctx, db, user, inviteToken, invite.invite_expires_at);
    return { user: toUserView({ ...user, ...invite }, [...input.teamIds]), inviteToken };
  });
}

/** Sends the invitation link by mail (queued with the change that made it, so a rolled-back invite sends nothing). */
async function mailInvitation(ctx: ServiceContext, db: Db, user: UserRow, token: string, expiresAt: string): Promise<void> {
  const [inviter, workspace] = await Promise.all([findUser(db, user.workspace_id, ctx.actor.userId), findWorkspace(db, user.workspace_id)]);
  const mail = invitationEmail({
    name: user.name,
    inviter: inviter?.name ?? 'A colleague',
    workspace: workspace?.name ?? 'your workspace',
    url: `${ctx.publicUrl ?? ''}/invite/${token}`,
    expiresAt,
  });
  await queueEmail(db, { workspaceId: user.workspace_id, kind: 'invitation', to: user.email, ...mail }, ctx.now);
}

/** A fresh invitation link for an account that has not chosen a password yet (the old link stops working). */
export async function reissueInvite(ctx: ServiceContext, userId: string): Promise<{ user: UserView; inviteToken: string }> {
  requirePermission(ctx.actor, 'update', 'user');
  const ws = ctx.actor.workspaceId;
  const user = await findUser(ctx.db, ws, userId);
  if (!user) throw notFound(`User ${userId}`);
  if (user.password_hash !== null) throw new AppError('conflict', `${user.email} has already set a password`);
  if (user.deactivated_at !== null) throw new AppError('conflict', `${user.email} is deactivated; reactivate the account first`);
  const inviteToken = newSecret();
  const invite = {
    invite_token_hash: hashToken(inviteToken),
    invite_expires_at: new Date(ctx.now.getTime() + INVITE_TTL_MS).toISOString(),
  };
  await inTransaction(ctx.db, async (db) => {
    await updateUserRow(db, ws, user.id, invite);
    await mailInvitation(ctx, db, user, inviteToken, invite.invite_expires_at);
  });
  const teams = await teamIdsByUser(ctx.db, ws);
  return { user: toUserView({ ...user, ...invite }, teams.get(user.id) ?? []), inviteToken };
}

export type UserPatch = {
  name?: string | undefined;
  role?: Role | undefined;
  teamIds?: string[] | undefined;
  active?: boolean | undefined;
};

/**
 * Changes an account. Deactivating ends its sessions at once and its API tokens stop working; the
 * last active admin can be neither demoted nor deactivated, so a workspace is never left without one.
 */
export async function updateUser(ctx: ServiceContext, userId: string, patch: UserPatch): Promise<UserView> {
  requirePermission(ctx.actor, 'update', 'user');
  const ws = ctx.actor.workspaceId;
  return inTransaction(ctx.db, async (db) => {
    const user = await findUser(db, ws, userId);
    if (!user) throw notFound(`User ${userId}`);
    const losesAdmin =
      user.role === 'admin' && user.deactivated_at === null && ((patch.role && patch.role !== 'admin') || patch.active === false);
    if (losesAdmin && (await countActiveAdmins(db, ws)) <= 1) {
      throw new AppError('conflict', 'This is the last active admin of the workspace; make someone else admin first');
    }
    const set: Partial<UserRow> = {};
    if (patch.name !== undefined) set.name = patch.name;
    if (patch.role !== undefined) set.role = patch.role;
    if (patch.active === false && user.deactivated_at === null) set.deactivated_at = ctx.now.toISOString();
    if (patch.active === true) set.deactivated_at = null;
    if (Object.keys(set).length > 0) await updateUserRow(db, ws, user.id, set);
    if (set.deactivated_at) await deleteUserSessions(db, user.id);
    if (patch.teamIds !== undefined) {
      await assertTeams(db, ws, patch.teamIds);
      await setUserTeams(db, ws, user.id, patch.teamIds);
    }
    const teams = await teamIdsByUser(db, ws);
    return toUserView({ ...user, ...set }, teams.get(user.id) ?? []);
  });
}
