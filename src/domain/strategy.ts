import type { CustomerState, RiskFlag, Severity } from './case.js';

/** The four strategies for a clash with a customer, in the order used to break a tie (safety first, then hand-off). */
export const STRATEGIES = ['withdraw', 'diffuse', 'confront', 'negotiate'] as const;
export type Strategy = (typeof STRATEGIES)[number];

export type CaseFacts = {
  customerState: CustomerState;
  /** 1 is the most serious. */
  severity: Severity;
  amountAtStake: number | null;
  threats: readonly RiskFlag[];
  /** The complaint is about the employee who is handling it. */
  employeeIsSubject: boolean;
  /** The customer asks for something a clear policy rules out. */
  policyAtStake: boolean;
  /** Earlier cases of the same customer. */
  customerPriorCases: number;
  abusive: boolean;
  /** The handler's authority limit in major units (null = no limit); when absent, DEFAULT_AUTHORITY_LIMIT. */
  authorityLimit?: number | null;
};

export type Recommendation = {
  strategy: Strategy;
  playbookKey: string;
  /** Plain words, each tied to one fact, strongest first. */
  reasons: string[];
  /** The other three strategies, most likely first. */
  alternatives: { strategy: Strategy; whenBetter: string }[];
  /** The summed weights, so the choice can be explained and audited. */
  scores: Record<Strategy, number>;
};

/** Used only when a caller does not know the handler's limit (the service always passes the real one). */
export const DEFAULT_AUTHORITY_LIMIT = 500;

/** A fact that is about someone's safety outweighs every other row of the table combined. */
const SAFETY = 1000;

/** The customer has come back this many times or more: a pattern worth a manager's eyes. */
const REPEAT_CUSTOMER = 3;

type Rule = {
  strategy: Strategy;
  weight: number;
  applies: (f: CaseFacts) => boolean;
  /** Shown when the rule adds to the chosen strategy; rows that only subtract need none. */
  reason?: (f: CaseFacts) => string;
};

const limitOf = (f: CaseFacts) => (f.authorityLimit === undefined ? DEFAULT_AUTHORITY_LIMIT : f.authorityLimit);
const hasMoney = (f: CaseFacts) => f.amountAtStake !== null && f.amountAtStake > 0;
const isAboveLimit = (f: CaseFacts) => {
  const limit = limitOf(f);
  return hasMoney(f) && limit !== null && (f.amountAtStake as number) > limit;
};
const seriousThreats = (f: CaseFacts) => f.threats.filter((t) => t === 'legal_threat' || t === 'media');
const publicThreats = (f: CaseFacts) => f.threats.filter((t) => t === 'threatened_review' || t === 'public_post');
const THREAT_WORDS: Record<RiskFlag, string> = {
  legal_threat: 'legal action',
  media: 'going to the media',
  threatened_review: 'a bad review',
  public_post: 'a public post',
};
const describe = (threats: RiskFlag[]) => threats.map((t) => THREAT_WORDS[t]).join(' and ');

/**
 * The scoring table. Each row adds its weight to one strategy when its fact holds; the highest
 * total wins. Weights are chosen so that the decisive rules stay decisive: safety rows beat
 * everything; a conflict of interest, a serious threat or an amount above the handler's authority
 * beats any mix of the milder rows; the rest trade off against each other.
 */
