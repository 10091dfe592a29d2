import { z } from 'zod';
import { CHANNELS } from '../domain/case.js';
import { MOVE_KINDS, SCORE_PARTS } from '../domain/coach.js';
import { STRATEGIES } from '../domain/strategy.js';
import { DIFFICULTIES, SCENARIO_LIMITS as L, MOOD_STATES, NEEDS, PRACTICE_OUTCOMES, SIGNALS } from '../domain/training.js';
import { ASSIGNMENT_MODES } from '../domain/training-rules.js';
import { ZReplyReading } from './coach.js';

/** Training: practice scenarios, practice sessions against a simulated customer, and the strategy quiz. */

const ZSpan = z.tuple([z.number().int().nonnegative(), z.number().int().nonnegative()]);
const ZMood = z.enum(MOOD_STATES);
const ZDifficulty = z.enum(DIFFICULTIES);
const ZStrategy = z.enum(STRATEGIES);
const version = z.coerce.number().int().min(1).max(1_000_000);

export const ZScenarioKey = z.object({
  key: z.string().regex(/^[a-z0-9-]{1,80}$/, 'a scenario key: lowercase letters, digits and dashes'),
});
export const ZScenarioVersionQuery = z.object({ version: version.optional().describe('a version; the latest by default') }).strict();

const line = (max: number = L.lineLength) => z.string().max(max);
const lines = z.array(line()).max(L.maxListItems);
const ZRubricRule = z.object({ label: line(), phrases: z.array(z.string().max(L.phraseLength)).max(L.maxPhrases), why: line() }).strict();
const ZTrigger = z
  .object({
    signal: z.enum(SIGNALS).optional(),
    phrases: z.array(z.string().max(L.phraseLength)).max(L.maxPhrases).optional(),
    weight: z.number().int(),
    why: line(),
  })
  .strict();
const ZPersonaLines = z
  .object({
    opening: lines,
    vent: lines,
    calm: lines,
    frustrated: lines,
    angry: lines,
    hostile: lines,
    abusive: lines.optional(),
    satisfied: lines,
    walkAway: lines,
  })
  .strict();
const ZPersona = z
  .object({
    name: z.string().max(L.nameLength),
    who: line(L.personaTextLength),
    whatHappened: line(L.personaTextLength),
    wants: line(L.personaTextLength),
    startMood: ZMood,
    calmer: lines,
    angrier: lines,
    triggers: z.array(ZTrigger).max(L.maxTriggers),
    ventTurns: z.number().int(),
    mayBecomeAbusive: z.boolean(),
    lines: ZPersonaLines,
  })
  .strict();
const ZRubric = z.object({ mustSay: z.array(ZRubricRule).max(L.maxRules), neverSay: z.array(ZRubricRule).max(L.maxRules) }).strict();
const ZGoal = z
  .object({ calmAt: z.number().int(), needs: z.array(z.enum(NEEDS)).max(NEEDS.length), abusePolicyIsRight: z.boolean() })
  .strict();

/** What an admin may change in a workspace scenario; size bounds only: the domain gives the field-by-field reasons. */
export const ZReviseScenario = z
  .object({
    title: z.string().max(L.titleLength).optional(),
    summary: z.string().max(L.summaryLength).optional(),
    brief: z.string().max(L.briefLength).optional(),
    persona: ZPersona.optional(),
    playbookKey: z.string().max(80).optional(),
    steps: z.array(z.string().max(40)).max(20).optional(),
    strategy: ZStrategy.optional(),
    channel: z.enum(CHANNELS).optional(),
    customerIsRight: z.boolean().optional(),
    passMark: z.number().int().optional(),
    rubric: ZRubric.optional(),
    goal: ZGoal.optional(),
    difficulties: z.array(ZDifficulty).max(DIFFICULTIES.length).optional(),
    models: z.record(z.string().max(40), z.string().max(L.replyLength)).optional(),
    publish: z.boolean().optional().describe('a draft made from a case: publish this version so people can practise it'),
  })
  .strict();

export const ZCopyScenario = z
  .object({
    fromKey: ZScenarioKey.shape.key,
    fromVersion: z.number().int().min(1).optional(),
    title: z.string().trim().min(1).max(L.titleLength),
  })
  .strict();

