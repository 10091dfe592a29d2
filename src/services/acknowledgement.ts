import { caseReplyAddress, PLACEHOLDER_REPLY_DOMAIN, replyMessageId } from '../domain/reply-address.js';
import { newId } from '../store/ids.js';
import { queueEmail } from '../store/outbox.js';
import type { CaseRow, Db } from '../store/schema.js';
import { hitCounter } from '../store/shared-counters.js';
import { acknowledgementEmail } from './emails/intake-emails.js';

/**
 * At most this many acknowledgements go to one sender in an hour, whatever arrives from them: two
 * helpdesks that each acknowledge the other's mail stop after a few rounds instead of never.
 */
export const ACKNOWLEDGEMENTS_PER_SENDER_PER_HOUR = 3;

/** Where links and answers in our mail point. */
export type MailLinks = { publicUrl: string; replyDomain: string | undefined };

/** The status page's address for a token. */
export const statusPageUrl = (publicUrl: string, token: string): string => `${publicUrl}/public/cases/${token}`;

/**
 * Queues the acknowledgement of a case a customer opened, with their private status link, marked
 * `Auto-Submitted: auto-replied` (RFC 3834) and threaded like a reply (its Message-ID and the case's
 * Reply-To), so an answer lands on the case. Returns false when the sender's hourly cap is reached.
 */
export async function queueAcknowledgement(
  db: Db,
  ack: { kase: CaseRow; businessName: string; to: string; token: string },
  now: Date,
  links: MailLinks,
): Promise<boolean> {
  const key = `ack:${ack.kase.workspace_id}:${ack.to.trim().toLowerCase()}`;
  if ((await hitCounter(db, key, 3_600_000, now)).hits > ACKNOWLEDGEMENTS_PER_SENDER_PER_HOUR) return false;
  const domain = links.replyDomain ?? PLACEHOLDER_REPLY_DOMAIN;
  const mail = acknowledgementEmail({
    caseRef: ack.kase.ref,
    businessName: ack.businessName,
    statusUrl: statusPageUrl(links.publicUrl, ack.token),
  });
  await queueEmail(
    db,
    {
      workspaceId: ack.kase.workspace_id,
      kind: 'acknowledgement',
      to: ack.to,
      ...mail,
      caseId: ack.kase.id,
      messageId: replyMessageId(newId(), domain),
      replyTo: caseReplyAddress(ack.kase.ref, domain),
      autoSubmitted: 'auto-replied',
    },
    now,
  );
  return true;
}
