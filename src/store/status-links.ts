import { newId } from './ids.js';
import type { CaseStatusLinkRow, Db } from './schema.js';

/** Stores a new status link by its token's hash (the token itself is only ever in the customer's mail). */
export async function insertStatusLink(
  db: Db,
  link: { workspaceId: string; caseId: string; tokenHash: string },
  now: Date,
): Promise<CaseStatusLinkRow> {
  const row: CaseStatusLinkRow = {
    id: newId(),
    workspace_id: link.workspaceId,
    case_id: link.caseId,
    token_hash: link.tokenHash,
    created_at: now.toISOString(),
    revoked_at: null,
    revoked_by: null,
  };
  await db.insertInto('case_status_links').values(row).execute();
  return row;
}

/** The link a token hashes to, revoked or not (the page says which). */
export function findStatusLinkByHash(db: Db, tokenHash: string): Promise<CaseStatusLinkRow | undefined> {
  return db.selectFrom('case_status_links').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
}

/** The case's links that still work, newest first. */
export function activeStatusLinks(db: Db, workspaceId: string, caseId: string): Promise<CaseStatusLinkRow[]> {
  return db
    .selectFrom('case_status_links')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('case_id', '=', caseId)
    .where('revoked_at', 'is', null)
    .orderBy('created_at', 'desc')
    .execute();
}

/** Revokes every working link of a case; returns how many it revoked. */
export async function revokeStatusLinks(db: Db, workspaceId: string, caseId: string, by: string, now: Date): Promise<number> {
  const result = await db
    .updateTable('case_status_links')
    .set({ revoked_at: now.toISOString(), revoked_by: by })
    .where('workspace_id', '=', workspaceId)
    .where('case_id', '=', caseId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
