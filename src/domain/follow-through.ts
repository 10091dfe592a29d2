/**
 * Rules for keeping promises and checking back with both sides after a case is resolved:
 * when a commitment's reminder goes out, when follow-ups are due, what an answer means.
 */

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export const COMMITMENT_STATUSES = ['open', 'kept', 'broken', 'cancelled'] as const;
export type CommitmentStatus = (typeof COMMITMENT_STATUSES)[number];
export const COMMITMENT_SOURCES = ['manual', 'coach'] as const;

export const FOLLOW_UP_PARTIES = ['customer', 'employee'] as const;
export type FollowUpParty = (typeof FOLLOW_UP_PARTIES)[number];
export const FOLLOW_UP_STATUSES = ['scheduled', 'sent', 'answered', 'expired', 'cancelled'] as const;

/**
 * When to remind the owner of a promise: a day before it is due, or halfway to the due time when
 * the promise was made less than two days ahead, so a short promise still gets a useful nudge.
 * remind_at = due − min(24h, (due − now) / 2).
 */
export function remindAtFor(now: Date, dueAt: Date): Date {
  const lead = Math.min(DAY, Math.max(0, dueAt.getTime() - now.getTime()) / 2);
  return new Date(dueAt.getTime() - lead);
}

/** Kept on time: marked kept no later than it was due. */
export function isKeptOnTime(status: string, dueAt: string, closedAt: string | null): boolean {
  return status === 'kept' && closedAt !== null && Date.parse(closedAt) <= Date.parse(dueAt);
}

/** How long after resolution each side is asked how it went (the mediation article's "follow up with both"), in ms. */
export type FollowUpDelays = Record<FollowUpParty, number>;
/** A new workspace's delays; admins change them under deadlines. */
export const DEFAULT_FOLLOW_UP_DELAYS: FollowUpDelays = { customer: 3 * DAY, employee: 2 * DAY };

/** A survey link works this long after it is sent. */
export const SURVEY_LINK_LIFETIME = 14 * DAY;

export const followUpDueAt = (party: FollowUpParty, resolvedAt: Date, delays: FollowUpDelays = DEFAULT_FOLLOW_UP_DELAYS): Date =>
  new Date(resolvedAt.getTime() + delays[party]);

/** A satisfaction of 2 or less out of 5 means the customer is still unhappy: the case comes back. */
/** The highest satisfaction that still counts as unhappy. */
export const UNHAPPY_AT_MOST = 2;
export const isUnhappy = (satisfaction: number): boolean => satisfaction <= UNHAPPY_AT_MOST;

export type CustomerAnswer = { satisfaction: number; wouldReturn: boolean; comment: string | null };
export type EmployeeAnswer = { feltSupported: number; wantsTraining: boolean; wantsHelp: boolean; comment: string | null };

/** Share of closed commitments kept on time, 0–1, or null when none closed yet. */
export function keptOnTimeRate(closed: number, keptOnTime: number): number | null {
  return closed === 0 ? null : Math.round((keptOnTime / closed) * 1000) / 1000;
}

/** The customer's private survey link; the token is the only secret in it. */
export const surveyLink = (publicUrl: string, token: string): string => `${publicUrl}/public/survey/${token}`;

/** The survey token in a text that contains a survey link (a received mail), or null. */
export function surveyTokenIn(text: string): string | null {
  return /\/public\/survey\/([A-Za-z0-9_-]+)/.exec(text)?.[1] ?? null;
}
