import type { Db, SavedReplyRow } from './schema.js';

export async function insertSavedReply(db: Db, row: SavedReplyRow): Promise<void> {
  await db.insertInto('saved_replies').values(row).execute();
}

export function findSavedReply(db: Db, workspaceId: string, id: string): Promise<SavedReplyRow | undefined> {
  return db.selectFrom('saved_replies').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
}

/** The workspace's saved replies and those of some teams (undefined: every team's), by title. */
export function listSavedReplyRows(db: Db, workspaceId: string, teamIds: readonly string[] | undefined): Promise<SavedReplyRow[]> {
  return db
    .selectFrom('saved_replies')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .$if(teamIds !== undefined, (q) =>
      q.where((eb) =>
        eb.or([eb('team_id', 'is', null), ...((teamIds ?? []).length > 0 ? [eb('team_id', 'in', teamIds as string[])] : [])]),
      ),
    )
    .orderBy('title')
    .orderBy('id')
    .execute();
}

export async function updateSavedReply(db: Db, workspaceId: string, id: string, patch: Partial<SavedReplyRow>): Promise<void> {
  await db.updateTable('saved_replies').set(patch).where('workspace_id', '=', workspaceId).where('id', '=', id).execute();
}

export async function deleteSavedReply(db: Db, workspaceId: string, id: string): Promise<void> {
  await db.deleteFrom('saved_replies').where('workspace_id', '=', workspaceId).where('id', '=', id).execute();
}
