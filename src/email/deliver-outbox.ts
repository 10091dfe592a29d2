import type { Kysely } from 'kysely';
import { claimDueEmails, markEmailAttemptFailed, markEmailSent } from '../store/outbox.js';
import type { Db, OutboxEmailRow, Tables } from '../store/schema.js';
import type { Mailer } from './mailer.js';

/** Where a mail ends up: sent (the SMTP server took it) or bounced (refused for good, or given up on). */
export type DeliveryOutcome = { state: 'sent' } | { state: 'bounced'; error: string };

/**
 * Called in the transaction that records a mail's final outcome, so what depends on it (a reply's
 * delivery state on its case's timeline) commits with it or not at all.
 */
export type OnDelivery = (db: Db, email: OutboxEmailRow, outcome: DeliveryOutcome, now: Date) => Promise<void>;

export type DeliveryOptions = {
  /** Tries before an email is given up (failed_at set). */
  maxAttempts?: number;
  /** Wait after the first failure; each next one waits twice as long. */
  backoffSeconds?: number;
  batchSize?: number;
  /** How long a claimed email is ours while it is being sent. */
  leaseSeconds?: number;
  onDelivery?: OnDelivery;
};

export type DeliveryCounts = { sent: number; retrying: number; failed: number };

export const OUTBOX_MAX_ATTEMPTS = 6;
export const OUTBOX_BACKOFF_SECONDS = 60;

/**
 * Sends due outbox emails and records each outcome. Delivery is at least once: a crash between the
 * SMTP server accepting a mail and `sent_at` being written sends that mail again after the lease.
 */
export async function deliverOutbox(db: Db, mailer: Mailer, now: Date, options: DeliveryOptions = {}): Promise<DeliveryCounts> {
  const maxAttempts = options.maxAttempts ?? OUTBOX_MAX_ATTEMPTS;
  const backoffMs = (options.backoffSeconds ?? OUTBOX_BACKOFF_SECONDS) * 1000;
  const leaseUntil = new Date(now.getTime() + (options.leaseSeconds ?? 300) * 1000);
  const counts: DeliveryCounts = { sent: 0, retrying: 0, failed: 0 };
  for (const email of await claimDueEmails(db, now, leaseUntil, options.batchSize ?? 20)) {
    try {
      await mailer.send({
        to: email.to_address,
        subject: email.subject,
        text: email.text_body,
        html: email.html_body,
        replyTo: email.reply_to ?? undefined,
        messageId: email.message_id ?? undefined,
        outboxId: email.id,
        autoSubmitted: email.auto_submitted ?? undefined,
      });
    } catch (error) {
      const attempts = email.attempts + 1;
      // A 5xx answer (no such mailbox, rejected) will not change on a retry: the mail bounced.
      const retryAt =
        attempts >= maxAttempts || isPermanentRefusal(error) ? null : new Date(now.getTime() + backoffMs * 2 ** (attempts - 1));
      const message = error instanceof Error ? error.message : String(error);
      await settle(db, options.onDelivery, email, now, async (trx) => {
        await markEmailAttemptFailed(trx, email, message, retryAt, now);
        return retryAt ? null : { state: 'bounced', error: message };
      });
      counts[retryAt ? 'retrying' : 'failed']++;
      continue;
    }
    await settle(db, options.onDelivery, email, now, async (trx) => {
      await markEmailSent(trx, email.id, now);
      return { state: 'sent' };
    });
    counts.sent++;
  }
  return counts;
}

/** An SMTP 5xx reply: the server refused the mail for good. */
function isPermanentRefusal(error: unknown): boolean {
  const code = (error as { responseCode?: unknown } | null)?.responseCode;
  return typeof code === 'number' && code >= 500 && code < 600;
}

/** Writes a mail's outcome and, when it is final, lets the caller record it, in one transaction. */
async function settle(
  db: Db,
  onDelivery: OnDelivery | undefined,
  email: OutboxEmailRow,
  now: Date,
  write: (trx: Db) => Promise<DeliveryOutcome | null>,
): Promise<void> {
  const run = async (trx: Db) => {
    const outcome = await write(trx);
    if (outcome && onDelivery) await onDelivery(trx, email, outcome, now);
  };
  if (db.isTransaction) await run(db);
  else await (db as Kysely<Tables>).transaction().execute(run);
}
