import { z } from 'zod';
import { SLA_PRESETS } from '../domain/sla.js';
import { isTimeZone } from '../domain/time-zone.js';

/** Workspace settings: deadline presets with case types, and authority limits. */
const limit = z.number().nonnegative('must be 0 or more').max(1_000_000_000).nullable();
const minutes = z
  .number()
  .int('whole minutes')
  .min(1, 'at least one minute')
  .max(366 * 24 * 60, 'at most a year');

const hours = z
  .number()
  .int('whole hours')
  .min(1, 'at least one hour')
  .max(60 * 24, 'at most 60 days');

export const ZSlaPreset = z.enum(SLA_PRESETS);

export const ZDeadlineSettingsInput = z
  .object({
    preset: ZSlaPreset.describe('custom uses the per-severity targets'),
    targets: z
      .array(
        z
          .object({
            severity: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
            acknowledgeMinutes: minutes,
            resolveMinutes: minutes,
          })
          .strict(),
      )
      .max(4),
    caseTypes: z
      .array(
        z
          .object({
            id: z.uuid('must be an id (UUID)').optional(),
            name: z.string().trim().min(1, 'must not be empty').max(100),
            preset: ZSlaPreset,
          })
          .strict(),
      )
      .max(50),
    timeZone: z
      .string()
      .max(64)
      .refine(isTimeZone, 'an IANA time zone such as Europe/London or America/New_York')
      .optional()
      .describe('where the business is: promises like "tomorrow at 3pm" are read on this clock; unchanged when left out'),
    followUpDelays: z
      .object({ customerHours: hours, employeeHours: hours })
      .strict()
      .optional()
      .describe('how long after resolution the customer and each employee are asked how it went; unchanged when left out'),
  })
  .strict();

export const ZDeadlineSettings = z.object({
  preset: ZSlaPreset,
  timeZone: z.string(),
  followUpDelays: z.object({ customerHours: z.number().int(), employeeHours: z.number().int() }),
  targets: z.array(z.object({ severity: z.number().int(), acknowledgeMinutes: z.number().int(), resolveMinutes: z.number().int() })),
  caseTypes: z.array(z.object({ id: z.string(), name: z.string(), preset: ZSlaPreset })),
});

const ZRoleLimits = z.object({ employee: limit, supervisor: limit, hr: limit, admin: limit }).strict();

export const ZAuthorityLimitsInput = z
  .object({
    roles: ZRoleLimits.describe('null means no limit'),
    users: z
      .array(z.object({ userId: z.uuid('must be an id (UUID)'), amount: limit.describe("null means the role's limit applies") }).strict())
      .max(1000),
  })
  .strict();

export const ZAuthorityLimits = z.object({
  roles: z.object({
    employee: z.number().nullable(),
    supervisor: z.number().nullable(),
    hr: z.number().nullable(),
    admin: z.number().nullable(),
  }),
  users: z.array(z.object({ userId: z.string(), name: z.string(), role: z.string(), amount: z.number().nullable() })),
  currencyNote: z.string(),
});
