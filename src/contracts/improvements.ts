import { z } from 'zod';
import { IMPROVEMENT_STATUSES } from '../domain/improvement.js';

/** Shapes of /api/v1/improvements: the backlog of process changes and whether they worked. */

export const ZImprovementStatus = z.enum(IMPROVEMENT_STATUSES);

const ZWindow = z.object({ conflicts: z.number().int(), cases: z.number().int(), ratePer100: z.number().nullable() });

export const ZImprovement = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string(),
  status: ZImprovementStatus,
  dropReason: z.string().nullable(),
  owner: z.object({ id: z.string(), name: z.string() }).nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  doneAt: z.string().nullable(),
  themes: z.array(z.object({ id: z.string(), label: z.string() })),
  cases: z.array(z.object({ ref: z.string(), title: z.string() })),
  hiddenCases: z.number().int().describe('Linked cases you may not open'),
  forumThreadIds: z.array(z.string()),
  nextStatuses: z.array(ZImprovementStatus),
  effect: z
    .object({
      weeks: z.number().int(),
      before: ZWindow,
      after: ZWindow,
      earlier: ZWindow,
      weekly: z.array(ZWindow.extend({ weekStart: z.string(), after: z.boolean() })),
      spikedBefore: z.boolean().describe('The rate had just risen: part of a fall may be regression to the mean'),
      change: z.number().nullable().describe('After minus before, per 100 cases of the same teams'),
    })
    .nullable()
    .describe(
      "Once done and linked to a theme: its conflicts in the same number of weeks before and after, per 100 cases of the theme's teams",
    ),
  can: z.object({ update: z.boolean() }),
});

export const ZImprovementList = z.object({ items: z.array(ZImprovement), nextCursor: z.null() });

export const ZImprovementQuery = z
  .object({ status: ZImprovementStatus.optional(), themeId: z.uuid('must be a theme id').optional() })
  .strict();

export const ZImprovementId = z.object({ id: z.uuid('must be an improvement id') });

const ZTitle = z.string().trim().min(1, 'must not be empty').max(200, 'at most 200 characters');
const ZDescription = z.string().max(5000, 'at most 5,000 characters');
const links = {
  ownerId: z.uuid('must be a user id').nullable().optional(),
  themeIds: z.array(z.uuid('must be a theme id')).max(20).optional(),
  caseRefs: z.array(z.string().max(40)).max(100).optional(),
  forumThreadIds: z.array(z.string().min(1).max(64)).max(50).optional(),
};

export const ZNewImprovement = z.object({ title: ZTitle, description: ZDescription.default(''), ...links }).strict();

export const ZImprovementPatch = z
  .object({
    title: ZTitle.optional(),
    description: ZDescription.optional(),
    status: ZImprovementStatus.optional(),
    reason: z.string().max(1000).optional().describe('Why it is dropped (required to drop)'),
    ...links,
  })
  .strict();
