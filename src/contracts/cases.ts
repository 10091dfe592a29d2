import { z } from 'zod';
import { CHANNELS, CUSTOMER_STATES, IMPACT_KINDS, PARTY_ROLES, RISK_FLAGS, STATEMENT_PARTIES } from '../domain/case.js';
import { CASE_STATUSES } from '../domain/case-status.js';
import { MAX_FACTORS, MAX_WHYS, ROOT_CAUSE_CATEGORIES } from '../domain/root-cause.js';
import { id, text, ZCaseRefText } from './common.js';
import { ZTag } from './tag.js';
import { ZIsoTimestamp } from './time.js';

/** Request and response shapes of the case API; the HTTP layer validates with them and publishes them as OpenAPI. */

export const ZRef = z.object({ ref: ZCaseRefText });
export const ZChannel = z.enum(CHANNELS);
export const ZSeverity = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)], {
  error: 'must be 1, 2, 3 or 4 (1 is the most serious)',
});
export const ZCaseStatus = z.enum(CASE_STATUSES);

export const ZFinancialImpact = z
  .object({
    amount: z.number().nonnegative().max(1_000_000_000),
    currency: z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as EUR'),
    kind: z.enum(IMPACT_KINDS),
  })
  .strict();

export const ZNewCase = z
  .object({
    title: text(200),
    summary: text(20_000).describe('What happened, in the reporter’s words'),
    channel: ZChannel,
    teamId: id.nullable().optional(),
    severity: ZSeverity.describe('1 is the most serious, 4 the least'),
    customerState: z.enum(CUSTOMER_STATES),
    occurredAt: ZIsoTimestamp.optional(),
    customerId: id.nullable().optional(),
    customer: z
      .object({ name: text(200), email: z.email().max(320).nullable().optional(), phone: z.string().trim().max(40).nullable().optional() })
      .strict()
      .optional(),
    employees: z
      .array(z.object({ employeeId: id, role: z.enum(PARTY_ROLES) }).strict())
      .max(50)
      .optional(),
    financialImpact: ZFinancialImpact.nullable().optional(),
    riskFlags: z.array(z.enum(RISK_FLAGS)).max(RISK_FLAGS.length).optional(),
    assigneeId: id.nullable().optional(),
    caseTypeId: id.nullable().optional().describe('a case type of the workspace; its deadline preset times the clocks'),
  })
  .strict();

export const ZCasePatch = z
  .object({
    title: text(200),
    summary: text(20_000),
    channel: ZChannel,
    teamId: id.nullable(),
    severity: ZSeverity,
    customerState: z.enum(CUSTOMER_STATES),
    occurredAt: ZIsoTimestamp,
    financialImpact: ZFinancialImpact.nullable(),
    riskFlags: z.array(z.enum(RISK_FLAGS)).max(RISK_FLAGS.length),
    caseTypeId: id.nullable(),
  })
  .partial()
  .strict()
  .refine((v) => Object.keys(v).length > 0, 'name at least one field to change');

export const ZAssign = z.object({ assigneeId: id.nullable() }).strict();
export const ZRootCause = z
  .object({
    category: z.enum(ROOT_CAUSE_CATEGORIES),
    whys: z.array(z.string().trim().max(1000, 'at most 1000 characters')).max(MAX_WHYS, `at most ${MAX_WHYS} answers`),
    factors: z.array(text(500)).max(MAX_FACTORS, `at most ${MAX_FACTORS} factors`),
  })
  .strict();
export const ZTransition = z
  .object({
    to: ZCaseStatus,
    reason: text(2000).optional(),
    outcome: z.string().trim().max(5000).optional().describe('required to close: how the case ended'),
    rootCause: ZRootCause.optional().describe('required to close: category, a why-chain of 1–5 answers, contributing factors'),
    proceedReason: text(2000)
      .optional()
      .describe(
        'why to go on with playbook steps left (resolving) or with promises open / follow-ups planned (closing); kept on the timeline',
      ),
    promises: z
      .array(z.object({ id, status: z.enum(['kept', 'cancelled', 'broken']), note: text(2000).optional() }).strict())
      .max(200)
      .optional()
      .describe('closing: how each open promise ended'),
    followUps: z
      .array(z.object({ id, action: z.enum(['keep', 'cancel']), reason: text(2000).optional() }).strict())
      .max(200)
      .optional()
      .describe('closing: whether each planned follow-up still goes out (a cancelled survey link stops working)'),
  })
  .strict();
