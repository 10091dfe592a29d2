import type { Channels } from '../domain/notification-kinds.js';
import type { Db } from './schema.js';

/** The channels people chose for one kind of notification, by user id (absent: no choice made). */
export async function preferencesFor(
  db: Db,
  workspaceId: string,
  userIds: readonly string[],
  kind: string,
): Promise<Map<string, Channels>> {
  if (userIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('notification_preferences')
    .select(['user_id', 'in_app', 'email'])
    .where('workspace_id', '=', workspaceId)
    .where('kind', '=', kind)
    .where('user_id', 'in', [...userIds])
    .execute();
  return new Map(rows.map((r) => [r.user_id, { inApp: r.in_app === 1, email: r.email === 1 }]));
}

/** Every choice one person made, by kind. */
export async function preferencesOf(db: Db, workspaceId: string, userId: string): Promise<Map<string, Channels>> {
  const rows = await db
    .selectFrom('notification_preferences')
    .select(['kind', 'in_app', 'email'])
    .where('workspace_id', '=', workspaceId)
    .where('user_id', '=', userId)
    .execute();
  return new Map(rows.map((r) => [r.kind, { inApp: r.in_app === 1, email: r.email === 1 }]));
}

export async function savePreference(db: Db, workspaceId: string, userId: string, kind: string, c: Channels, now: Date): Promise<void> {
  const values = { in_app: c.inApp ? 1 : 0, email: c.email ? 1 : 0, updated_at: now.toISOString() };
  await db
    .insertInto('notification_preferences')
    .values({ workspace_id: workspaceId, user_id: userId, kind, ...values })
    .onConflict((oc) => oc.columns(['workspace_id', 'user_id', 'kind']).doUpdateSet(values))
    .execute();
}
