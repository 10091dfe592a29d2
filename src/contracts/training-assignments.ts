import { z } from 'zod';
import { SCORE_PARTS } from '../domain/coach.js';
import { ASSIGNMENT_MODES, ASSIGNMENT_SOURCES } from '../domain/training-rules.js';
import { ZCaseRefText } from './common.js';
import { ZIsoTimestamp } from './time.js';
import { ZScenarioKey } from './training.js';

/** Training assignments, the workspace's training rules, certification, reports and calibration. */

const ZMode = z.enum(ASSIGNMENT_MODES);
const ZUserId = z.string().min(1).max(64);

export const ZAssignmentId = z.object({ id: z.string().min(1).max(64) });
export const ZUserIdParam = z.object({ userId: ZUserId });

export const ZAssignInput = z
  .object({
    scenarioKeys: z.array(ZScenarioKey.shape.key).min(1).max(20).describe('one scenario, or a set'),
    userIds: z.array(ZUserId).max(200).optional(),
    teamId: z.string().min(1).max(64).optional().describe('everyone in this team'),
    dueAt: ZIsoTimestamp,
    mode: ZMode.optional(),
    note: z.string().max(500).optional(),
  })
  .strict();

export const ZAssignmentListQuery = z
  .object({
    mine: z
      .enum(['true', 'false'])
      .transform((v) => v === 'true')
      .optional()
      .describe('only what is assigned to you'),
    userId: ZUserId.optional(),
    status: z.enum(['open', 'done', 'cancelled']).optional(),
    limit: z.coerce.number().int().min(1).max(500).optional(),
  })
  .strict();

const ZAssignmentState = z.enum(['due', 'overdue', 'done', 'cancelled']);

export const ZAssignment = z.object({
  id: z.string(),
  user: z.object({ id: z.string(), name: z.string() }),
  scenario: z.object({ key: z.string(), title: z.string() }),
  mode: ZMode,
  source: z.enum(ASSIGNMENT_SOURCES),
  reason: z.string().nullable(),
  teamId: z.string().nullable(),
  assignedBy: z.string().nullable(),
  dueAt: z.string(),
  state: ZAssignmentState,
  sessionId: z.string().nullable(),
  doneAt: z.string().nullable(),
  createdAt: z.string(),
  can: z.object({ cancel: z.boolean(), start: z.boolean() }),
});

export const ZTrainingRules = z
  .object({
    starterSet: z.array(ZScenarioKey.shape.key).max(20),
    starterDueDays: z.number().int(),
    lowScore: z
      .object({
        enabled: z.boolean(),
        mark: z.number().int(),
        minReplies: z.number().int(),
        sinceDays: z.number().int(),
        dueDays: z.number().int(),
      })
      .strict(),
    refresherAfterDays: z.number().int().describe('0 turns spaced re-practice off'),
    refresherDueDays: z.number().int(),
    reminderHours: z.number().int(),
    certification: z.object({ attempts: z.number().int(), passMark: z.number().int(), validDays: z.number().int() }).strict(),
  })
  .strict();

export const ZCertificationRow = z.object({
  user: z.object({ id: z.string(), name: z.string() }),
  scenario: z.object({ key: z.string(), title: z.string() }),
  status: z.enum(['certified', 'expired', 'attempts_used', 'open']),
  certifiedAt: z.string().nullable(),
  expiresAt: z.string().nullable(),
  attemptsUsed: z.number().int(),
  attemptsLeft: z.number().int(),
  mayStart: z.boolean(),
  why: z.string().nullable(),
});
export const ZCertificationQuery = z
  .object({
    mine: z
      .enum(['true', 'false'])
      .transform((v) => v === 'true')
      .optional(),
  })
  .strict();

const ZRates = z.object({
  assigned: z.number().int(),
  done: z.number().int(),
  overdue: z.number().int(),
  completion: z.number(),
  sessions: z.number().int(),
  passed: z.number().int(),
  passRate: z.number(),
});

export const ZCompletionReport = z.object({
  byTeam: z.array(ZRates.extend({ id: z.string(), name: z.string() })),
  byScenario: z.array(ZRates.extend({ key: z.string(), title: z.string() })),
  overall: ZRates,
});

const ZGroupChange = z.object({
  people: z.number().int(),
  before: z.number().nullable(),
  after: z.number().nullable(),
  change: z.number().nullable(),
});
export const ZTrainingEffect = z.object({
  parts: z.array(
    z.object({ part: z.enum(SCORE_PARTS), trained: ZGroupChange, untrained: ZGroupChange, difference: z.number().nullable() }),
  ),
  trainedPeople: z.number().int(),
  untrainedPeople: z.number().int(),
});

const ZCalibration = z.object({
  reviewed: z.number().int(),
  meanDifference: z.number(),
  meanAbsoluteDifference: z.number(),
  verdictAgreement: z.number(),
});
export const ZCalibrationReport = z.object({
  overall: ZCalibration,
  byScenario: z.array(ZCalibration.extend({ key: z.string(), title: z.string() })),
  byReviewer: z.array(ZCalibration.extend({ id: z.string(), name: z.string() })),
  items: z.array(
    z.object({
      sessionId: z.string(),
      user: z.string(),
      scenario: z.string(),
      coach: z.number().int(),
      supervisor: z.number().int(),
      passMark: z.number().int(),
      reviewer: z.string(),
    }),
  ),
});

export const ZTrainingHistory = z.object({
  user: z.object({ id: z.string(), name: z.string() }),
  assignments: z.array(
    z.object({
      id: z.string(),
      scenario: z.object({ key: z.string(), title: z.string() }),
      mode: ZMode,
      source: z.string(),
      dueAt: z.string(),
      state: ZAssignmentState,
      doneAt: z.string().nullable(),
    }),
  ),
  certifications: z.array(ZCertificationRow),
  practice: z
    .object({
      sessions: z.number().int(),
      passed: z.number().int(),
      lastAt: z.string().nullable(),
      averageTotal: z.number().int().nullable(),
    })
    .nullable(),
});

export const ZDraftFromCase = z.object({ caseRef: ZCaseRefText }).strict();
