import { AppError, invalid } from './errors.js';

/**
 * Reviews of an employee's conduct: findings per case, the employee's right to answer, decisions
 * that must give reasons, a second pair of eyes before a dismissal, and one appeal to someone else.
 */

export const REVIEW_OUTCOMES = ['no_action', 'coaching', 'training', 'transfer', 'written_warning', 'termination'] as const;
export type ReviewOutcome = (typeof REVIEW_OUTCOMES)[number];

export const REVIEW_FINDINGS = ['substantiated', 'not_substantiated', 'inconclusive'] as const;
export type ReviewFinding = (typeof REVIEW_FINDINGS)[number];

export const REVIEW_STATUSES = ['open', 'awaiting_sign_off', 'decided', 'appealed'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

/** How long the employee has to answer before anyone may decide, unless they waive it. */
export const DEFAULT_RESPONSE_DAYS = 7;

export const OUTCOME_LABELS: Record<ReviewOutcome, string> = {
  no_action: 'No action',
  coaching: 'Coaching',
  training: 'Training',
  transfer: 'Transfer',
  written_warning: 'Written warning',
  termination: 'Termination',
};

export const FINDING_LABELS: Record<ReviewFinding, string> = {
  substantiated: 'Substantiated',
  not_substantiated: 'Not substantiated',
  inconclusive: 'Inconclusive',
};

export const responseDueAt = (openedAt: Date, days = DEFAULT_RESPONSE_DAYS): Date => new Date(openedAt.getTime() + days * 86_400_000);

/** The facts a decision is checked against. */
export type DecisionFacts = {
  status: ReviewStatus;
  responseDueAt: string;
  waived: boolean;
  /** The decider of the first decision, when an appeal is being decided. */
  firstDecider: string | null;
  /** Outcomes of earlier comparable reviews (same rule kind), for consistency. */
  comparableOutcomes: readonly ReviewOutcome[];
};

export type DecisionInput = {
  outcome: ReviewOutcome;
  rationale: string;
  departureReason?: string | undefined;
  scenarioIds?: readonly string[] | undefined;
};

/** Whether an outcome departs from what earlier comparable reviews decided. */
export const departsFrom = (outcome: ReviewOutcome, earlier: readonly ReviewOutcome[]): boolean =>
  earlier.length > 0 && !earlier.includes(outcome);

/**
 * Refuses a decision that may not be recorded: no rationale, inside the response window, a
 * departure from earlier comparable outcomes without a reason, a training decision without scenarios,
 * or an appeal decided by the person who made the first decision.
 */
export function assertDecidable(facts: DecisionFacts, input: DecisionInput, deciderId: string, now: Date): void {
  if (facts.status !== 'open' && facts.status !== 'appealed')
    throw new AppError('conflict', 'This review already has a decision; the employee may appeal it once');
  if (!input.rationale.trim()) throw invalid('rationale', 'say why this decision is right');
  if (!facts.waived && now.getTime() < Date.parse(facts.responseDueAt))
    throw new AppError(
      'conflict',
      `The employee may answer until ${facts.responseDueAt}; no decision can be recorded before then unless they waive their window`,
    );
  if (departsFrom(input.outcome, facts.comparableOutcomes) && !input.departureReason?.trim())
    throw invalid('departureReason', 'earlier comparable reviews decided otherwise; say why this one differs');
  if (input.outcome === 'training' && (input.scenarioIds ?? []).length === 0)
    throw invalid('scenarioIds', 'choose the training scenarios the employee is to complete');
  if (facts.status === 'appealed' && facts.firstDecider === deciderId)
    throw new AppError('forbidden', 'An appeal is decided by someone other than whoever made the first decision');
}

/** A termination stands only once a second person (HR or admin, not the decider) has signed it off. */
export function assertSignOff(decidedBy: string, signerId: string, signerRole: string): void {
  if (signerId === decidedBy) throw new AppError('forbidden', 'A second person must sign off a termination, not the one who decided it');
  if (signerRole !== 'hr' && signerRole !== 'admin') throw new AppError('forbidden', 'Only HR or an admin may sign off a termination');
}

/** Training the employee completed (practice now; certifications once they are recorded). */
export type TrainingRecord = { kind: 'practice' | 'certification'; key: string; title: string; finishedAt: string; passed: boolean | null };

const NOTICE_STOP = new Set([
  'policy',
  'policies',
  'rule',
  'rules',
  'the',
  'and',
  'with',
  'without',
  'when',
  'from',
  'customer',
  'customers',
]);
const words = (text: string) =>
  new Set(
    text
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .map((w) => w.replace(/s$/, ''))
      .filter((w) => w.length >= 4 && !NOTICE_STOP.has(w)),
  );

/**
 * Notice: whether the employee had been trained on the policy a finding concerns before the case
 * happened. Training counts when its title or key shares a meaningful word with the policy.
 */
export function noticeOf(
  policy: string | null,
  records: readonly TrainingRecord[],
  before: string,
): { trained: boolean; records: TrainingRecord[] } {
  if (!policy?.trim()) return { trained: false, records: [] };
  const wanted = words(policy);
  const earlier = records.filter((r) => r.finishedAt < before);
  const matching = earlier.filter((r) => [...words(`${r.title} ${r.key}`)].some((w) => wanted.has(w)));
  return { trained: matching.length > 0, records: matching };
}