export const ZNote = z.object({ text: text(10_000) }).strict();
export const ZParty = z.object({ employeeId: id, role: z.enum(PARTY_ROLES) }).strict();
export const ZNewStatement = z
  .object({
    party: z.enum(STATEMENT_PARTIES),
    employeeId: id.nullable().optional(),
    authorName: text(200).optional(),
    body: text(20_000),
    correctsId: id.nullable().optional(),
  })
  .strict();

/** A comma-separated list in a query string, each item checked. */
export const csv = <T extends z.ZodType<unknown, string>>(item: T) =>
  z
    .string()
    .max(500)
    .transform((s) =>
      s
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean),
    )
    .pipe(z.array(item));

const flag = z.enum(['true', 'false']).transform((v) => v === 'true');

export const ZCaseListQuery = z
  .object({
    status: csv(ZCaseStatus).optional(),
    severity: csv(
      z
        .string()
        .regex(/^[1-4]$/, 'must be 1, 2, 3 or 4')
        .transform(Number),
    ).optional(),
    channel: csv(ZChannel).optional(),
    rootCause: csv(z.enum(ROOT_CAUSE_CATEGORIES)).optional().describe('closed cases filed under these root-cause categories'),
    teamId: id.optional(),
    assigneeId: id.optional(),
    unassigned: z
      .enum(['true', 'false'])
      .transform((v) => v === 'true')
      .optional(),
    reportedFrom: ZIsoTimestamp.optional(),
    reportedTo: ZIsoTimestamp.optional(),
    attention: z
      .enum(['true', 'false'])
      .transform((v) => v === 'true')
      .optional(),
    repeatCustomer: flag.optional().describe('only cases of a customer with at least 2 cases in the last 90 days'),
    threat: flag
      .optional()
      .describe('only cases with a reputational threat (review, public post, legal, media) on them or another case of their customer'),
    abuseFlagged: flag.optional().describe('only cases whose customer is flagged under the abuse policy'),
    caseTypeId: id.optional(),
    employeeId: id.optional().describe('only cases naming this employee as a party'),
    breached: flag.optional().describe('only cases that missed their acknowledge or resolve deadline'),
    satisfaction: csv(
      z
        .string()
        .regex(/^[1-5]$/, 'must be 1 to 5')
        .transform(Number),
    )
      .optional()
      .describe('only cases whose customer answered a follow-up with one of these scores'),
    supported: csv(
      z
        .string()
        .regex(/^[1-5]$/, 'must be 1 to 5')
        .transform(Number),
    )
      .optional()
      .describe('only cases where an employee answered a follow-up saying they felt supported at one of these levels (1–5)'),
    tag: csv(ZTag).optional().describe('only cases carrying any of these tags'),
    q: z.string().max(200).optional(),
    sort: z
      .enum(['reported_at', 'updated_at', 'severity', 'resolve_due_at', 'next_due_at'])
      .optional()
      .describe('next_due_at: the most urgent first (the earlier open clock, breached first)'),
    order: z.enum(['asc', 'desc']).optional(),
    limit: z.coerce.number().int().min(1).max(200).optional(),
    cursor: z.string().max(500).optional(),
  })
  .strict();

/** The filters of the case list, for an export of every matching case (no page). */
export const ZCaseExportQuery = ZCaseListQuery.omit({ sort: true, order: true, limit: true, cursor: true }).extend({
  format: z.enum(['csv', 'json']).optional().describe('csv (the default) or json'),
});

export const ZCaseExportRow = z.object({
  ref: z.string(),
  title: z.string(),
  status: z.string(),
  severity: z.number().int(),
  channel: z.string(),
  team: z.string().nullable(),
  assignee: z.string().nullable(),
  reportedAt: z.string(),
  resolvedAt: z.string().nullable(),
  outcome: z.string().nullable(),
  rootCauseCategory: z.string().nullable(),
  rootCauseWhys: z.array(z.string()),
  contributingFactors: z.array(z.string()),
});

export const ZEventListQuery = z
  .object({
    cursor: z
      .string()
      .regex(/^\d{1,9}$/, 'must be a cursor from this list')
      .optional(),
    limit: z.coerce.number().int().min(1).max(1000).optional(),
  })
  .strict();

