import { newId } from './ids.js';
import type { AccessLogRow, Db } from './schema.js';

export async function insertAccessLog(db: Db, row: Omit<AccessLogRow, 'id'>): Promise<void> {
  await db
    .insertInto('access_log')
    .values({ id: newId(), ...row })
    .execute();
}

/** Newest first; `before` is the id of the last row of the previous page (UUIDv7 ids sort by time). */
export function listAccessLogRows(db: Db, workspaceId: string, limit: number, before?: string): Promise<AccessLogRow[]> {
  return db
    .selectFrom('access_log')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .$if(before !== undefined, (q) => q.where('id', '<', before as string))
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}
