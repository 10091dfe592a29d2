/**
 * Review rules: when someone's record of conflicts is worth a fair look by HR. A rule only flags;
 * HR decides whether a review opens. Cases the employee could not fairly be blamed for (an abusive
 * customer, a systemic root cause, a cost a supervisor approved as fair) are set apart and do not
 * count unless the admin says they should.
 */

export const REVIEW_RULE_KINDS = ['costly_cases', 'unhappy_follow_ups', 'broken_promises'] as const;
export type ReviewRuleKind = (typeof REVIEW_RULE_KINDS)[number];

export const FAIRNESS_EXCLUSIONS = ['abusive_customer', 'systemic_root_cause', 'approved_cost'] as const;
export type FairnessExclusion = (typeof FAIRNESS_EXCLUSIONS)[number];

/** Root causes that lie with how the business works, not with the person on the front line. */
export const SYSTEMIC_ROOT_CAUSES: readonly string[] = ['process', 'policy', 'product', 'staffing', 'training'];

export type ReviewRule = {
  id: string;
  kind: ReviewRuleKind;
  name: string;
  /** How many (cases, unhappy answers, broken promises) within the window flag someone. */
  threshold: number;
  windowMonths: number;
  /** costly_cases only: the least loss a case needs, in minor units of `currency`. */
  minLossMinor: number | null;
  /** The currency losses are counted in; null: the workspace's own, whatever its cases are recorded in. */
  currency: string | null;
  enabled: boolean;
  /** Exclusions the admin has chosen to count after all. */
  countExclusions: FairnessExclusion[];
};

/** The rule every workspace starts with: two costly cases as the primary party within a year. */
export const DEFAULT_REVIEW_RULE: Omit<ReviewRule, 'id'> = {
  kind: 'costly_cases',
  name: 'Two or more costly conflicts in a year',
  threshold: 2,
  windowMonths: 12,
  minLossMinor: 50_000,
  currency: null,
  enabled: true,
  countExclusions: [],
};

/** What a rule needs to know about one case where the employee was the primary party. */
export type RuleCaseFacts = {
  caseId: string;
  ref: string;
  reportedAt: string;
  /** The money lost (impact, or the agreed cost when no impact was recorded), minor units. */
  lossMinor: number | null;
  currency: string | null;
  customerFlagged: boolean;
  rootCause: string | null;
  costApproved: boolean;
  unhappyFollowUps: number;
  brokenPromises: number;
};

export type RuleCase = { caseId: string; ref: string; why: string; weight: number; reasons: FairnessExclusion[] };
export type RuleOutcome = { flagged: boolean; total: number; counted: RuleCase[]; excluded: RuleCase[] };

const EXCLUSION_WORDS: Record<FairnessExclusion, string> = {
  abusive_customer: 'the customer was flagged under the abuse policy',
  systemic_root_cause: 'the root cause lay with the business',
  approved_cost: 'a supervisor approved the cost as a fair solution',
};

export const describeExclusion = (e: FairnessExclusion): string => EXCLUSION_WORDS[e];

/** The first instant of the rule's window: `months` calendar months before now. */
export function windowStart(now: Date, months: number): Date {
  const start = new Date(now.getTime());
  start.setUTCMonth(start.getUTCMonth() - months);
  return start;
}

export function exclusionsOf(c: RuleCaseFacts): FairnessExclusion[] {
  const reasons: FairnessExclusion[] = [];
  if (c.customerFlagged) reasons.push('abusive_customer');
  if (c.rootCause !== null && SYSTEMIC_ROOT_CAUSES.includes(c.rootCause)) reasons.push('systemic_root_cause');
  if (c.costApproved) reasons.push('approved_cost');
  return reasons;
}

const major = (minor: number) => (minor / 100).toFixed(2);

