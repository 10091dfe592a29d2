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
};

/** Adds in-app notifications for users (in the caller's transaction). */
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
  }));
  if (rows.length > 0) await db.insertInto('notifications').values(rows).execute();
  return rows;
}
