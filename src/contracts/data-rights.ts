import { z } from 'zod';
import { DATA_REGIMES, DATA_REQUEST_KINDS, DATA_SUBJECT_KINDS, HOLD_SCOPES } from '../domain/data-rights.js';
import { id, text } from './common.js';
import { ZIsoTimestamp } from './time.js';

/** Customers' and employees' data rights: exports, erasure, requests, legal holds, retention. */

export const ZExportQuery = z
  .object({ format: z.enum(['json', 'html']).default('json').describe('json (machine-readable) or html (a readable page)') })
  .strict();

export const ZSubjectExport = z.object({
  kind: z.enum(DATA_SUBJECT_KINDS),
  id: z.string(),
  exportedAt: z.string(),
  holder: z.string().describe('the workspace that holds the data'),
  data: z.record(z.string(), z.unknown()).describe('everything held about the person, section by section'),
});

export const ZEraseCustomer = z.object({ reason: text(500).describe('why, e.g. the request it answers; kept in the access log') }).strict();

export const ZErasureResult = z.object({
  erasureId: z.string(),
  customerId: z.string(),
  cases: z.number().int(),
  eventsScrubbed: z.number().int(),
  statementsErased: z.number().int(),
  rowsScrubbed: z.number().int(),
  filesErased: z.number().int().describe('files the customer gave us (by email or on their own statements), their bytes deleted'),
});

export const ZNewDataRequest = z
  .object({
    subjectKind: z.enum(DATA_SUBJECT_KINDS),
    subjectId: id,
    kind: z.enum(DATA_REQUEST_KINDS),
    regime: z.enum(DATA_REGIMES).describe('gdpr: one month to answer; ccpa: 45 days'),
    requestedBy: text(200).describe('who asked, and how (the customer by email, their lawyer by letter…)'),
    identityCheck: text(500).describe("how the requester's identity was checked"),
    receivedAt: ZIsoTimestamp.optional().describe('when the request arrived (now by default); the deadline runs from it'),
  })
  .strict();

export const ZDataRequest = z.object({
  id: z.string(),
  subject: z.object({ kind: z.enum(DATA_SUBJECT_KINDS), id: z.string(), label: z.string() }),
  kind: z.enum(DATA_REQUEST_KINDS),
  regime: z.enum(DATA_REGIMES),
  requestedBy: z.string(),
  identityCheck: z.string(),
  receivedAt: z.string(),
  dueAt: z.string(),
  overdue: z.boolean(),
  status: z.enum(['open', 'done', 'refused']),
  outcome: z.string().nullable(),
  closedBy: z.string().nullable(),
  closedAt: z.string().nullable(),
});

export const ZDataRequestQuery = z.object({ status: z.enum(['open', 'done', 'refused']).optional() }).strict();
export const ZCompleteDataRequest = z
  .object({ outcome: text(1000).optional().describe('what was done; required for an employee’s erasure request') })
  .strict();
export const ZReasonBody = z.object({ reason: text(1000) }).strict();

export const ZNewLegalHold = z
  .object({
    matter: text(200).describe('the legal matter, e.g. a claim or an investigation'),
    reason: text(1000),
    subjects: z
      .array(z.object({ kind: z.enum(HOLD_SCOPES), id }).strict())
      .min(1)
      .max(500)
      .describe('the cases, customers and employees held'),
  })
  .strict();

export const ZLegalHold = z.object({
  id: z.string(),
  matter: z.string(),
  reason: z.string(),
  subjects: z.array(z.object({ kind: z.enum(HOLD_SCOPES), id: z.string(), label: z.string() })),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
  released: z.object({ by: z.string().nullable(), at: z.string(), reason: z.string() }).nullable(),
});

export const ZLegalHolds = z.object({
  items: z.array(ZLegalHold),
  reviewHolds: z
    .array(z.object({ reviewId: z.string(), caseId: z.string(), caseRef: z.string() }))
    .describe('cases held because a review not yet decided counts them'),
});

export const ZRetention = z.object({
  customerMonths: z
    .number()
    .int()
    .nullable()
    .describe("months after a customer's last case closed before their personal data is erased; null: never"),
  updatedAt: z.string().nullable(),
});
export const ZSetRetention = z.object({ customerMonths: z.number().int().min(1).max(120).nullable() }).strict();
