import { z } from 'zod';
import { CHANNELS } from '../domain/case.js';
import { SCORE_PARTS } from '../domain/coach.js';
import { BUCKETS } from '../domain/dashboard-metrics.js';
import { csv } from './cases.js';
import { id } from './common.js';
import { ZIsoTimestamp } from './time.js';

/** The longest period a report reads: a little over three years, the span the benchmark is held to. */
export const MAX_REPORT_DAYS = 1200;

const severity = z
  .string()
  .regex(/^[1-4]$/, 'must be 1, 2, 3 or 4')
  .transform(Number);

/** The dashboard's period and filters; the filter names are the inbox's, so a figure's link carries them over unchanged. */
export const ZDashboardQuery = z
  .object({
    from: ZIsoTimestamp.optional().describe('start of the period (inclusive); default 30 days before `to`'),
    to: ZIsoTimestamp.optional().describe('end of the period (exclusive); default now'),
    bucket: z.enum(BUCKETS).optional().describe('volume over time by day, ISO week or month (default: by the length of the period)'),
    teamId: id.optional(),
    channel: csv(z.enum(CHANNELS)).optional(),
    severity: csv(severity).optional(),
    caseTypeId: id.optional(),
    assigneeId: id.optional().describe('the handler'),
    employeeId: id.optional().describe('an employee named as a party to the case'),
    format: z.enum(['json', 'csv']).optional().describe('json (the default) or csv: every table of the report, one after another'),
    bom: z
      .enum(['true', 'false'])
      .transform((v) => v === 'true')
      .optional()
      .describe('csv only: start with a UTF-8 byte order mark, for spreadsheets that otherwise guess the encoding'),
  })
  .strict();

const compared = z.object({ current: z.number().nullable(), previous: z.number().nullable(), change: z.number().nullable() });
const duration = z.object({ count: z.number().int(), median: z.number().nullable(), p90: z.number().nullable() });
const rating = z.object({
  asked: z.number().int(),
  answered: z.number().int(),
  responseRate: z.number().nullable(),
  mean: z.number().nullable(),
  goodShare: z.number().nullable(),
  distribution: z.tuple([z.number(), z.number(), z.number(), z.number(), z.number()]),
});
const bar = z.object({ key: z.string(), label: z.string(), count: z.number().int() });
const tally = z.object({
  key: z.string(),
  label: z.string(),
  closed: z.number().int(),
  keptOnTime: z.number().int(),
  broken: z.number().int(),
  overdueNow: z.number().int(),
  rate: z.number().nullable(),
});
const period = z.object({ from: z.string(), to: z.string() });

export const ZDashboard = z.object({
  period,
  previous: period.describe('the period of the same length just before, which every headline figure is compared with'),
  bucket: z.enum(BUCKETS),
  timeZone: z.string(),
  headline: z.object({
    cases: compared,
    acknowledgeMedian: compared,
    acknowledgeP90: compared,
    resolveMedian: compared,
    resolveP90: compared,
    breaches: compared,
    breachRate: compared,
    customerSatisfaction: compared,
    customerGoodShare: compared,
    employeeSupported: compared,
    keptOnTimeRate: compared,
    repeatCustomers: compared,
    threats: compared,
  }),
  volume: z.object({
    overTime: z.array(z.object({ bucket: z.string(), from: z.string(), to: z.string(), count: z.number().int() })),
    byTeam: z.array(bar),
    byChannel: z.array(bar),
    bySeverity: z.array(bar),
    byRootCause: z.array(bar),
  }),
  response: z.object({
    acknowledge: duration,
    resolve: duration,
    breaches: z.object({
      count: z.number().int(),
      rate: z.number().nullable(),
      bySeverity: z.array(
        z.object({ severity: z.number().int(), cases: z.number().int(), breached: z.number().int(), rate: z.number().nullable() }),
      ),
    }),
  }),
  satisfaction: z.object({ customer: rating, employee: rating }),
  cost: z.object({
    byKind: z.array(z.object({ kind: z.string(), currency: z.string(), amountMinor: z.number(), cases: z.number().int() })),
    byTeam: z.array(
      z.object({ key: z.string(), label: z.string(), currency: z.string(), amountMinor: z.number(), cases: z.number().int() }),
    ),
  }),
  commitments: z.object({
    closed: z.number().int(),
    keptOnTime: z.number().int(),
    broken: z.number().int(),
    overdueNow: z.number().int(),
    rate: z.number().nullable(),
    byTeam: z.array(tally),
    byOwner: z.array(tally),
  }),
  coaching: z.object({
    replies: z.number().int(),
    parts: z.array(z.object({ part: z.enum(SCORE_PARTS), average: z.number().nullable() })),
    byTeam: z.array(z.object({ key: z.string(), label: z.string(), replies: z.number().int(), average: z.number().nullable() })),
    overTime: z.array(z.object({ bucket: z.string(), replies: z.number().int(), average: z.number().nullable() })),
  }),
  customers: z.object({ repeatCustomers: z.number().int(), casesOfRepeatCustomers: z.number().int(), threats: z.number().int() }),
  themes: z.array(z.object({ id: z.string(), label: z.string(), cases: z.number().int(), previous: z.number().int(), trend: z.string() })),
  backlog: z.array(z.object({ date: z.string(), open: z.number().int() })),
  heatmap: z.array(z.object({ weekday: z.number().int(), hour: z.number().int(), count: z.number().int() })),
});

/** HR's view of people: a period and optionally one team. */
export const ZPeopleReportQuery = ZDashboardQuery.pick({ from: true, to: true, teamId: true, format: true, bom: true }).strict();

export const ZPeopleReport = z.object({
  period,
  conflicts: z.array(
    z.object({
      employeeId: z.string(),
      name: z.string(),
      team: z.string().nullable(),
      cases: z.number().int(),
      casesWithLoss: z.number().int(),
    }),
  ),
  aboveThreshold: z.array(
    z.object({
      ruleId: z.string(),
      rule: z.string(),
      description: z.string(),
      employeeId: z.string(),
      name: z.string(),
      counted: z.number(),
      threshold: z.number(),
    }),
  ),
  support: z.array(z.object({ kind: z.string().nullable(), status: z.string(), count: z.number().int() })),
  training: z
    .object({
      assigned: z.number(),
      done: z.number(),
      overdue: z.number(),
      completion: z.number(),
      sessions: z.number(),
      passed: z.number(),
      passRate: z.number(),
    })
    .describe('training completion and pass rates over everyone the reader may see'),
});

/** The per-case export: the dashboard's filters, CSV only. */
export const ZCaseMetricsQuery = ZDashboardQuery.omit({ bucket: true, format: true }).strict();
