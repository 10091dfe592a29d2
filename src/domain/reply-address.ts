/**
 * The addresses a reply to a customer carries. Until inbound mail is set up (DEFUSE_REPLY_DOMAIN),
 * the domain is a `.invalid` placeholder (RFC 2606): such an address never delivers anywhere.
 */
export const PLACEHOLDER_REPLY_DOMAIN = 'replies.defuse.invalid';

/** The per-case Reply-To: `reply+c-2026-000229@<domain>`, so an answer threads back onto its case. */
export const caseReplyAddress = (ref: string, domain: string): string => `reply+${ref.toLowerCase()}@${domain}`;

/** The case a Reply-To address names, or null when it is not one of ours. */
export function caseRefOfReplyAddress(address: string, domain: string): string | null {
  const match = /^reply\+(c-\d{4}-\d{6})@(.+)$/i.exec(address.trim());
  return match?.[1] && match[2]?.toLowerCase() === domain.toLowerCase() ? match[1].toUpperCase() : null;
}

/** A Message-ID for one sent reply (RFC 5322 msg-id, with its angle brackets). */
export const replyMessageId = (id: string, domain: string): string => `<reply.${id}@${domain}>`;

/** Where a reply stands: emailed and queued, sent, bounced; or told in person / by phone (no email). */
export const REPLY_DELIVERY_STATES = ['queued', 'sent', 'bounced'] as const;
export type ReplyDeliveryState = (typeof REPLY_DELIVERY_STATES)[number];
