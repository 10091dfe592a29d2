import { abuseFlagExpiry } from '../domain/data-rights.js';
import type { Db, ResolutionRow } from './schema.js';

export function findResolution(db: Db, workspaceId: string, caseId: string): Promise<ResolutionRow | undefined> {
  return db.selectFrom('resolutions').selectAll().where('workspace_id', '=', workspaceId).where('case_id', '=', caseId).executeTakeFirst();
}

/** Writes the case's one current resolution, replacing the previous one. */
export async function saveResolution(db: Db, row: ResolutionRow): Promise<void> {
  const { case_id, workspace_id, ...rest } = row;
  const updated = await db
    .updateTable('resolutions')
    .set(rest)
    .where('workspace_id', '=', workspace_id)
    .where('case_id', '=', case_id)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) === 0) await db.insertInto('resolutions').values(row).execute();
}

/** Marks the customer as having been abusive, with the reason; a later flag replaces the reason. */
export async function flagCustomer(db: Db, workspaceId: string, customerId: string, reason: string, now: Date): Promise<void> {
  await db
    .updateTable('customers')
    .set({ flagged_at: now.toISOString(), flag_reason: reason, flag_expires_at: abuseFlagExpiry(now) })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', customerId)
    .execute();
}
