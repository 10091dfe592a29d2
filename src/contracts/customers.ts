import { z } from 'zod';
import { RISK_FLAGS } from '../domain/case.js';
import { CASE_STATUSES } from '../domain/case-status.js';
import { THREAT_KINDS } from '../domain/customer-signals.js';
import { id } from './common.js';

/** The customer page: one customer's record, their signals, and merging a duplicate into them. */

export const ZMergeCustomer = z.object({ intoId: id.describe('the customer to keep; this one becomes a tombstone naming it') }).strict();

const ZContact = z.object({
  kind: z.enum(['email', 'phone']),
  value: z.string(),
  fromCustomerId: z.string().nullable().describe('the duplicate it came from, when it was carried over by a merge'),
});

export const ZCustomerSignals = z.object({
  cases: z.object({
    total: z.number().int(),
    recent: z.number().int().describe('cases reported within the recent window'),
    windowDays: z.number().int(),
    repeat: z.boolean().describe('at least 2 cases within the recent window'),
  }),
  threats: z
    .array(z.object({ kind: z.enum(THREAT_KINDS), cases: z.number().int() }))
    .describe('each kind of reputational threat the customer made, with how many cases carried it'),
  abuse: z.object({
    flagged: z.boolean().describe('flagged under the abuse policy and the flag has not expired'),
    flaggedAt: z.string().nullable(),
    expiresAt: z.string().nullable().describe('when the flag stops applying (it is kept on record after that)'),
    reason: z.string().nullable(),
    reports: z.number().int().describe('cases on which an employee ended an abusive interaction'),
  }),
  openCommitments: z.object({ count: z.number().int(), overdue: z.number().int() }),
  satisfaction: z.object({
    answers: z.number().int(),
    average: z.number().nullable().describe('1–5, over every answered follow-up'),
    latest: z.number().int().nullable(),
    unhappy: z.number().int(),
  }),
});

export const ZCustomerProfile = z.object({
  id: z.string(),
  name: z.string(),
  createdAt: z.string(),
  mergedInto: z.object({ id: z.string(), name: z.string(), at: z.string() }).nullable().describe('set on a duplicate that was merged away'),
  contactHidden: z.boolean().describe('true when the caller may not see this customer’s contact details'),
  contacts: z.array(ZContact),
  signals: ZCustomerSignals.describe('counted over all the customer’s cases; the lists below show only what the caller may open'),
  cases: z.array(
    z.object({
      ref: z.string(),
      title: z.string(),
      status: z.enum(CASE_STATUSES),
      severity: z.number().int(),
      reportedAt: z.string(),
      riskFlags: z.array(z.enum(RISK_FLAGS)),
    }),
  ),
  otherCases: z.number().int().describe('the customer’s cases the caller may not open'),
  openCommitments: z.array(
    z.object({ id: z.string(), caseRef: z.string(), text: z.string(), ownerId: z.string(), dueAt: z.string(), overdue: z.boolean() }),
  ),
  satisfaction: z.array(z.object({ caseRef: z.string(), satisfaction: z.number().int(), answeredAt: z.string() })),
  merges: z.array(
    z.object({
      id: z.string(),
      from: z.object({ id: z.string(), name: z.string() }),
      into: z.object({ id: z.string(), name: z.string() }),
      mergedBy: z.string().nullable(),
      mergedAt: z.string(),
      caseCount: z.number().int(),
    }),
  ),
  possibleDuplicates: z
    .array(z.object({ id: z.string(), name: z.string() }))
    .describe('for those who may merge: customers on file with the same name, email or phone'),
  can: z.object({ merge: z.boolean().describe('merge a duplicate into this customer, or this one into another') }),
});
