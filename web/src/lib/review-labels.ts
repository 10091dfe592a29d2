import type { ReviewOutcome, ReviewRule, SupportKind } from '../api/review-types.js';

/** Words for the review and support codes, in one place. */
export const OUTCOME_LABEL: Record<ReviewOutcome, string> = {
  no_action: 'No action',
  coaching: 'Coaching',
  training: 'Training',
  transfer: 'Transfer',
  written_warning: 'Written warning',
  termination: 'Termination',
};
export const OUTCOMES = Object.keys(OUTCOME_LABEL) as ReviewOutcome[];

export const FINDING_LABEL = {
  substantiated: 'Substantiated',
  not_substantiated: 'Not substantiated',
  inconclusive: 'Inconclusive',
} as const;

export const REVIEW_STATUS_LABEL = {
  open: 'Open',
  awaiting_sign_off: 'Awaiting sign-off',
  decided: 'Decided',
  appealed: 'Appealed',
} as const;

export const EXCLUSION_LABEL: Record<ReviewRule['countExclusions'][number], string> = {
  abusive_customer: 'Customer flagged under the abuse policy',
  systemic_root_cause: 'Root cause: process, policy, product, staffing or training',
  approved_cost: 'Cost approved by a supervisor as a fair solution',
};

export const RULE_KIND_LABEL: Record<ReviewRule['kind'], string> = {
  costly_cases: 'Costly cases as the primary party',
  unhappy_follow_ups: 'Unhappy customer follow-ups',
  broken_promises: 'Broken promises',
};

export const SUPPORT_KIND_LABEL: Record<SupportKind, string> = {
  talk: 'A talk with my supervisor',
  training: 'Training',
  time_off: 'Time off the front line',
  wellbeing: 'Wellbeing help',
};
export const SUPPORT_KINDS = Object.keys(SUPPORT_KIND_LABEL) as SupportKind[];
