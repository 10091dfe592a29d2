import type { Db, UserRow } from './schema.js';

/** What a signed-in user brings to every permission decision, read in one place. */
export type UserFacts = { user: UserRow; teamIds: string[]; employeeId: string | null };

export async function loadUserFacts(db: Db, userId: string): Promise<UserFacts | undefined> {
  // One round trip: the user row once per team membership, with their employee record alongside.
  const rows = await db
    .selectFrom('users')
    .leftJoin('user_teams', 'user_teams.user_id', 'users.id')
    .leftJoin('employees', (join) =>
      join.onRef('employees.user_id', '=', 'users.id').onRef('employees.workspace_id', '=', 'users.workspace_id'),
    )
    .selectAll('users')
    .select(['user_teams.team_id as member_of', 'employees.id as employee_id'])
    .where('users.id', '=', userId)
    .orderBy('user_teams.team_id')
    .execute();
  return foldUserFacts(rows);
}

/** Folds "the user row once per team membership" into one user with their team ids. */
export function foldUserFacts(rows: (UserRow & { member_of: string | null; employee_id: string | null })[]): UserFacts | undefined {
  const first = rows[0];
  if (!first) return undefined;
  const { member_of: _team, employee_id: employeeId, ...user } = first;
  const teamIds = [...new Set(rows.map((r) => r.member_of).filter((t): t is string => t !== null))];
  return { user: user as UserRow, teamIds, employeeId: employeeId ?? null };
}

/** Team ids of many users at once, for lists. */
export async function teamIdsByUser(db: Db, workspaceId: string): Promise<Map<string, string[]>> {
  const rows = await db.selectFrom('user_teams').select(['user_id', 'team_id']).where('workspace_id', '=', workspaceId).execute();
  const out = new Map<string, string[]>();
  for (const r of rows) out.set(r.user_id, [...(out.get(r.user_id) ?? []), r.team_id]);
  return out;
}

export async function setUserTeams(db: Db, workspaceId: string, userId: string, teamIds: readonly string[]): Promise<void> {
  await db.deleteFrom('user_teams').where('workspace_id', '=', workspaceId).where('user_id', '=', userId).execute();
  if (teamIds.length > 0)
    await db
      .insertInto('user_teams')
      .values(teamIds.map((team_id) => ({ workspace_id: workspaceId, user_id: userId, team_id })))
      .execute();
}

export async function updateUserRow(db: Db, workspaceId: string, userId: string, patch: Partial<UserRow>): Promise<void> {
  await db.updateTable('users').set(patch).where('workspace_id', '=', workspaceId).where('id', '=', userId).execute();
}

export function findUserByInviteHash(db: Db, inviteHash: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('invite_token_hash', '=', inviteHash).executeTakeFirst();
}

export async function countActiveAdmins(db: Db, workspaceId: string): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('workspace_id', '=', workspaceId)
    .where('role', '=', 'admin')
    .where('deactivated_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * Active supervisors who lead the team, for escalations and approvals; when the team has none (or the
 * case has no team), the workspace's active admins, so an escalation always reaches someone.
 */
export async function supervisorsOf(db: Db, workspaceId: string, teamId: string | null): Promise<UserRow[]> {
  if (teamId !== null) {
    const leads = await db
      .selectFrom('users')
      .innerJoin('user_teams', 'user_teams.user_id', 'users.id')
      .selectAll('users')
      .where('users.workspace_id', '=', workspaceId)
      .where('user_teams.team_id', '=', teamId)
      .where('users.role', '=', 'supervisor')
      .where('users.deactivated_at', 'is', null)
      .orderBy('users.name')
      .execute();
    if (leads.length > 0) return leads;
  }
  return db
    .selectFrom('users')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('role', '=', 'admin')
    .where('deactivated_at', 'is', null)
    .orderBy('name')
    .execute();
}

/** Ids of the users in any of these teams. */
export async function userIdsInTeams(db: Db, workspaceId: string, teamIds: readonly string[]): Promise<string[]> {
  if (teamIds.length === 0) return [];
  const rows = await db
    .selectFrom('user_teams')
    .select('user_id')
    .distinct()
    .where('workspace_id', '=', workspaceId)
    .where('team_id', 'in', [...teamIds])
    .execute();
  return rows.map((r) => r.user_id);
}

/** The team ids of one user of a workspace. */
export async function teamIdsOf(db: Db, workspaceId: string, userId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('user_teams')
    .select('team_id')
    .where('workspace_id', '=', workspaceId)
    .where('user_id', '=', userId)
    .execute();
  return rows.map((r) => r.team_id);
}
