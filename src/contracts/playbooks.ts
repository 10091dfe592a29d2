import { z } from 'zod';
import { CUSTOMER_STATES, RISK_FLAGS } from '../domain/case.js';
import { COACH_MOVES, PLAYBOOK_LIMITS as L } from '../domain/playbooks.js';
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
  /** Built-ins are read-only; workspace playbooks are copies admins edit, one version per save. */
  builtIn: z.boolean(),
  basedOn: z.object({ key: z.string(), version: z.number().int() }).optional(),
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

const version = z.coerce.number().int().min(1).max(1_000_000);

export const ZPlaybookVersionQuery = z.object({ version: version.optional().describe('a version; the latest by default') }).strict();

export const ZCopyPlaybook = z
  .object({
    fromKey: ZPlaybookKey.shape.key,
    fromVersion: z.number().int().min(1).optional(),
    name: z.string().trim().min(1).max(L.nameLength),
  })
  .strict();

/** Size bounds only; the domain's validatePlaybook gives the field-by-field reasons. */
const ZEditableStep = z
  .object({
    key: z.string().max(L.stepKeyLength),
    title: z.string().max(L.titleLength),
    goal: z.string().max(L.goalLength),
    guidance: z.array(z.string().max(L.guidanceLength)).max(L.maxGuidance),
    prompts: z.array(z.string().max(L.promptLength)).max(L.maxPrompts),
    doneWhen: z.string().max(L.doneWhenLength),
    expectedMoves: z.array(z.enum(COACH_MOVES)).max(COACH_MOVES.length).optional(),
  })
  .strict();

export const ZRevisePlaybook = z
  .object({
    name: z.string().max(L.nameLength).optional(),
    summary: z.string().max(L.summaryLength).optional(),
    source: z.string().max(L.sourceLength).optional(),
    steps: z.array(ZEditableStep).max(L.maxSteps).optional(),
  })
  .strict();

export const ZStartPlaybook = z
  .object({
    key: ZPlaybookKey.shape.key,
    version: z.number().int().min(1).optional(),
    strategy: z.enum(STRATEGIES).optional().describe('the recommended strategy by default'),
    reason: z
      .string()
      .max(1000)
      .optional()
      .describe('required when the strategy differs from the recommendation, or the case already runs a playbook'),
  })
  .strict();

export const ZStepDone = z
  .object({
    stepKey: z.string().min(1).max(L.stepKeyLength),
    note: z.string().max(2000).optional(),
  })
  .strict();

const ZProgress = z.object({
  done: z.number().int(),
  total: z.number().int(),
  percent: z.number().int(),
  currentStepKey: z.string().optional(),
  isComplete: z.boolean(),
});

export const ZPlaybookRun = z.object({
  playbook: ZPlaybook.nullable(),
  strategy: z.enum(STRATEGIES).nullable(),
  recommendation: ZRecommendation,
  progress: ZProgress.optional(),
  steps: z
    .array(
      z.object({
        key: z.string(),
        title: z.string(),
        done: z.object({ at: z.string(), by: z.string().nullable(), note: z.string().nullable() }).nullable(),
      }),
    )
    .optional(),
});
