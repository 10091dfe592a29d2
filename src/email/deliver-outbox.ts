import { claimDueEmails, markEmailAttemptFailed, markEmailSent } from '../store/outbox.js';
import type { Db } from '../store/schema.js';
import type { Mailer } from './mailer.js';

export type DeliveryOptions = {
  /** Tries before an email is given up (failed_at set). */
  maxAttempts?: number;
  /** Wait after the first failure; each next one waits twice as long. */
  backoffSeconds?: number;
  batchSize?: number;
  /** How long a claimed email is ours while it is being sent. */
  leaseSeconds?: number;
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
      await mailer.send({ to: email.to_address, subject: email.subject, text: email.text_body, html: email.html_body });
      await markEmailSent(db, email.id, now);
      counts.sent++;
    } catch (error) {
      const attempts = email.attempts + 1;
      const retryAt = attempts >= maxAttempts ? null : new Date(now.getTime() + backoffMs * 2 ** (attempts - 1));
      await markEmailAttemptFailed(db, email, error instanceof Error ? error.message : String(error), retryAt, now);
      counts[retryAt ? 'retrying' : 'failed']++;
    }
  }
  return counts;
}
