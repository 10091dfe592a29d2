import { z } from 'zod';
import { COMMITMENT_SOURCES, COMMITMENT_STATUSES } from '../domain/follow-through.js';
import { text, ZCaseRefText } from './common.js';
import { ZIsoTimestamp } from './time.js';

export const ZNewCommitment = z
  .object({
    text: text(1000),
    ownerId: z.uuid('must be a user id').optional(),
    dueAt: ZIsoTimestamp,
    source: z.enum(COMMITMENT_SOURCES).optional(),
  })
  .strict();

export const ZCloseCommitment = z.object({ status: z.enum(['kept', 'broken', 'cancelled']), note: text(2000).optional() }).strict();

export const ZCommitmentParams = z.object({
  ref: ZCaseRefText,
  id: z.uuid('must be a commitment id'),
});

export const ZCommitment = z.object({
  id: z.string(),
  text: z.string(),
  ownerId: z.string(),
  ownerName: z.string(),
  dueAt: z.string(),
  status: z.enum(COMMITMENT_STATUSES),
  source: z.enum(COMMITMENT_SOURCES),
  createdAt: z.string(),
  remindAt: z.string(),
  remindedAt: z.string().nullable(),
  escalatedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  note: z.string().nullable(),
  overdue: z.boolean(),
  keptOnTime: z.boolean(),
  can: z.object({ close: z.boolean().describe('the caller may mark it kept, broken or cancelled now') }),
});

/** The people who may be named as a promise's owner on a case: those who can work on it. */
export const ZPromiseOwners = z.object({ items: z.array(z.object({ id: z.string(), name: z.string() })) });

export const ZCommitmentReportQuery = z.object({ since: ZIsoTimestamp.optional() }).strict();

const ZTally = z.object({
  closed: z.number().int(),
  kept: z.number().int(),
  keptOnTime: z.number().int(),
  broken: z.number().int(),
  openOverdue: z.number().int(),
  rate: z.number().nullable(),
});

export const ZCommitmentReport = z.object({
  since: z.string(),
  employees: z.array(ZTally.extend({ userId: z.string(), name: z.string() })),
  teams: z.array(ZTally.extend({ teamId: z.string().nullable(), name: z.string() })),
});