const RULES: readonly Rule[] = [
  // In a heated exchange, step back until the customer is calm. Under the abuse policy an employee
  // facing abuse may end the interaction and hand the case to a supervisor.
  {
    strategy: 'withdraw',
    weight: SAFETY,
    applies: (f) => f.abusive,
    reason: () => 'The customer has been abusive. You may end the conversation; a supervisor takes the case from here.',
  },
  {
    strategy: 'withdraw',
    weight: SAFETY,
    applies: (f) => f.customerState === 'hostile',
    reason: () => 'The customer is hostile. Nothing gets solved at that heat, so step back and let it cool first.',
  },
  {
    strategy: 'withdraw',
    weight: 20,
    applies: (f) => f.customerState === 'angry',
    reason: () => 'The customer is angry. A short pause or a fresh face often helps more than carrying on.',
  },
  // "Diffuse first, educate second": explaining a rule to someone upset backfires.
  { strategy: 'confront', weight: -50, applies: (f) => f.customerState === 'hostile' },
  { strategy: 'confront', weight: -25, applies: (f) => f.customerState === 'angry' },
  { strategy: 'confront', weight: -10, applies: (f) => f.customerState === 'frustrated' },
  { strategy: 'negotiate', weight: -20, applies: (f) => f.customerState === 'hostile' },

  // A manager hears both sides; the person complained about should not judge their own case.
  // Diffusing hands it to a superior with the facts in writing.
  {
    strategy: 'diffuse',
    weight: 60,
    applies: (f) => f.employeeIsSubject,
    reason: () =>
      'The complaint is about the employee handling it. Someone else should decide, so put the facts in writing and pass it up.',
  },
  // The front line carries the company's reputation; legal and media threats need a
  // superior's judgement and a written record.
  {
    strategy: 'diffuse',
    weight: 60,
    applies: (f) => seriousThreats(f).length > 0,
    reason: (f) => `The customer mentioned ${describe(seriousThreats(f))}. A manager should own the case, with the facts in writing.`,
  },
  // Authority limits: a cost above the handler's own limit needs a supervisor's approval anyway.
  {
    strategy: 'diffuse',
    weight: 40,
    applies: isAboveLimit,
    reason: (f) => `${f.amountAtStake} is at stake, more than the ${limitOf(f)} you may approve on your own. A superior has to decide.`,
  },
  {
    strategy: 'diffuse',
    weight: 20,
    applies: (f) => f.severity === 1,
    reason: () => 'This is a severity 1 case, the most serious kind. It belongs with a superior.',
  },
  { strategy: 'diffuse', weight: 5, applies: (f) => f.severity === 2, reason: () => 'This is a severity 2 case, a serious one.' },
  // Leaders spot patterns across cases; a repeat complainant is a pattern to look at.
  {
    strategy: 'diffuse',
    weight: 20,
    applies: (f) => f.customerPriorCases >= REPEAT_CUSTOMER,
    reason: (f) =>
      `This customer already has ${f.customerPriorCases} earlier cases. A manager should see the pattern before anyone offers more.`,
  },
  {
    strategy: 'diffuse',
    weight: 10,
    applies: (f) => publicThreats(f).length > 0,
    reason: (f) => `The customer threatened ${describe(publicThreats(f))}, so a senior person may want to see it.`,
  },

  // Firm, assertive handling meets the issue directly; when the customer is wrong, be clear about
  // the rule and kind to the person. Works only when they can listen.
  {
    strategy: 'confront',
    weight: 25,
    applies: (f) => f.policyAtStake,
    reason: () => 'They are asking for something a clear policy rules out. A firm, polite answer with the reason is fairest.',
  },
  {
    strategy: 'confront',
    weight: 10,
    applies: (f) => f.customerState === 'calm',
    reason: () => 'The customer is calm, so they can hear a clear answer.',
  },

  // Negotiation balances what the company and the customer need, and ends in options and an agreed
  // solution. It needs something to trade and a customer willing to talk.
  {
    strategy: 'negotiate',
    weight: 15,
    applies: (f) => f.customerState === 'calm',
    reason: () => 'The customer is calm, so you can work through options together.',
  },
  {
    strategy: 'negotiate',
    weight: 15,
    applies: (f) => f.customerState === 'frustrated',
    reason: () => 'The customer is frustrated but still talking. That is a good moment to work out a fix together.',
  },
  {
    strategy: 'negotiate',
    weight: 10,
    applies: (f) => f.customerState === 'angry',
    reason: () => 'The customer is angry, so calm things first with the five steps, then get to the options.',
  },
  {
    strategy: 'negotiate',
    weight: 20,
    applies: (f) => hasMoney(f) && !isAboveLimit(f),
    reason: (f) => `${f.amountAtStake} is at stake and within what you can approve, so you have room to offer options.`,
  },
  {
    strategy: 'negotiate',
    weight: 15,
    applies: (f) => publicThreats(f).length > 0,
    reason: (f) => `The customer threatened ${describe(publicThreats(f))}. A fair deal now protects your reputation.`,
  },
  { strategy: 'negotiate', weight: -5, applies: (f) => f.policyAtStake },
];

const WHEN_BETTER: Record<Strategy, string> = {
  withdraw: "If voices rise, the customer turns hostile or abusive, or you can't stay calm yourself.",
  diffuse: 'If the decision is above your authority, the complaint is about you, or legal or media threats come up.',
  confront: 'If the customer is calm and asks for something a clear policy rules out.',
  negotiate: 'If there is room to offer something (a refund, a credit, a redo) and the customer is willing to talk.',
};

/**
 * Recommends one of the four strategies for a case's facts, with the reasons and the alternatives.
 * Deterministic: the same facts always give the same answer.
 */
export function recommendStrategy(facts: CaseFacts): Recommendation {
  const scores: Record<Strategy, number> = { withdraw: 0, diffuse: 0, confront: 0, negotiate: 0 };
  const fired = RULES.filter((r) => r.applies(facts));
  for (const r of fired) scores[r.strategy] += r.weight;

  const ranked = [...STRATEGIES].sort((a, b) => scores[b] - scores[a] || STRATEGIES.indexOf(a) - STRATEGIES.indexOf(b));
  const strategy = ranked[0] as Strategy;
  const reasons = fired
    .filter((r) => r.strategy === strategy && r.weight > 0 && r.reason)
    .sort((a, b) => b.weight - a.weight)
    .map((r) => (r.reason as (f: CaseFacts) => string)(facts));

  return {
    strategy,
    playbookKey: playbookFor(strategy, facts),
    reasons,
    alternatives: ranked.slice(1).map((s) => ({ strategy: s, whenBetter: WHEN_BETTER[s] })),
    scores,
  };
}

/**
 * The playbook that carries out a strategy. Negotiating with an upset customer runs the five-steps
 * playbook, which calms things down before it reaches the options; otherwise each strategy has its own.
 */
export function playbookFor(strategy: Strategy, facts: Pick<CaseFacts, 'customerState'>): string {
  if (strategy === 'negotiate' && (facts.customerState === 'angry' || facts.customerState === 'frustrated')) return 'five-steps';
  return `strategy-${strategy}`;
}
