import { z } from 'zod';
import { FAIRNESS_EXCLUSIONS, REVIEW_RULE_KINDS } from '../domain/review-rules.js';
import { REVIEW_FINDINGS, REVIEW_OUTCOMES, REVIEW_STATUSES } from '../domain/reviews.js';
import { id, text, ZCaseRefText } from './common.js';
import { ZSupportSummary } from './support.js';

const person = z.object({ id: z.string(), name: z.string() });

export const ZReviewRuleInput = z.object({
  kind: z.enum(REVIEW_RULE_KINDS),
  name: text(120),
  threshold: z.number().int().min(1).max(100),
  windowMonths: z.number().int().min(1).max(60),
  /** costly_cases: the least loss that counts, in major units of `currency`. */
  minLoss: z.number().min(0).max(100_000_000).nullable().optional(),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/, 'a three-letter currency code')
    .nullable()
    .optional(),
  enabled: z.boolean(),
  /** Exclusions that should count after all (normally none). */
  countExclusions: z.array(z.enum(FAIRNESS_EXCLUSIONS)).max(FAIRNESS_EXCLUSIONS.length),
});

export const ZReviewRule = z.object({
  id: z.string(),
  kind: z.enum(REVIEW_RULE_KINDS),
  name: z.string(),
  description: z.string(),
  threshold: z.number(),
  windowMonths: z.number(),
  minLossMinor: z.number().nullable(),
  currency: z.string().nullable(),
  enabled: z.boolean(),
  countExclusions: z.array(z.enum(FAIRNESS_EXCLUSIONS)),
  updatedAt: z.string(),
});

const flagCase = z.object({
  caseId: z.string(),
  ref: z.string(),
  why: z.string(),
  reasons: z.array(z.enum(FAIRNESS_EXCLUSIONS)).optional(),
});

export const ZReviewFlag = z.object({
  id: z.string(),
  status: z.enum(['pending', 'opened', 'dismissed']),
  rule: z.object({ id: z.string(), name: z.string(), description: z.string() }),
  employee: person,
  counted: z.array(flagCase),
  excluded: z.array(flagCase),
  raisedAt: z.string(),
  decidedAt: z.string().nullable(),
  decidedBy: person.nullable(),
  decisionReason: z.string().nullable(),
  reviewId: z.string().nullable(),
});

export const ZFlagQuery = z.object({ status: z.enum(['pending', 'opened', 'dismissed']).optional() });
export const ZFlagDecision = z.object({ open: z.boolean(), reason: text(2000) });
export const ZNewReview = z.object({ employeeId: id, caseRefs: z.array(ZCaseRefText).min(1).max(50), reason: text(2000) });
export const ZReviewQuery = z.object({ employeeId: id.optional() });

export const ZFindingInput = z.object({ allegation: text(2000), finding: z.enum(REVIEW_FINDINGS), policy: text(300) });
export const ZFindingParams = z.object({ id, ref: ZCaseRefText });

export const ZDecisionInput = z.object({
  outcome: z.enum(REVIEW_OUTCOMES),
  rationale: text(5000),
  departureReason: text(2000).optional(),
  /** When the outcome is training: the scenarios (keys) assigned to the employee with the decision, due in 14 days. */
  scenarioIds: z.array(z.string().min(1).max(120)).max(20).optional(),
});

const trainingRecord = z.object({
  kind: z.enum(['practice', 'certification']),
  key: z.string(),
  title: z.string(),
  finishedAt: z.string(),
  passed: z.boolean().nullable(),
});

export const ZReviewListItem = z.object({
  id: z.string(),
  status: z.enum(REVIEW_STATUSES),
  employee: person,
  ruleName: z.string().nullable(),
  openedAt: z.string(),
  responseDueAt: z.string(),
  outcome: z.enum(REVIEW_OUTCOMES).nullable(),
});

