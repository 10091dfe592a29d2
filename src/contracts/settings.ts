import { z } from 'zod';
import { isLocalDate, parseClockTime, WEEKDAYS, type Weekday } from '../domain/business-time.js';
import { isCurrency } from '../domain/money.js';
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

const ZTimeZone = z.string().max(64).refine(isTimeZone, 'an IANA time zone such as Europe/London or America/Los_Angeles');
const ZCurrency = z
  .string()
  .regex(/^[A-Z]{3}$/, 'an ISO 4217 code in capitals, such as USD or EUR')
  .refine(isCurrency, 'not a currency this server knows');

/** The workspace's defaults: the currency money fields start from and the zone its clocks read. */
export const ZWorkspaceSettingsInput = z
  .object({
    currency: ZCurrency.optional().describe('ISO 4217; money fields (reports, resolutions, review rules) start from it'),
    timeZone: ZTimeZone.optional().describe('where the business is: days, reminders, promises and opening hours read this clock'),
  })
  .strict();
export const ZWorkspaceSettings = z.object({ name: z.string(), currency: z.string(), timeZone: z.string() });

const ZClockTime = z.string().refine((t) => parseClockTime(t) !== null, 'a time of day as HH:MM, 00:00 to 24:00');
const ZDayHours = z
  .object({ start: ZClockTime, end: ZClockTime })
  .strict()
  .refine((d) => (parseClockTime(d.end) ?? 0) > (parseClockTime(d.start) ?? 0), {
    message: 'closing must come after opening',
    path: ['end'],
  });
const ZWeek = z
  .object(Object.fromEntries(WEEKDAYS.map((d) => [d, ZDayHours.nullable()])) as Record<Weekday, z.ZodNullable<typeof ZDayHours>>)
  .strict()
  .refine((w) => Object.values(w).some((d) => d !== null), 'open on at least one day, or remove the hours to count every minute');
const ZHoliday = z
  .object({
    date: z.string().refine(isLocalDate, 'a date as YYYY-MM-DD'),
    name: z.string().trim().min(1, 'must not be empty').max(100),
  })
  .strict();

export const ZTeamHoursInput = z
  .object({
    timeZone: ZTimeZone.nullable().describe("null: the workspace's time zone"),
    week: ZWeek.describe('opening hours per weekday on the team’s clock; null = closed all day'),
    holidays: z
      .array(ZHoliday)
      .max(200)
      .refine((h) => new Set(h.map((x) => x.date)).size === h.length, 'each date once'),
  })
  .strict();

const ZDayHoursView = z.object({ start: z.string(), end: z.string() }).nullable();
export const ZTeamHours = z.object({
  teamId: z.string(),
  teamName: z.string(),
  archived: z.boolean(),
  /** False when the team has no opening hours: its clocks count every minute. */
  set: z.boolean(),
  timeZone: z.string().nullable(),
  effectiveTimeZone: z.string(),
  week: z.object(Object.fromEntries(WEEKDAYS.map((d) => [d, ZDayHoursView])) as Record<Weekday, typeof ZDayHoursView>).nullable(),
  holidays: z.array(z.object({ date: z.string(), name: z.string() })),
  updatedAt: z.string().nullable(),
});
export const ZBusinessHoursList = z.object({ workspaceTimeZone: z.string(), items: z.array(ZTeamHours) });
export const ZTeamIdParam = z.object({ teamId: z.uuid('must be a team id') });