export const ZScenario = z.object({
  key: z.string(),
  version: z.number().int(),
  title: z.string(),
  summary: z.string(),
  brief: z.string(),
  persona: ZPersona,
  playbookKey: z.string(),
  playbookName: z.string(),
  steps: z.array(z.string()),
  strategy: ZStrategy,
  channel: z.enum(CHANNELS),
  customerIsRight: z.boolean(),
  passMark: z.number().int(),
  rubric: ZRubric,
  rubricSteps: z.array(
    z.object({
      key: z.string(),
      title: z.string(),
      goal: z.string(),
      wants: z.array(z.enum(MOVE_KINDS)),
      doneWhen: z.string(),
      guidance: z.array(z.string()),
      prompts: z.array(z.string()),
    }),
  ),
  goal: ZGoal,
  difficulties: z.array(ZDifficulty),
  difficultyLabels: z.record(z.string(), z.string()),
  models: z.record(z.string(), z.string()),
  builtIn: z.boolean(),
  draft: z.boolean(),
  fromCaseId: z.string().nullable(),
  can: z.object({ edit: z.boolean() }),
  basedOn: z.object({ key: z.string(), version: z.number().int() }).optional(),
});

export const ZScenarioSummary = z.object({
  key: z.string(),
  version: z.number().int(),
  title: z.string(),
  summary: z.string(),
  strategy: ZStrategy,
  playbookKey: z.string(),
  playbookName: z.string(),
  channel: z.enum(CHANNELS),
  customerIsRight: z.boolean(),
  passMark: z.number().int(),
  difficulties: z.array(ZDifficulty),
  basedOn: z.object({ key: z.string(), version: z.number().int() }).optional(),
  builtIn: z.boolean(),
  draft: z.boolean(),
  personaName: z.string(),
  startMood: ZMood,
  abusePolicyIsRight: z.boolean(),
});

// ---------------------------------------------------------------------------------------------
// Sessions
// ---------------------------------------------------------------------------------------------

export const ZSessionId = z.object({ id: z.string().min(1).max(64) });

export const ZStartSession = z
  .object({
    scenarioKey: ZScenarioKey.shape.key,
    scenarioVersion: z.number().int().min(1).optional(),
    difficulty: ZDifficulty,
    mode: z.enum(ASSIGNMENT_MODES).optional().describe('certification: no hints, limited attempts, its own pass mark and an expiry'),
    seed: z
      .number()
      .int()
      .min(0)
      .max(2_147_483_647)
      .optional()
      .describe('replays a session: the same seed and replies give the same customer lines'),
  })
  .strict();

export const ZSessionReply = z
  .object({ reply: z.string().trim().min(1, 'must not be empty').max(L.replyLength, `at most ${L.replyLength} characters`) })
  .strict();

export const ZEndSession = z
  .object({
    how: z.enum(['abuse_policy', 'stop']).describe('abuse_policy: end it under the abuse policy; stop: give up without an ending'),
    note: z.string().max(L.noteLength).optional(),
  })
  .strict();

export const ZSessionListQuery = z
  .object({
    mine: z
      .enum(['true', 'false'])
      .transform((v) => v === 'true')
      .optional()
      .describe('only your own sessions'),
    status: z.enum(['active', 'finished']).optional(),
    scenarioKey: ZScenarioKey.shape.key.optional(),
    mode: z.enum(ASSIGNMENT_MODES).optional(),
    reviewed: z
      .enum(['true', 'false'])
      .transform((v) => v === 'true')
      .optional()
      .describe('only sessions a supervisor reviewed'),
    limit: z.coerce.number().int().min(1).max(200).optional(),
    cursor: z.string().min(1).max(200).optional().describe('the nextCursor of the previous page'),
  })
  .strict();

export const ZSessionSummary = z.object({
  id: z.string(),
  mode: z.enum(ASSIGNMENT_MODES),
  user: z.object({ id: z.string(), name: z.string() }),
  scenario: z.object({ key: z.string(), version: z.number().int(), title: z.string() }),
  difficulty: ZDifficulty,
  status: z.enum(['active', 'finished']),
  outcome: z.enum(PRACTICE_OUTCOMES).nullable(),
  turns: z.number().int(),
  total: z.number().int().nullable().describe('the score that counts: a supervisor’s override, else the coach’s'),
  coachTotal: z.number().int().nullable(),
  overridden: z.boolean(),
  passed: z.boolean().nullable(),
  expiresAt: z.string().nullable().describe('a passed certification: when it must be renewed'),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
});