export const ZReview = z.object({
  id: z.string(),
  status: z.enum(REVIEW_STATUSES),
  employee: z.object({ id: z.string(), name: z.string(), teamId: z.string().nullable() }),
  rule: z.object({ id: z.string(), name: z.string(), description: z.string() }).nullable(),
  reason: z.string(),
  openedAt: z.string(),
  openedBy: person,
  responseDueAt: z.string(),
  waivedAt: z.string().nullable(),
  windowOpen: z.boolean(),
  employeeStatement: z.object({ body: z.string(), at: z.string() }).nullable(),
  appeal: z.object({ reason: z.string(), at: z.string() }).nullable(),
  cases: z.array(
    z.object({
      caseId: z.string(),
      ref: z.string(),
      title: z.string(),
      reportedAt: z.string(),
      counted: z.boolean(),
      why: z.string(),
      exclusions: z.array(z.string()),
      allegation: z.string().nullable(),
      finding: z.enum(REVIEW_FINDINGS).nullable(),
      policy: z.string().nullable(),
      notice: z.object({ trained: z.boolean(), records: z.array(trainingRecord) }),
    }),
  ),
  decisions: z.array(
    z.object({
      id: z.string(),
      stage: z.enum(['first', 'appeal']),
      outcome: z.enum(REVIEW_OUTCOMES),
      rationale: z.string(),
      departureReason: z.string().nullable(),
      scenarioIds: z.array(z.string()),
      decidedBy: person,
      decidedAt: z.string(),
      signOff: z.object({ by: person, at: z.string() }).nullable(),
      effective: z.boolean(),
    }),
  ),
  comparable: z.array(
    z.object({ reviewId: z.string(), employeeName: z.string(), outcome: z.enum(REVIEW_OUTCOMES), decidedAt: z.string() }),
  ),
  audit: z.array(
    z.object({
      seq: z.number(),
      kind: z.string(),
      at: z.string(),
      actor: z.string().nullable(),
      hash: z.string(),
      fileSha256: z.string().nullable(),
    }),
  ),
  can: z.object({ decide: z.boolean(), signOff: z.boolean(), recordFindings: z.boolean() }),
});

const money = z.object({ amount: z.number(), currency: z.string() });

export const ZReviewEvidence = z.object({
  cases: z.array(
    z.object({
      caseId: z.string(),
      ref: z.string(),
      title: z.string(),
      summary: z.string(),
      status: z.string(),
      occurredAt: z.string(),
      reportedAt: z.string(),
      counted: z.boolean(),
      outcome: z.string().nullable(),
      rootCause: z.object({ category: z.string().nullable(), whys: z.array(z.string()) }),
      cost: z.object({
        impact: money.extend({ kind: z.string().nullable() }).nullable(),
        agreed: money.extend({ approved: z.boolean() }).nullable(),
      }),
      statements: z.array(z.object({ id: z.string(), party: z.string(), author: z.string(), body: z.string(), takenAt: z.string() })),
      followUps: z.array(
        z.object({
          id: z.string(),
          party: z.string(),
          status: z.string(),
          answeredAt: z.string().nullable(),
          answer: z.record(z.string(), z.unknown()).nullable(),
        }),
      ),
      replyScores: z.array(z.object({ at: z.string(), total: z.number() })),
      files: z.array(
        z.object({
          fileName: z.string(),
          contentType: z.string(),
          sha256: z.string(),
          source: z.string(),
          addedAt: z.string(),
          erasedAt: z.string().nullable().describe('when it was erased with the customer’s personal data; null while kept'),
        }),
      ),
      timeline: z.array(z.object({ seq: z.number(), kind: z.string(), at: z.string(), actor: z.string().nullable(), hash: z.string() })),
      chain: z.object({ intact: z.boolean(), problem: z.string().nullable(), eventsChecked: z.number() }),
    }),
  ),
  training: z.array(trainingRecord),
  support: z.array(ZSupportSummary.extend({ answeredAt: z.string().nullable() })),
  earlierReviews: z.array(z.object({ id: z.string(), openedAt: z.string(), status: z.string(), outcome: z.string().nullable() })),
});

export const ZMyReview = z.object({
  id: z.string(),
  status: z.enum(REVIEW_STATUSES),
  openedAt: z.string(),
  responseDueAt: z.string(),
  windowOpen: z.boolean(),
  waivedAt: z.string().nullable(),
  summary: z.object({
    rule: z.string().nullable(),
    cases: z.array(z.object({ ref: z.string(), title: z.string(), reportedAt: z.string() })),
  }),
  statement: z.object({ body: z.string(), at: z.string() }).nullable(),
  decision: z
    .object({ outcome: z.enum(REVIEW_OUTCOMES), rationale: z.string(), decidedAt: z.string(), scenarioIds: z.array(z.string()) })
    .nullable(),
  appeal: z.object({ reason: z.string(), at: z.string() }).nullable(),
  canAppeal: z.boolean(),
});

/** The statement is kept exactly as written (no trimming of what the employee says). */
export const ZMyStatement = z.object({ body: z.string().min(1, 'must not be empty').max(10_000, 'at most 10000 characters') });
export const ZAppeal = z.object({ reason: text(5000) });
