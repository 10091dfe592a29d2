import { z } from 'zod';
import { ZIsoTimestamp } from './time.js';

/** Shapes of /api/v1/themes and /api/v1/cases/{ref}/theme; `defuse insights themes --json` prints the same list. */

const ZDateOrTimestamp = z.union([
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date (YYYY-MM-DD) or an ISO-8601 date-time')
    .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && d >= '0001-01-01', 'must be a real date')
    .transform((d) => `${d}T00:00:00.000Z`),
  ZIsoTimestamp,
]);

export const ZThemeQuery = z
  .object({
    since: ZDateOrTimestamp.optional().describe('Count only cases reported since then'),
    teamId: z.uuid('must be a team id').optional().describe('Count only the cases of this team'),
  })
  .strict();

export const ZThemeId = z.object({ id: z.uuid('must be a theme id') });

export const ZThemeRun = z.object({
  id: z.string(),
  state: z.enum(['queued', 'running', 'done', 'failed']),
  trigger: z.enum(['nightly', 'person', 'cli', 'demo']),
  requestedAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  progress: z.number().describe('0 to 1'),
  step: z.string().nullable(),
  documents: z.number().int().nullable(),
  themes: z.number().int().nullable(),
  born: z.number().int().nullable().describe('Themes born in this run'),
  error: z.string().nullable(),
});

export const ZThemeExample = z.object({
  ref: z.string(),
  title: z.string(),
  status: z.string(),
  reportedAt: z.string(),
  phrases: z.array(z.string()).describe('The phrases of the case that put it in this theme'),
  pinned: z.boolean().describe('A person put it here'),
});

export const ZTheme = z.object({
  id: z.string(),
  label: z.string(),
  minedLabel: z.string(),
  customLabel: z.string().nullable(),
  phrases: z.array(z.string()),
  size: z.number().int().describe('Cases in the theme (within the filters), across the whole workspace'),
  trend: z.enum(['emerging', 'steady', 'declining']),
  emergingSince: z.string().nullable(),
  locked: z.boolean(),
  origin: z.enum(['mined', 'person']),
  detail: z
    .object({
      weekly: z.array(z.object({ weekStart: z.string(), count: z.number().int() })),
      recent: z.number().int(),
      expected: z.number(),
      teams: z.array(z.object({ teamId: z.string().nullable(), name: z.string(), count: z.number().int() })),
      channels: z.array(z.object({ channel: z.string(), count: z.number().int() })),
      rootCauses: z.array(z.object({ category: z.string(), count: z.number().int() })),
      cost: z.array(z.object({ amount: z.number(), currency: z.string() })),
    })
    .optional()
    .describe('For supervisors, HR and admins'),
  examples: z.array(ZThemeExample).describe('Its most typical cases that you may open'),
  can: z.object({ update: z.boolean() }),
});

export const ZThemeList = z.object({
  items: z.array(ZTheme),
  nextCursor: z.null(),
  lastRun: ZThemeRun.nullable(),
  pendingRun: ZThemeRun.nullable(),
});

const ZLabel = z.string().trim().min(1, 'must not be empty').max(120, 'at most 120 characters');

export const ZThemePatch = z
  .object({
    label: ZLabel.nullable().optional().describe('A name people use; null goes back to the mined label'),
    locked: z.boolean().optional().describe('A locked theme keeps its label and every case in it through re-mines'),
  })
  .strict();

export const ZThemeMerge = z.object({ into: z.uuid('must be a theme id') }).strict();

export const ZThemeSplit = z
  .object({ label: ZLabel, caseRefs: z.array(z.string().max(40)).min(1, 'name at least one case').max(500) })
  .strict();

export const ZCaseTheme = z.object({
  theme: z.object({ id: z.string(), label: z.string() }).nullable(),
  phrases: z.array(z.string()),
  pinned: z.boolean(),
  source: z.enum(['mined', 'placed', 'person']).nullable(),
  can: z.object({ move: z.boolean() }),
});

export const ZCaseThemeMove = z.object({ themeId: z.uuid('must be a theme id') }).strict();
