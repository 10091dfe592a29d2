import { sql } from 'kysely';
import type { Db, SavedViewRow } from './schema.js';

export async function insertSavedView(db: Db, row: SavedViewRow): Promise<void> {
  await db.insertInto('saved_views').values(row).execute();
}

export function findSavedView(db: Db, workspaceId: string, id: string): Promise<SavedViewRow | undefined> {
  return db.selectFrom('saved_views').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
}

/** A person's own views and those shared with their teams (undefined teams: every shared view), by name. */
export function listSavedViewRows(db: Db, workspaceId: string, ownerId: string, teamIds: readonly string[] | undefined) {
  return db
    .selectFrom('saved_views')
    .leftJoin('users', 'users.id', 'saved_views.owner_id')
    .leftJoin('teams', 'teams.id', 'saved_views.team_id')
    .selectAll('saved_views')
    .select(['users.name as owner_name', 'teams.name as team_name'])
    .where('saved_views.workspace_id', '=', workspaceId)
    .where((eb) =>
      eb.or([
        eb('saved_views.owner_id', '=', ownerId),
        teamIds === undefined
          ? eb('saved_views.team_id', 'is not', null)
          : teamIds.length > 0
            ? eb('saved_views.team_id', 'in', teamIds as string[])
            : sql<boolean>`1 = 0`,
      ]),
    )
    .orderBy('saved_views.name')
    .orderBy('saved_views.id')
    .execute();
}

export async function deleteSavedView(db: Db, workspaceId: string, id: string): Promise<void> {
  await db.deleteFrom('saved_views').where('workspace_id', '=', workspaceId).where('id', '=', id).execute();
}
