import { insertOutboxEvents } from './event-outbox.js';
import { newId } from './ids.js';
import type { Db, NotificationRow } from './schema.js';

export type NewNotification = {
  workspaceId: string;
  userId: string;
  /** approval_requested, commitment_due, commitment_overdue, follow_up_unhappy, needs_help, abuse… */
  kind: string;
  caseId: string | null;
  title: string;
  body: string;
  /** A web-app path, for notifications about something other than a case. */
  link?: string | null;
};

/** Adds in-app notifications for users (in the caller's transaction), each also an event for the recipient's live bell. */
export async function insertNotifications(db: Db, items: NewNotification[], now: Date): Promise<NotificationRow[]> {
  const rows: NotificationRow[] = items.map((n) => ({
    id: newId(),
    workspace_id: n.workspaceId,
    user_id: n.userId,
    kind: n.kind,
    case_id: n.caseId,
    title: n.title,
    body: n.body,
    created_at: now.toISOString(),
    read_at: null,
    link: n.link ?? null,
  }));
  if (rows.length === 0) return rows;
  await db.insertInto('notifications').values(rows).execute();
  await insertOutboxEvents(
    db,
    rows.map((r) => ({
      workspaceId: r.workspace_id,
      kind: 'notification_created',
      caseId: null,
      userId: r.user_id,
      actorId: null,
      at: r.created_at,
      data: { id: r.id, kind: r.kind },
    })),
  );
  return rows;
}

/** A user's notifications, newest first. */
export function listNotificationRows(db: Db, workspaceId: string, userId: string, unreadOnly: boolean, limit = 50) {
  return db
    .selectFrom('notifications')
    .leftJoin('cases', 'cases.id', 'notifications.case_id')
    .selectAll('notifications')
    .select(['cases.ref as case_ref', 'cases.severity as case_severity'])
    .where('notifications.workspace_id', '=', workspaceId)
    .where('notifications.user_id', '=', userId)
    .$if(unreadOnly, (q) => q.where('notifications.read_at', 'is', null))
    .orderBy('notifications.created_at', 'desc')
    .orderBy('notifications.id', 'desc')
    .limit(limit)
    .execute();
}

export async function countUnread(db: Db, workspaceId: string, userId: string): Promise<number> {
  const row = await db
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('workspace_id', '=', workspaceId)
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Marks one of the user's notifications (or all, without an id) read; returns how many changed. */
export async function markNotificationsRead(db: Db, workspaceId: string, userId: string, at: string, id?: string): Promise<number> {
  const result = await db
    .updateTable('notifications')
    .set({ read_at: at })
    .where('workspace_id', '=', workspaceId)
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .$if(id !== undefined, (q) => q.where('id', '=', id as string))
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export function findNotification(db: Db, workspaceId: string, id: string): Promise<NotificationRow | undefined> {
  return db.selectFrom('notifications').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
}

/** Marks a workspace's notifications made before a moment as read (the demo's past, which its people have seen). */
export async function markNotificationsReadBefore(db: Db, workspaceId: string, before: Date): Promise<void> {
  await db
    .updateTable('notifications')
    .set((eb) => ({ read_at: eb.ref('created_at') }))
    .where('workspace_id', '=', workspaceId)
    .where('read_at', 'is', null)
    .where('created_at', '<', before.toISOString())
    .execute();
}
