import { z } from 'zod';
import { SUPPORT_KINDS, SUPPORT_STATUSES } from '../domain/support.js';
import { text, ZCaseRefText } from './common.js';

export const ZSupportRequestInput = z.object({
  kind: z.enum(SUPPORT_KINDS),
  note: text(2000).optional(),
  caseRef: ZCaseRefText.optional(),
});
export const ZSupportAccept = z.object({ kind: z.enum(SUPPORT_KINDS), note: text(2000).optional() });
export const ZSupportAnswer = z.object({ answer: text(2000) });

export const ZSupportRequest = z.object({
  id: z.string(),
  employee: z.object({ id: z.string(), name: z.string() }),
  caseRef: z.string().nullable(),
  kind: z.enum(SUPPORT_KINDS).nullable(),
  note: z.string().nullable(),
  answer: z.string().nullable(),
  source: z.string(),
  status: z.enum(SUPPORT_STATUSES),
  supervisor: z.object({ id: z.string(), name: z.string() }).nullable(),
  dueAt: z.string().nullable(),
  overdue: z.boolean(),
  createdAt: z.string(),
  answeredAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  can: z.object({ accept: z.boolean(), answer: z.boolean(), close: z.boolean() }),
});

/** A support request as an employee's history and a review show it: kind and status, never what was said. */
export const ZSupportSummary = z.object({
  id: z.string(),
  kind: z.string().nullable(),
  source: z.string(),
  status: z.string(),
  createdAt: z.string(),
  caseRef: z.string().nullable(),
});
