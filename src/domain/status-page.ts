import type { CaseStatus } from './case-status.js';

/** What a case's status means to the customer who reported it: no internal terms, no names. */
export const STATUS_FOR_CUSTOMERS: Record<CaseStatus, { title: string; text: string }> = {
  reported: { title: 'Received', text: 'We have your report. Someone will look at it soon.' },
  acknowledged: { title: 'We are on it', text: 'Someone from our team has taken your case and is looking into it.' },
  investigating: { title: 'Looking into it', text: 'We are finding out what happened, and may talk to the people involved.' },
  resolving: { title: 'Working on a solution', text: 'We know what happened and are working on putting it right.' },
  resolved: { title: 'Resolved', text: 'We believe your problem is solved. If it is not, tell us below.' },
  following_up: { title: 'Checking in', text: 'Your problem is solved; we will check with you that it stays that way.' },
  closed: { title: 'Closed', text: 'This case is closed. Thank you for telling us about it.' },
  reopened: { title: 'Reopened', text: 'We are looking at your case again.' },
};

/** How long a status link keeps working after its case closes, unless the server says otherwise. */
export const DEFAULT_STATUS_LINK_DAYS = 90;

export type StatusLinkState = 'open' | 'revoked' | 'expired';

/**
 * Whether a status link still works: not once staff revoked it, and not once its case has been
 * closed for longer than `days` (a reopened case is not closed, so its link works again).
 */
export function statusLinkState(link: { revokedAt: string | null }, closedAt: string | null, now: Date, days: number): StatusLinkState {
  if (link.revokedAt !== null) return 'revoked';
  if (closedAt !== null && Date.parse(closedAt) + days * 86_400_000 <= now.getTime()) return 'expired';
  return 'open';
}
