import { notFound } from '../domain/errors.js';
import { groupNotifications, type NotificationPriority, notificationPriority } from '../domain/notification-groups.js';
import { channelsFor } from '../domain/notification-kinds.js';
import { authorize } from '../domain/permissions.js';
import { preferencesFor } from '../store/notification-preferences.js';
import { countUnread, findNotification, insertNotifications, listNotificationRows, markNotificationsRead } from '../store/notifications.js';
import { queueEmail } from '../store/outbox.js';
import type { Db, UserRow } from '../store/schema.js';
import type { ServiceContext } from './context.js';
import { buildEmail, type EmailBody } from './emails/layout.js';

export type NotificationView = {
  id: string;
  kind: string;
  caseRef: string | null;
  link: string | null;
  title: string;
  body: string;
  createdAt: string;
  readAt: string | null;
  priority: NotificationPriority;
};

export type NotificationGroupView = {
  key: string;
  caseRef: string | null;
  link: string | null;
  priority: NotificationPriority;
  unread: number;
  latestAt: string;
  items: NotificationView[];
};

/** How many of the newest notifications the bell bundles: enough for a busy week. */
const BELL_WINDOW = 200;

/**
 * Tells people about something, in the app and/or by mail (queued in the caller's transaction), as
 * each of them chose for this kind (domain/notification-kinds.ts): by default in the bell, and by
 * mail when an email is given. Someone who asked for mail of a kind that has none gets the
 * notification's own words. Used by services and time-driven sweeps alike.
 */
export async function notifyPeople(
  db: Db,
  people: readonly Pick<UserRow, 'id' | 'email' | 'workspace_id'>[],
  note: { kind: string; caseId: string | null; title: string; body: string; link?: string | null },
  now: Date,
  email?: EmailBody,
): Promise<void> {
  const unique = [...new Map(people.map((p) => [p.id, p])).values()];
  const first = unique[0];
  if (!first) return;
  const chosen = await preferencesFor(
    db,
    first.workspace_id,
    unique.map((p) => p.id),
    note.kind,
  );
  const channels = new Map(unique.map((p) => [p.id, channelsFor(note.kind, chosen.get(p.id), email !== undefined)]));
  await insertNotifications(
    db,
    unique.filter((p) => channels.get(p.id)?.inApp).map((p) => ({ workspaceId: p.workspace_id, userId: p.id, ...note })),
    now,
  );
  const mail = email ?? buildEmail(note.title, [note.body, 'Sign in to Defuse to see it.']);
  for (const p of unique.filter((u) => channels.get(u.id)?.email))
    await queueEmail(db, { workspaceId: p.workspace_id, kind: note.kind, to: p.email, ...mail }, now);
}

/**
 * The caller's notifications, newest first, with how many are unread, and the same bundled by what
 * they are about: the most urgent unread groups first (domain/notification-groups.ts).
 */
export async function listMyNotifications(
  ctx: ServiceContext,
  unreadOnly: boolean,
): Promise<{ items: NotificationView[]; unread: number; groups: NotificationGroupView[] }> {
  const { workspaceId, userId } = ctx.actor;
  const [rows, unread] = await Promise.all([
    listNotificationRows(ctx.db, workspaceId, userId, unreadOnly, BELL_WINDOW),
    countUnread(ctx.db, workspaceId, userId),
  ]);
  const all: NotificationView[] = rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    caseRef: r.case_ref ?? null,
    link: r.link,
    title: r.title,
    body: r.body,
    createdAt: r.created_at,
    readAt: r.read_at,
    priority: notificationPriority(r.kind, r.case_severity ?? null),
  }));
  const groups = groupNotifications(all).map((g) => ({
    ...g,
    caseRef: g.items[0]?.caseRef ?? null,
    link: g.items[0]?.link ?? null,
  }));
  return { unread, items: all.slice(0, 50), groups };
}

/** Marks a notification read; one the table does not let the caller change (someone else's) answers 404. */
export async function markNotificationRead(ctx: ServiceContext, id: string): Promise<void> {
  const row = await findNotification(ctx.db, ctx.actor.workspaceId, id);
  if (!row || !authorize(ctx.actor, 'update', 'notification', { ownerUserId: row.user_id })) throw notFound('Notification');
  await markNotificationsRead(ctx.db, row.workspace_id, row.user_id, ctx.now.toISOString(), id);
}

/** Marks all the caller's notifications read; returns how many were unread. */
export function markAllNotificationsRead(ctx: ServiceContext): Promise<number> {
  return markNotificationsRead(ctx.db, ctx.actor.workspaceId, ctx.actor.userId, ctx.now.toISOString());
}
