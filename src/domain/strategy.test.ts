import { describe, expect, it } from 'vitest';
import type { CustomerState, RiskFlag, Severity } from './case.js';
import { findPlaybook } from './playbooks.js';
import { type CaseFacts, recommendStrategy, STRATEGIES, type Strategy } from './strategy.js';

/** A calm, minor case with nothing at stake; each table row changes only what its situation needs. */
function buildFacts(overrides: Partial<CaseFacts> = {}): CaseFacts {
  return {
    customerState: 'calm',
    severity: 4,
    amountAtStake: null,
    threats: [],
    employeeIsSubject: false,
    policyAtStake: false,
    customerPriorCases: 0,
    abusive: false,
    ...overrides,
  };
}

type Row = { title: string; facts: Partial<CaseFacts>; strategy: Strategy; playbookKey: string; decisive: RegExp };

const TABLE: Row[] = [
  {
    title: 'seed 000: a shouting match at the counter, so the employee backs off until the customer calms down',
    facts: { customerState: 'hostile', severity: 2, amountAtStake: 90 },
    strategy: 'withdraw',
    playbookKey: 'strategy-withdraw',
    decisive: /hostile/,
  },
  {
    title: 'seed 000 with the C4 abuse policy: insults at the employee end the interaction',
    facts: { customerState: 'angry', abusive: true, amountAtStake: 40 },
    strategy: 'withdraw',
    playbookKey: 'strategy-withdraw',
    decisive: /abusive/,
  },
  {
    title: 'seed 000: a hostile customer who also threatens to sue still gets a cool-off first',
    facts: { customerState: 'hostile', threats: ['legal_threat'], employeeIsSubject: true, amountAtStake: 5000, severity: 1 },
    strategy: 'withdraw',
    playbookKey: 'strategy-withdraw',
    decisive: /hostile/,
  },
  {
    title: 'seed 000 diffusion: a complaint about the very cashier handling it goes in writing to a superior',
    facts: { customerState: 'frustrated', employeeIsSubject: true, severity: 3 },
    strategy: 'diffuse',
    playbookKey: 'strategy-diffuse',
    decisive: /about the employee/,
  },
  {
    title: 'seed 003: an angry customer blaming one employee is mediated by a manager, not that employee',
    facts: { customerState: 'angry', employeeIsSubject: true, severity: 2, amountAtStake: 120 },
    strategy: 'diffuse',
    playbookKey: 'strategy-diffuse',
    decisive: /about the employee/,
  },
  {
    title: 'seed 000 reputation: a calm customer who mentions a lawyer is passed up with the facts written down',
    facts: { customerState: 'calm', threats: ['legal_threat'], amountAtStake: 200 },
    strategy: 'diffuse',
    playbookKey: 'strategy-diffuse',
    decisive: /legal action/,
  },
  {
    title: 'seed 000 reputation: a customer who will call the local paper reaches a manager',
    facts: { customerState: 'frustrated', threats: ['media', 'public_post'] },
    strategy: 'diffuse',
    playbookKey: 'strategy-diffuse',
    decisive: /media/,
  },
  {
    title: 'seed 000 large financial loss: a 2400 claim is beyond the front line',
    facts: { customerState: 'calm', amountAtStake: 2400, severity: 2 },
    strategy: 'diffuse',
    playbookKey: 'strategy-diffuse',
    decisive: /2400.*500/,
  },
  {
    title: "seed 000 with C4 authority limits: 300 is above this handler's own limit of 200",
    facts: { customerState: 'frustrated', amountAtStake: 300, authorityLimit: 200 },
    strategy: 'diffuse',
    playbookKey: 'strategy-diffuse',
    decisive: /300.*200/,
  },
  {
    title: 'seed 001 spotting patterns: a customer on their fifth complaint goes to a manager',
    facts: { customerState: 'calm', customerPriorCases: 4 },
    strategy: 'diffuse',
    playbookKey: 'strategy-diffuse',
    decisive: /4 earlier cases/,
  },
  {
    title: 'seed 004 moments of truth: a severity 1 incident with a calm customer is owned by a superior',
    facts: { customerState: 'calm', severity: 1 },
    strategy: 'diffuse',
    playbookKey: 'strategy-diffuse',
    decisive: /severity 1/,
  },
  {
    title: 'seed 001 when the customer is wrong: a calm customer asks for what a clear policy rules out',
    facts: { customerState: 'calm', policyAtStake: true },
    strategy: 'confront',
    playbookKey: 'strategy-confront',
    decisive: /policy/,
  },
  {
    title: 'seed 000 confront: a calm customer wants a 40 refund outside the return window',
    facts: { customerState: 'calm', policyAtStake: true, amountAtStake: 40 },
    strategy: 'confront',
    playbookKey: 'strategy-confront',
    decisive: /policy/,
  },
  {
    title: 'seed 001 diffuse first, educate second: an angry customer who has the rule wrong is not lectured yet',
    facts: { customerState: 'angry', policyAtStake: true },
    strategy: 'withdraw',
    playbookKey: 'strategy-withdraw',
    decisive: /angry/,
  },
  {
    title: 'seed 000 negotiate: a calm customer, 150 at stake and a review threatened, gets options',
    facts: { customerState: 'calm', amountAtStake: 150, threats: ['threatened_review'] },
    strategy: 'negotiate',
    playbookKey: 'strategy-negotiate',
    decisive: /150/,
  },
  {
    title: 'seed 002 six tips: a frustrated customer with a 60 refund talks it through toward a fix',
    facts: { customerState: 'frustrated', amountAtStake: 60, severity: 3 },
    strategy: 'negotiate',
    playbookKey: 'five-steps',
    decisive: /60/,
  },
  {
    title: 'seed 004: the associate who forgot to come back leaves a frustrated customer to win back',
    facts: { customerState: 'frustrated', severity: 4 },
    strategy: 'negotiate',
    playbookKey: 'five-steps',
    decisive: /frustrated/,
  },
  {
    title: 'seed 004 upset customers: an angry customer over an 80 double charge who threatens a post is calmed, then offered options',
    facts: { customerState: 'angry', amountAtStake: 80, threats: ['public_post'] },
    strategy: 'negotiate',
    playbookKey: 'five-steps',
    decisive: /80/,
  },
];

