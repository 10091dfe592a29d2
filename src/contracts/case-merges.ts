import { z } from 'zod';
import { ZCase, ZSeverity } from './cases.js';
import { id, text, ZCaseRefText } from './common.js';

/** Merging a duplicate case into the case kept. */
export const ZMergeCase = z
  .object({
    intoRef: ZCaseRefText.describe('the case to keep; the case in the path closes as merged into it'),
    reason: text(1000).optional().describe('why they are the same incident (kept on both timelines)'),
    confirmDifferentCustomers: z
      .boolean()
      .optional()
      .describe('merge even though the two cases name different customers (refused with 409 otherwise)'),
  })
  .strict();

export const ZMergeResult = z.object({ duplicate: ZCase, kept: ZCase });

/** Taking part of a case into a new case. */
export const ZSplitCase = z
  .object({
    title: text(200).describe('the new case’s title'),
    summary: text(10_000).describe('what the new incident is about'),
    severity: ZSeverity.optional().describe('the new case’s severity (the original’s when left out)'),
    messageIds: z
      .array(id)
      .max(500)
      .optional()
      .describe('customer messages of the case that belong to the new incident: they move to the new case'),
    reason: text(1000).optional(),
  })
  .strict();

export const ZSplitResult = z.object({ original: ZCase, created: ZCase });
