import { isPostgres } from './db.js';
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
  /** For a reply to a customer: its case, Message-ID and per-case Reply-To. */
  caseId?: string | undefined;
  messageId?: string | undefined;
  replyTo?: string | undefined;
  /** Mail a machine sends without a person (acknowledgements): `auto-replied` (RFC 3834), so autoresponders stay quiet. */
  autoSubmitted?: 'auto-replied' | undefined;
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
    case_id: email.caseId ?? null,
    message_id: email.messageId ?? null,
    reply_to: email.replyTo ?? null,
    auto_submitted: email.autoSubmitted ?? null,
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

/** The mail sent with a Message-ID (a reply to a customer), for its delivery state and for threading answers. */
export function findEmailByMessageId(db: Db, messageId: string): Promise<OutboxEmailRow | undefined> {
  return db.selectFrom('outbox_emails').selectAll().where('message_id', '=', messageId).executeTakeFirst();
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
/**
 * Claims up to `limit` due, unsent emails for delivery by pushing their next attempt to `leaseUntil`,
 * in one statement (PostgreSQL: SKIP LOCKED), so two instances never pick the same row; a sender that
 * dies before marking the row lets it come due again after the lease.
 */
export async function claimDueEmails(db: Db, now: Date, leaseUntil: Date, limit: number): Promise<OutboxEmailRow[]> {
  let due = db
    .selectFrom('outbox_emails')
    .select('id')
    .where('sent_at', 'is', null)
    .where('failed_at', 'is', null)
    .where('next_attempt_at', '<=', now.toISOString())
    .orderBy('next_attempt_at')
    .limit(limit);
  if (isPostgres(db)) due = due.forUpdate().skipLocked();
  return db.updateTable('outbox_emails').set({ next_attempt_at: leaseUntil.toISOString() }).where('id', 'in', due).returningAll().execute();
}

/** Records that an email went out. */
export async function markEmailSent(db: Db, id: string, now: Date): Promise<void> {
  await db.updateTable('outbox_emails').set({ sent_at: now.toISOString(), last_error: null }).where('id', '=', id).execute();
}

/** Records a failed try: retry at `retryAt`, or give up (failed_at) when `retryAt` is null. */
export async function markEmailAttemptFailed(
  db: Db,
  email: Pick<OutboxEmailRow, 'id' | 'attempts'>,
  error: string,
  retryAt: Date | null,
  now: Date,
): Promise<void> {
  await db
    .updateTable('outbox_emails')
    .set({
      attempts: email.attempts + 1,
      last_error: error,
      ...(retryAt ? { next_attempt_at: retryAt.toISOString() } : { failed_at: now.toISOString() }),
    })
    .where('id', '=', email.id)
    .execute();
}

/** Every outbox email across workspaces, oldest first (tests, diagnostics). */
export function listOutbox(db: Db): Promise<OutboxEmailRow[]> {
  return db.selectFrom('outbox_emails').selectAll().orderBy('created_at').orderBy('id').execute();
}