describe('recommendStrategy: situations from the seed articles', () => {
  it.each(TABLE)('$title', ({ facts, strategy, playbookKey, decisive }) => {
    const r = recommendStrategy(buildFacts(facts));
    expect(r.strategy).toBe(strategy);
    expect(r.playbookKey).toBe(playbookKey);
    expect(r.reasons.join(' ')).toMatch(decisive);
  });

  it('covers every strategy and every seed article', () => {
    expect(new Set(TABLE.map((row) => row.strategy))).toEqual(new Set(STRATEGIES));
    for (const seed of ['000', '001', '002', '003', '004']) expect(TABLE.some((row) => row.title.startsWith(`seed ${seed}`))).toBe(true);
  });

  it('puts the strongest reason first', () => {
    const r = recommendStrategy(buildFacts({ customerState: 'frustrated', employeeIsSubject: true, severity: 1 }));
    expect(r.reasons[0]).toMatch(/about the employee/);
    expect(r.reasons[1]).toMatch(/severity 1/);
  });

  it('treats an amount of zero as nothing at stake', () => {
    const zero = recommendStrategy(buildFacts({ amountAtStake: 0 }));
    expect(zero).toEqual(recommendStrategy(buildFacts({ amountAtStake: null })));
    expect(zero.reasons.join(' ')).not.toMatch(/at stake/);
  });
});

describe('recommendStrategy: invariants over every combination of facts', () => {
  const states: CustomerState[] = ['calm', 'frustrated', 'angry', 'hostile'];
  const severities: Severity[] = [1, 2, 3, 4];
  const amounts = [null, 0, 100, 5000];
  const threatSets: RiskFlag[][] = [[], ['threatened_review'], ['legal_threat'], ['media', 'public_post']];
  const all: CaseFacts[] = [];
  for (const customerState of states)
    for (const severity of severities)
      for (const amountAtStake of amounts)
        for (const threats of threatSets)
          for (const employeeIsSubject of [false, true])
            for (const policyAtStake of [false, true])
              for (const customerPriorCases of [0, 5])
                for (const abusive of [false, true])
                  all.push({
                    customerState,
                    severity,
                    amountAtStake,
                    threats,
                    employeeIsSubject,
                    policyAtStake,
                    customerPriorCases,
                    abusive,
                  });

  it('always offers exactly the three other strategies as alternatives', () => {
    for (const facts of all) {
      const r = recommendStrategy(facts);
      expect(r.alternatives).toHaveLength(3);
      const others = r.alternatives.map((a) => a.strategy);
      expect(others).not.toContain(r.strategy);
      expect(new Set([r.strategy, ...others])).toEqual(new Set(STRATEGIES));
      for (const a of r.alternatives) expect(a.whenBetter.length).toBeGreaterThan(10);
    }
  });

  it('orders alternatives by score and gives the winner the top score', () => {
    for (const facts of all) {
      const r = recommendStrategy(facts);
      const order = [r.strategy, ...r.alternatives.map((a) => a.strategy)].map((s) => r.scores[s]);
      expect(order).toEqual([...order].sort((a, b) => b - a));
    }
  });

  it('always gives at least one reason and a playbook that exists', () => {
    for (const facts of all) {
      const r = recommendStrategy(facts);
      expect(r.reasons.length).toBeGreaterThan(0);
      expect(findPlaybook(r.playbookKey)).toBeDefined();
    }
  });

  it('withdraws whenever the customer is hostile or abusive', () => {
    for (const facts of all.filter((f) => f.customerState === 'hostile' || f.abusive)) {
      expect(recommendStrategy(facts).strategy).toBe('withdraw');
    }
  });

  it('otherwise passes the case up when the employee is the subject, a legal or media threat is made, or the money is above authority', () => {
    const mustDiffuse = all.filter(
      (f) =>
        f.customerState !== 'hostile' &&
        !f.abusive &&
        (f.employeeIsSubject || f.threats.includes('legal_threat') || f.threats.includes('media') || (f.amountAtStake ?? 0) > 500),
    );
    expect(mustDiffuse.length).toBeGreaterThan(100);
    for (const facts of mustDiffuse) expect(recommendStrategy(facts).strategy).toBe('diffuse');
  });

  it('never confronts a customer who is angry or hostile', () => {
    for (const facts of all.filter((f) => f.customerState === 'angry' || f.customerState === 'hostile')) {
      expect(recommendStrategy(facts).strategy).not.toBe('confront');
    }
  });

  it('is deterministic', () => {
    for (const facts of all.slice(0, 200)) expect(recommendStrategy(facts)).toEqual(recommendStrategy(structuredClone(facts)));
  });
});
