import { z } from 'zod';
import { CUSTOMER_STATES, RISK_FLAGS } from '../domain/case.js';
import { COACH_MOVES } from '../domain/playbooks.js';
import { STRATEGIES } from '../domain/strategy.js';

/** Playbooks and the strategy recommender, as the API shows them. */
export const ZPlaybookStep = z.object({
  key: z.string(),
  title: z.string(),
  goal: z.string(),
  guidance: z.array(z.string()),
  prompts: z.array(z.string()),
  doneWhen: z.string(),
  expectedMoves: z.array(z.enum(COACH_MOVES)).optional(),
});

export const ZPlaybook = z.object({
  key: z.string(),
  version: z.number().int(),
  name: z.string(),
  summary: z.string(),
  source: z.string(),
  steps: z.array(ZPlaybookStep),
});

export const ZPlaybookSummary = ZPlaybook.omit({ steps: true }).extend({ stepCount: z.number().int() });

export const ZPlaybookKey = z.object({
  key: z.string().regex(/^[a-z0-9-]{1,80}$/, 'a playbook key: lowercase letters, digits and dashes'),
});

const flag = z.enum(['true', 'false']).transform((v) => v === 'true');

export const ZRecommendationQuery = z
  .object({
    policyAtStake: flag.optional().describe('the customer asks for something a clear policy rules out'),
    abusive: flag.optional().describe('the customer has been abusive'),
  })
  .strict();

export const ZRecommendation = z.object({
  strategy: z.enum(STRATEGIES),
  playbookKey: z.string(),
  reasons: z.array(z.string()),
  alternatives: z.array(z.object({ strategy: z.enum(STRATEGIES), whenBetter: z.string() })),
  scores: z.record(z.string(), z.number()),
  facts: z.object({
    customerState: z.enum(CUSTOMER_STATES),
    severity: z.number().int(),
    amountAtStake: z.number().nullable(),
    threats: z.array(z.enum(RISK_FLAGS)),
    employeeIsSubject: z.boolean(),
    policyAtStake: z.boolean(),
    customerPriorCases: z.number().int(),
    abusive: z.boolean(),
  }),
});