const ZStepView = z.object({
  key: z.string(),
  title: z.string(),
  goal: z.string(),
  wants: z.array(z.enum(MOVE_KINDS)),
  made: z.array(z.enum(MOVE_KINDS)),
  missing: z.array(z.enum(MOVE_KINDS)),
  done: z.boolean(),
});

export const ZPracticeTurn = z.object({
  n: z.number().int(),
  reply: z.string(),
  reading: ZReplyReading,
  step: ZStepView.nullable(),
  signals: z.array(z.enum(SIGNALS)),
  effects: z.array(z.object({ why: z.string(), delta: z.number() })),
  heatBefore: z.number(),
  heatAfter: z.number(),
  moodBefore: ZMood,
  moodAfter: ZMood,
  notes: z.array(
    z.object({
      kind: z.enum([
        'early_solution',
        'generic_empathy',
        'repeated_empathy',
        'empty_promise',
        'never_say',
        'must_say',
        'interrupted',
        'trigger',
      ]),
      text: z.string(),
      span: ZSpan.optional(),
    }),
  ),
  customer: z.string(),
});

const ZScoreItem = z.object({ value: z.number().int(), reason: z.string() });
const ZResultItem = z.object({
  turn: z.number().int().nullable(),
  quote: z.string().nullable(),
  text: z.string(),
  better: z.string().optional(),
});

export const ZPracticeResult = z.object({
  outcome: z.enum(PRACTICE_OUTCOMES),
  passed: z.boolean(),
  total: z.number().int(),
  passMark: z.number().int(),
  parts: z
    .object(Object.fromEntries(SCORE_PARTS.map((p) => [p, ZScoreItem])) as Record<(typeof SCORE_PARTS)[number], typeof ZScoreItem>)
    .nullable(),
  verdict: z.string(),
  ending: z.object({ right: z.boolean(), text: z.string() }),
  wentWell: z.array(ZResultItem),
  toChange: z.array(ZResultItem),
});

export const ZSession = ZSessionSummary.extend({
  seed: z.number().int(),
  scenario: z.object({
    key: z.string(),
    version: z.number().int(),
    title: z.string(),
    personaName: z.string(),
    personaWho: z.string(),
    brief: z.string(),
    playbookKey: z.string(),
    playbookName: z.string(),
    strategy: ZStrategy,
    channel: z.enum(CHANNELS),
    passMark: z.number().int(),
  }),
  mood: z.object({ state: ZMood, heat: z.number(), start: ZMood }),
  opening: z.string(),
  turnsPlayed: z.array(ZPracticeTurn),
  nextStep: z
    .object({
      key: z.string(),
      title: z.string(),
      goal: z.string(),
      wants: z.array(z.enum(MOVE_KINDS)),
      guidance: z.array(z.string()),
      prompts: z.array(z.string()),
    })
    .nullable(),
  result: ZPracticeResult.nullable(),
  hints: z.boolean().describe('false while a certification runs: findings and the step are shown once it ends'),
  review: z
    .object({ total: z.number().int(), reason: z.string(), by: z.object({ id: z.string(), name: z.string() }), at: z.string() })
    .nullable(),
  can: z.object({ play: z.boolean(), review: z.boolean() }),
});

export const ZReviewSession = z
  .object({
    total: z.number().int().min(0).max(100),
    reason: z.string().trim().min(1, 'say why the score changes').max(L.noteLength),
  })
  .strict();

export const ZTurnPlayed = z.object({ turn: ZPracticeTurn, session: ZSession });

// ---------------------------------------------------------------------------------------------
// Strategy quiz
// ---------------------------------------------------------------------------------------------

export const ZQuizId = z.object({ id: z.string().regex(/^[a-z0-9-]{1,80}$/, 'a quiz situation id') });
export const ZQuizItem = z.object({ id: z.string(), situation: z.string() });
export const ZQuizAnswerInput = z.object({ strategy: ZStrategy }).strict();
export const ZQuizAnswer = z.object({
  id: z.string(),
  chosen: ZStrategy,
  correct: z.boolean(),
  answer: ZStrategy,
  reasons: z.array(z.string()),
  chosenFitsWhen: z.string().nullable(),
  alternatives: z.array(z.object({ strategy: ZStrategy, whenBetter: z.string() })),
  playbook: z.object({ key: z.string(), name: z.string(), summary: z.string(), steps: z.array(z.string()) }).nullable(),
});
