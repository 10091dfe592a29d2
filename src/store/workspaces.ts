import { DEFAULT_FOLLOW_UP_DELAYS } from '../domain/follow-through.js';
import { DEFAULT_SLA_TARGETS } from '../domain/sla.js';
import { newId } from './ids.js';
import type { Db, TeamRow, UserRow, WorkspaceRow } from './schema.js';

export async function insertWorkspace(
  db: Db,
  input: { name: string; slug: string; currency?: string | undefined; timeZone?: string | undefined },
  now: Date,
): Promise<WorkspaceRow> {
  const row: WorkspaceRow = {
    id: newId(),
    name: input.name,
    slug: input.slug,
    created_at: now.toISOString(),
    sla_preset: 'custom',
    follow_up_customer_minutes: DEFAULT_FOLLOW_UP_DELAYS.customer / 60_000,
    follow_up_employee_minutes: DEFAULT_FOLLOW_UP_DELAYS.employee / 60_000,
    time_zone: input.timeZone ?? 'UTC',
    currency: input.currency ?? 'EUR',
  };
  await db.insertInto('workspaces').values(row).execute();
  await db
    .insertInto('sla_targets')
    .values(
      DEFAULT_SLA_TARGETS.map((t) => ({
        workspace_id: row.id,
        severity: t.severity,
        acknowledge_minutes: t.acknowledgeMinutes,
        resolve_minutes: t.resolveMinutes,
      })),
    )
    .execute();
  return row;
}

export function findWorkspaceBySlug(db: Db, slug: string): Promise<WorkspaceRow | undefined> {
  return db.selectFrom('workspaces').selectAll().where('slug', '=', slug).executeTakeFirst();
}

export async function insertUser(
  db: Db,
  input: { workspaceId: string; email: string; name: string; role: string; passwordHash: string | null },
  now: Date,
): Promise<UserRow> {
  const row: UserRow = {
    id: newId(),
    workspace_id: input.workspaceId,
    email: input.email.toLowerCase(),
    name: input.name,
    role: input.role,
    password_hash: input.passwordHash,
    created_at: now.toISOString(),
    deactivated_at: null,
    invite_token_hash: null,
    invite_expires_at: null,
    password_changed_at: input.passwordHash ? now.toISOString() : null,
    authority_limit_minor: null,
  };
  await db.insertInto('users').values(row).execute();
  return row;
}

/** Users are looked up by email across workspaces only by trusted callers (CLI); routes always pass a workspace. */
export function findUsersByEmail(db: Db, email: string): Promise<UserRow[]> {
  return db.selectFrom('users').selectAll().where('email', '=', email.toLowerCase()).execute();
}

/** Several users of a workspace by id, in one query. */
export function findUsers(db: Db, workspaceId: string, ids: readonly string[]): Promise<UserRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('users')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', 'in', [...new Set(ids)])
    .execute();
}

export function findUser(db: Db, workspaceId: string, id: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
}

export function listUsers(db: Db, workspaceId: string): Promise<UserRow[]> {
  return db.selectFrom('users').selectAll().where('workspace_id', '=', workspaceId).orderBy('name').execute();
}

export async function insertTeam(db: Db, workspaceId: string, name: string, now: Date): Promise<TeamRow> {
  const row: TeamRow = { id: newId(), workspace_id: workspaceId, name, created_at: now.toISOString(), archived_at: null };
  await db.insertInto('teams').values(row).execute();
  return row;
}

export function listTeams(db: Db, workspaceId: string): Promise<TeamRow[]> {
  return db.selectFrom('teams').selectAll().where('workspace_id', '=', workspaceId).orderBy('name').execute();
}

/** Renames, archives or brings back a team. */
export async function updateTeamRow(db: Db, workspaceId: string, id: string, set: Partial<Pick<TeamRow, 'name' | 'archived_at'>>) {
  await db.updateTable('teams').set(set).where('workspace_id', '=', workspaceId).where('id', '=', id).execute();
}

export function findTeam(db: Db, workspaceId: string, id: string): Promise<TeamRow | undefined> {
  return db.selectFrom('teams').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
}

export function findWorkspace(db: Db, id: string): Promise<WorkspaceRow | undefined> {
  return db.selectFrom('workspaces').selectAll().where('id', '=', id).executeTakeFirst();
}
