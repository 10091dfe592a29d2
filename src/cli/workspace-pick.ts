import { loadActor } from '../services/accounts.js';
import type { Actor } from '../services/context.js';
import type { Db } from '../store/schema.js';
import { findWorkspaceBySlug, listTeams } from '../store/workspaces.js';
import { CliError } from './cli-error.js';

/** The workspace a command works on: the one named, or the only one there is. */
export async function pickWorkspace(db: Db, slug: string | undefined): Promise<string> {
  if (slug) {
    const w = await findWorkspaceBySlug(db, slug);
    if (!w) throw new CliError(`No workspace "${slug}"`, 2);
    return w.id;
  }
  const all = await db.selectFrom('workspaces').select(['id', 'slug']).orderBy('created_at').execute();
  if (all.length === 1 && all[0]) return all[0].id;
  if (all.length === 0) throw new CliError('No workspace yet: create one with `defuse init` or `defuse demo`', 1);
  throw new CliError(`Several workspaces: name one with --workspace (${all.map((w) => w.slug).join(', ')})`, 2);
}

/** A team of the workspace by name (any case) or id. */
export async function pickTeam(db: Db, workspaceId: string, team: string): Promise<string> {
  const teams = await listTeams(db, workspaceId);
  const found = teams.find((t) => t.id === team || t.name.toLowerCase() === team.toLowerCase());
  if (!found) throw new CliError(`No team "${team}" (teams: ${teams.map((t) => t.name).join(', ')})`, 2);
  return found.id;
}

/**
 * Who a command acts as: the workspace's first active admin. Whoever runs the CLI already holds the
 * database, so it acts with the widest role, but still through the services and their rules.
 */
export async function workspaceAdmin(db: Db, workspaceId: string): Promise<Actor> {
  const admin = await db
    .selectFrom('users')
    .select('id')
    .where('workspace_id', '=', workspaceId)
    .where('role', '=', 'admin')
    .where('deactivated_at', 'is', null)
    .orderBy('created_at')
    .executeTakeFirst();
  const actor = admin ? await loadActor(db, admin.id) : undefined;
  if (!actor) throw new CliError('The workspace has no active admin to act as', 1);
  return actor;
}