const ZSlaClock = z.object({ dueAt: z.string(), state: z.enum(['pending', 'met', 'breached']), doneAt: z.string().nullable() });

export const ZCase = z.object({
  id: z.string(),
  ref: z.string(),
  title: z.string(),
  summary: z.string(),
  channel: ZChannel,
  teamId: z.string().nullable(),
  customerId: z.string().nullable(),
  reporterId: z.string().nullable(),
  assigneeId: z.string().nullable(),
  severity: z.number().int(),
  customerState: z.enum(CUSTOMER_STATES),
  financialImpact: z.object({ amount: z.number(), currency: z.string(), kind: z.enum(IMPACT_KINDS) }).nullable(),
  riskFlags: z.array(z.enum(RISK_FLAGS)),
  status: ZCaseStatus,
  nextStatuses: z.array(ZCaseStatus),
  occurredAt: z.string(),
  reportedAt: z.string(),
  updatedAt: z.string(),
  sla: z.object({ acknowledge: ZSlaClock, resolve: ZSlaClock }),
  eventCount: z.number().int(),
  caseTypeId: z.string().nullable(),
  playbook: z.object({ key: z.string(), version: z.number().int() }).nullable().describe('the playbook version this case runs'),
  strategy: z.string().nullable(),
  outcome: z.string().nullable(),
  rootCause: z
    .object({ category: z.string(), whys: z.array(z.string()), factors: z.array(z.string()) })
    .nullable()
    .describe('recorded when the case is closed'),
  help: z
    .object({ requestedAt: z.string(), requestedBy: z.string().nullable() })
    .nullable()
    .describe('an open call for a supervisor’s help, until someone takes it'),
  tags: z.array(z.string()).describe('the case’s tags, sorted'),
  attention: z
    .array(z.enum(['help_requested', 'escalated_promise', 'approval_pending', 'asked_for_help', 'unhappy_customer']))
    .optional()
    .describe('in a list asked for with attention=true: why the case needs a supervisor'),
});

export const ZStatement = z.object({
  id: z.string(),
  party: z.enum(STATEMENT_PARTIES),
  employeeId: z.string().nullable(),
  authorName: z.string(),
  body: z.string(),
  takenBy: z.string().nullable(),
  takenAt: z.string(),
  correctsId: z.string().nullable(),
});

/** What the caller may do with the case now, from the permission table and the case's state. */
export const ZCaseAbilities = z.object({
  update: z.boolean(),
  assign: z.boolean(),
  transition: z.boolean(),
  annotate: z.boolean().describe('notes and replies'),
  reportAbuse: z.boolean(),
  requestHelp: z.boolean().describe('call a supervisor now (one open call at a time)'),
  takeHelp: z.boolean().describe('take the open call for help'),
  runPlaybook: z.boolean().describe('choose the strategy and playbook, mark steps'),
  setCaseType: z.boolean().describe('set the case type (its deadline preset re-times the clocks)'),
  addCustomerStatement: z.boolean(),
  addOwnStatement: z.boolean(),
  proposeResolution: z.boolean(),
  addCommitment: z.boolean(),
  planFollowUp: z.boolean(),
});

export const ZCaseDetail = ZCase.extend({
  can: ZCaseAbilities,
  parties: z.array(z.object({ employeeId: z.string(), name: z.string(), role: z.string(), teamId: z.string().nullable() })),
  statements: z.array(ZStatement),
  customer: z
    .object({
      id: z.string(),
      name: z.string(),
      email: z.string().nullable(),
      phone: z.string().nullable(),
      contactHidden: z.boolean().describe('true when the caller may not see the contact details'),
      hasEmail: z
        .boolean()
        .describe('whether replies can be emailed to the customer (true even when the address is hidden from the caller)'),
      flaggedAt: z.string().nullable().describe('set when an employee ended an abusive interaction with this customer'),
      flagReason: z.string().nullable(),
    })
    .nullable(),
});

export const ZEvent = z.object({
  id: z.string(),
  seq: z.number().int(),
  kind: z.string(),
  actorId: z.string().nullable(),
  at: z.string(),
  data: z.record(z.string(), z.unknown()),
  hash: z.string(),
  prevHash: z.string(),
});

export const page = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), nextCursor: z.string().nullable() });

export const ZProblem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string(),
  instance: z.string().optional(),
  errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});

export const ZHelpRequest = z.object({ note: text(2000).optional().describe('what you need, in a few words') }).strict();
