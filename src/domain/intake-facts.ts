import type { CustomerState, RiskFlag, Severity } from './case.js';
import type { CustomerReading, EscalationKind } from './coach.js';

const RISK_OF: Partial<Record<EscalationKind, RiskFlag>> = { review: 'threatened_review', legal: 'legal_threat', media: 'media' };

/** What a case a customer opened themself starts with, read from their own words by the coach. */
export type IntakeFacts = { customerState: CustomerState; riskFlags: RiskFlag[]; severity: Severity };

/**
 * The facts the strategy recommender needs, from the coach's reading of what the customer wrote:
 * how heated they are, and the threats they make (a review, a lawyer, the press). A threat to go
 * public or to court makes the case severity 2; anything else starts at 3 for a person to re-rate.
 */
export function intakeFacts(reading: CustomerReading): IntakeFacts {
  const riskFlags = [...new Set(reading.escalation.flatMap((e) => RISK_OF[e.kind] ?? []))].sort();
  const heated = reading.emotion === 'anger' || reading.emotion === 'frustration';
  const customerState: CustomerState =
    reading.emotion === 'anger' && reading.intensity >= 0.6
      ? 'angry'
      : heated || reading.emotion === 'disappointment'
        ? 'frustrated'
        : 'calm';
  const severity: Severity = riskFlags.includes('legal_threat') || riskFlags.includes('media') ? 2 : 3;
  return { customerState, riskFlags, severity };
}

/** A short title for a case a customer wrote in: their first sentence, cut at a word near 80 characters. */
export function intakeTitle(text: string, prefix: string): string {
  const first =
    text
      .trim()
      .split(/(?<=[.!?])\s|\n/)[0]
      ?.trim() ?? '';
  const cut = first.length <= 80 ? first : `${first.slice(0, 80).replace(/\s+\S*$/, '')}…`;
  return `${prefix}: ${cut || 'no description'}`;
}
