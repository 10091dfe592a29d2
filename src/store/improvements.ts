import { uuidv7 } from 'uuidv7';
import type { Db, ImprovementLinkRow, ImprovementRow } from './schema.js';

/** The improvement backlog and its links; every function is scoped to one workspace. */

export async function listImprovementRows(
  db: Db,
  workspaceId: string,
  statuses?: readonly ImprovementRow['status'][],
): Promise<ImprovementRow[]> {
  let q = db.selectFrom('improvements').selectAll().where('workspace_id', '=', workspaceId);
  if (statuses?.length) q = q.where('status', 'in', [...statuses]);
  return q.orderBy('updated_at', 'desc').orderBy('id', 'desc').execute();
}

export async function findImprovementRow(db: Db, workspaceId: string, id: string): Promise<ImprovementRow | undefined> {
  return db.selectFrom('improvements').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
}

export async function insertImprovementRow(
  db: Db,
  row: Pick<ImprovementRow, 'workspace_id' | 'title' | 'description' | 'owner_id' | 'created_by'>,
  now: Date,
): Promise<ImprovementRow> {
  const full: ImprovementRow = {
    ...row,
    id: uuidv7(),
    status: 'proposed',
    drop_reason: null,
    created_at: now.toISOString(),
    updated_at: now.toISOString(),
    done_at: null,
  };
  await db.insertInto('improvements').values(full).execute();
  return full;
}

export async function updateImprovementRow(
  db: Db,
  workspaceId: string,
  id: string,
  set: Partial<Omit<ImprovementRow, 'id' | 'workspace_id' | 'created_at'>>,
  now: Date,
): Promise<void> {
  await db
    .updateTable('improvements')
    .set({ ...set, updated_at: now.toISOString() })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .execute();
}

export async function listLinkRows(db: Db, workspaceId: string, improvementIds: readonly string[]): Promise<ImprovementLinkRow[]> {
  if (improvementIds.length === 0) return [];
  return db
    .selectFrom('improvement_links')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('improvement_id', 'in', [...improvementIds])
    .orderBy('created_at')
    .execute();
}

/** Replaces the links of one kind of an improvement with the targets given. */
export async function setLinks(
  db: Db,
  workspaceId: string,
  improvementId: string,
  kind: ImprovementLinkRow['kind'],
  targetIds: readonly string[],
  now: Date,
): Promise<void> {
  await db
    .deleteFrom('improvement_links')
    .where('workspace_id', '=', workspaceId)
    .where('improvement_id', '=', improvementId)
    .where('kind', '=', kind)
    .execute();
  const unique = [...new Set(targetIds)];
  if (unique.length === 0) return;
  await db
    .insertInto('improvement_links')
    .values(
      unique.map((target_id) => ({
        workspace_id: workspaceId,
        improvement_id: improvementId,
        kind,
        target_id,
        created_at: now.toISOString(),
      })),
    )
    .execute();
}

/** When each case of the given teams was reported (all of them, themed or not): an effect's denominator. */
export async function caseDatesOfTeams(db: Db, workspaceId: string, teamIds: readonly string[], from: string): Promise<string[]> {
  if (teamIds.length === 0) return [];
  const rows = await db
    .selectFrom('cases')
    .select('reported_at')
    .where('workspace_id', '=', workspaceId)
    .where('team_id', 'in', [...teamIds])
    .where('reported_at', '>=', from)
    .execute();
  return rows.map((r) => r.reported_at);
}
