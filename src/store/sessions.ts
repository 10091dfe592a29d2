import { newId } from './ids.js';
import type { Db, SessionRow } from './schema.js';

export async function insertSession(
  db: Db,
  input: { workspaceId: string; userId: string; tokenHash: string; expiresAt: Date; ip: string | null; userAgent: string | null },
  now: Date,
): Promise<SessionRow> {
  const row: SessionRow = {
    id: newId(),
    workspace_id: input.workspaceId,
    user_id: input.userId,
    token_hash: input.tokenHash,
    created_at: now.toISOString(),
    last_seen_at: now.toISOString(),
    expires_at: input.expiresAt.toISOString(),
    ip: input.ip,
    user_agent: input.userAgent,
  };
  await db.insertInto('sessions').values(row).execute();
  return row;
}

export function findSession(db: Db, tokenHash: string): Promise<SessionRow | undefined> {
  return db.selectFrom('sessions').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
}

export async function touchSession(db: Db, id: string, now: Date, expiresAt: Date): Promise<void> {
  await db
    .updateTable('sessions')
    .set({ last_seen_at: now.toISOString(), expires_at: expiresAt.toISOString() })
    .where('id', '=', id)
    .execute();
}

export async function deleteSession(db: Db, id: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', id).execute();
}

/** Ends every session of a user (password change, deactivation), optionally keeping one. */
export async function deleteUserSessions(db: Db, userId: string, exceptId?: string): Promise<void> {
  await db
    .deleteFrom('sessions')
    .where('user_id', '=', userId)
    .$if(exceptId !== undefined, (q) => q.where('id', '!=', exceptId as string))
    .execute();
}
