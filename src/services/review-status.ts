import type { ReviewDecisionRow } from '../store/schema.js';

/** A decision stands once recorded, except a termination, which stands only once signed off. */
export const isEffective = (d: ReviewDecisionRow): boolean => d.outcome !== 'termination' || d.sign_off_by !== null;

/** The decision that stands on a review: the latest effective one (an appeal's replaces the first). */
export function finalDecision(decisions: readonly ReviewDecisionRow[]): ReviewDecisionRow | undefined {
  return [...decisions]
    .filter(isEffective)
    .sort((a, b) => a.decided_at.localeCompare(b.decided_at))
    .at(-1);
}
