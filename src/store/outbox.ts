import { newId } from './ids.js';
import type { Db, OutboxEmailRow } from './schema.js';

export type NewEmail = {
  workspaceId: string | null;
  /** What the mail is for (survey, reminder, escalation…): for the log and for tests. */
  kind: string;
  to: string;
  subject: string;
  text: string;
  html: string;
};

/**
 * Queues an email in the caller's transaction; the outbox job delivers it after commit. A rolled-back
 * change therefore never sends mail, and a crash after commit never loses it.
 */
export async function queueEmail(db: Db, email: NewEmail, now: Date): Promise<OutboxEmailRow> {
  const row: OutboxEmailRow = {
    id: newId(),
    workspace_id: email.workspaceId,
    kind: email.kind,
    to_address: email.to,
    subject: email.subject,
    text_body: email.text,
    html_body: email.html,
    created_at: now.toISOString(),
    next_attempt_at: now.toISOString(),
    attempts: 0,
    sent_at: null,
    failed_at: null,
    last_error: null,
  };
  await db.insertInto('outbox_emails').values(row).execute();
  return row;
}

/** The newest queued email to an address (of one kind, when given). */
export function lastQueuedEmail(db: Db, to: string, kind?: string): Promise<OutboxEmailRow | undefined> {
  let query = db.selectFrom('outbox_emails').selectAll().where('to_address', '=', to);
  if (kind !== undefined) query = query.where('kind', '=', kind);
  return query.orderBy('created_at', 'desc').orderBy('id', 'desc').executeTakeFirst();
}

/** Marks a workspace's mail queued before a moment as delivered (the demo's simulated past, which nobody receives). */
export async function markQueuedEmailsDelivered(db: Db, workspaceId: string, before: Date): Promise<void> {
  await db
    .updateTable('outbox_emails')
    .set((eb) => ({ sent_at: eb.ref('created_at') }))
    .where('workspace_id', '=', workspaceId)
    .where('sent_at', 'is', null)
    .where('created_at', '<', before.toISOString())
    .execute();
}
