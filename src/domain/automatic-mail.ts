/**
 * Recognising mail that no person wrote for us to answer: autoresponders, mailing lists and bulk
 * mail, and bounces. Answering such mail (or opening a case for it) is how two helpdesks end up
 * mailing each other forever, so RFC 3834 asks responders to stay quiet; we do.
 */

import type { MailHeaders } from './inbound-mail.js';

export type AutomaticMailReason = 'auto_submitted' | 'precedence' | 'list' | 'autoresponder' | 'delivery_report' | 'mailer_daemon';

const BULK_PRECEDENCE = new Set(['bulk', 'list', 'junk', 'auto_reply']);

/**
 * Why a mail is automatic, or null when a person may well have written it: `Auto-Submitted` other
 * than `no` (RFC 3834), `Precedence: bulk/list/junk/auto_reply`, a list header (RFC 2369/2919), the
 * common autoresponder headers, a delivery status notification (RFC 3464), or mail from
 * MAILER-DAEMON / postmaster or with an empty return path (what bounces come from).
 */
export function automaticMailReason(headers: MailHeaders, from: string): AutomaticMailReason | null {
  const get = (name: string) => headers.get(name)?.trim().toLowerCase() ?? '';
  const autoSubmitted = get('auto-submitted');
  if (autoSubmitted !== '' && !autoSubmitted.startsWith('no')) return 'auto_submitted';
  if (BULK_PRECEDENCE.has(get('precedence'))) return 'precedence';
  if (headers.has('list-id') || headers.has('list-unsubscribe')) return 'list';
  if (headers.has('x-autoreply') || headers.has('x-autorespond') || get('x-auto-response-suppress').includes('all')) return 'autoresponder';
  const contentType = get('content-type');
  if (contentType.startsWith('multipart/report') && /report-type\s*=\s*"?(delivery-status|disposition-notification)/.test(contentType))
    return 'delivery_report';
  const local = from.trim().toLowerCase().split('@')[0] ?? '';
  if (local === 'mailer-daemon' || local === 'postmaster' || headers.get('return-path')?.trim() === '<>') return 'mailer_daemon';
  return null;
}

/** The intake address of a workspace: `intake+<slug>@<domain>`; a new email to it opens a case. */
export const intakeAddress = (slug: string, domain: string): string => `intake+${slug.toLowerCase()}@${domain}`;

/** The workspace slug an intake address names, or null when it is not one of ours. */
export function slugOfIntakeAddress(address: string, domain: string): string | null {
  const match = /^intake\+([a-z0-9-]+)@(.+)$/i.exec(address.trim());
  return match?.[1] && match[2]?.toLowerCase() === domain.toLowerCase() ? match[1].toLowerCase() : null;
}
