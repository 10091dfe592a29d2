import { z } from 'zod';
import { ZCase, ZCaseStatus } from './cases.js';
import { id, text, ZCaseRefText } from './common.js';
import { ZAddTags } from './tag.js';

/** At most this many cases in one bulk request: a page of the inbox, with room. */
export const MAX_BULK_CASES = 100;

export const ZBulkAction = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('assign'), assigneeId: id.nullable() }).strict(),
  z.object({ kind: z.literal('transition'), to: ZCaseStatus, reason: text(2000).optional() }).strict(),
  ZAddTags.extend({ kind: z.literal('tag') }).strict(),
]);

export const ZBulkRequest = z
  .object({
    refs: z
      .array(ZCaseRefText)
      .min(1, 'choose at least one case')
      .max(MAX_BULK_CASES, `at most ${MAX_BULK_CASES} cases at once`)
      .refine((refs) => new Set(refs).size === refs.length, 'name each case once'),
    action: ZBulkAction,
  })
  .strict();

export const ZBulkResult = z.object({
  results: z
    .array(
      z.object({
        ref: z.string(),
        ok: z.boolean(),
        case: ZCase.optional().describe('the case after the change, when it was made'),
        problem: z
          .object({ status: z.number().int(), code: z.string(), detail: z.string() })
          .optional()
          .describe('why this case was not changed (the others still were)'),
      }),
    )
    .describe('one per case asked for, in the order asked'),
  changed: z.number().int(),
  failed: z.number().int(),
});