/** What this case adds to the rule's count, and in words why it is relevant; weight 0 means not at all. */
function weigh(rule: ReviewRule, c: RuleCaseFacts): { weight: number; why: string } {
  switch (rule.kind) {
    case 'costly_cases': {
      const sameCurrency = rule.currency === null || c.currency === rule.currency;
      const ok = c.lossMinor !== null && sameCurrency && c.lossMinor >= (rule.minLossMinor ?? 0);
      return { weight: ok ? 1 : 0, why: `primary party; loss ${major(c.lossMinor ?? 0)} ${c.currency ?? rule.currency ?? ''}`.trim() };
    }
    case 'unhappy_follow_ups':
      return { weight: c.unhappyFollowUps, why: `primary party; ${c.unhappyFollowUps} unhappy customer follow-up(s)` };
    case 'broken_promises':
      return { weight: c.brokenPromises, why: `${c.brokenPromises} promise(s) to the customer broken` };
  }
}

/**
 * Applies a rule to one employee's cases: which cases count and why, which are set apart and why,
 * and whether the count reaches the threshold. Pure, so the same facts always give the same answer.
 */
export function evaluateRule(rule: ReviewRule, cases: readonly RuleCaseFacts[], now: Date): RuleOutcome {
  const from = windowStart(now, rule.windowMonths).getTime();
  const counted: RuleCase[] = [];
  const excluded: RuleCase[] = [];
  for (const c of [...cases].sort((a, b) => a.reportedAt.localeCompare(b.reportedAt))) {
    const at = Date.parse(c.reportedAt);
    if (at < from || at > now.getTime()) continue;
    const { weight, why } = weigh(rule, c);
    if (weight === 0) continue;
    const reasons = exclusionsOf(c);
    const setApart = reasons.filter((r) => !rule.countExclusions.includes(r));
    if (setApart.length > 0) {
      excluded.push({
        caseId: c.caseId,
        ref: c.ref,
        weight,
        reasons,
        why: `${why}; set apart: ${setApart.map(describeExclusion).join('; ')}`,
      });
      continue;
    }
    const kept = reasons.length > 0 ? `; counted although ${reasons.map(describeExclusion).join('; ')} (the admin counts these)` : '';
    counted.push({ caseId: c.caseId, ref: c.ref, weight, reasons, why: `${why}${kept}` });
  }
  const total = counted.reduce((n, c) => n + c.weight, 0);
  return { flagged: rule.enabled && total >= rule.threshold, total, counted, excluded };
}

/**
 * What a case needs for any of these rules to weigh it at all: a loss of at least `minLossMinor`
 * (null: no costly-cases rule), an unhappy customer follow-up, a broken promise. A case with none of
 * them weighs nothing under every rule (evaluateRule skips it), so checking only the cases that have
 * one gives the same outcomes.
 */
export type RuleReach = { minLossMinor: number | null; unhappyFollowUps: boolean; brokenPromises: boolean };

export function reachOf(rules: readonly ReviewRule[]): RuleReach {
  const costly = rules.filter((r) => r.enabled && r.kind === 'costly_cases');
  return {
    minLossMinor: costly.length === 0 ? null : Math.min(...costly.map((r) => r.minLossMinor ?? 0)),
    unhappyFollowUps: rules.some((r) => r.enabled && r.kind === 'unhappy_follow_ups'),
    brokenPromises: rules.some((r) => r.enabled && r.kind === 'broken_promises'),
  };
}

/** The rule in one sentence, for lists and the dossier. */
export function describeRule(rule: Omit<ReviewRule, 'id'>): string {
  const within = `within ${rule.windowMonths} month${rule.windowMonths === 1 ? '' : 's'}`;
  switch (rule.kind) {
    case 'costly_cases':
      return `${rule.threshold} or more cases as the primary party with a loss of at least ${major(rule.minLossMinor ?? 0)} ${rule.currency ?? 'in the workspace currency'} ${within}`;
    case 'unhappy_follow_ups':
      return `${rule.threshold} or more unhappy customer follow-ups ${within}`;
    case 'broken_promises':
      return `${rule.threshold} or more broken promises to customers ${within}`;
  }
}
