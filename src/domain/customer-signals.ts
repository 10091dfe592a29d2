import type { RiskFlag } from './case.js';

/**
 * What a customer's record says about them across all their cases: how often they have come back,
 * what they threatened, whether an employee had to end an abusive interaction, what is still owed
 * to them and how they felt afterwards. The front line decides a business's reputation, and an
 * unhappy customer tells others; these are the warnings a handler wants before they answer.
 */

const DAY = 86_400_000;

/** Cases reported within this many days count as the customer's recent complaints. */
export const REPEAT_WINDOW_DAYS = 90;
/** A customer with at least this many recent cases is a repeat complainant (the store counts two off its customer chain, migration 0042: a larger number needs a longer chain). */
export const REPEAT_AT_LEAST = 2;

/** The threat kinds a customer page names, from the reputational-risk flags a case carries. */
export const THREAT_KINDS = ['review', 'public_post', 'legal', 'media'] as const;
export type ThreatKind = (typeof THREAT_KINDS)[number];

const THREAT_OF_FLAG: Record<RiskFlag, ThreatKind> = {
  threatened_review: 'review',
  public_post: 'public_post',
  legal_threat: 'legal',
  media: 'media',
};

/** The threat a case's risk flag records. */
export const threatOfFlag = (flag: RiskFlag): ThreatKind => THREAT_OF_FLAG[flag];

/** The start of the recent window that ends now. */
export const repeatWindowStart = (now: Date): string => new Date(now.getTime() - REPEAT_WINDOW_DAYS * DAY).toISOString();

/** Whether this many recent cases make a repeat complainant. */
export const isRepeatCustomer = (recentCases: number): boolean => recentCases >= REPEAT_AT_LEAST;

/** Each kind of threat made, with how many cases carried it, in THREAT_KINDS order; kinds never made are left out. */
export function countThreats(riskFlagsPerCase: readonly (readonly RiskFlag[])[]): { kind: ThreatKind; cases: number }[] {
  const counts = new Map<ThreatKind, number>();
  for (const flags of riskFlagsPerCase) {
    for (const kind of new Set(flags.map(threatOfFlag))) counts.set(kind, (counts.get(kind) ?? 0) + 1);
  }
  return THREAT_KINDS.filter((k) => counts.has(k)).map((kind) => ({ kind, cases: counts.get(kind) ?? 0 }));
}

/** The average of the customer's satisfaction answers (1–5), to one decimal; null when they never answered. */
export function averageSatisfaction(scores: readonly number[]): number | null {
  if (scores.length === 0) return null;
  return Math.round((scores.reduce((a, b) => a + b, 0) / scores.length) * 10) / 10;
}
