import { z } from 'zod';
import { MAX_TAG_LENGTH, MAX_TAGS_PER_CASE, normalizeTag, TAG_RULE } from '../domain/tags.js';
import { ZCaseRefText } from './common.js';

/** A tag as typed ("Late delivery"), read in its one spelling ("late-delivery"). */
export const ZTag = z
  .string()
  .max(MAX_TAG_LENGTH * 2, `at most ${MAX_TAG_LENGTH} characters`)
  .transform((raw, ctx) => {
    const tag = normalizeTag(raw);
    if (tag === null) {
      ctx.addIssue({ code: 'custom', message: `a tag is ${TAG_RULE}` });
      return z.NEVER;
    }
    return tag;
  });

export const ZTagParam = z.object({ ref: ZCaseRefText, tag: ZTag });

/** Tags to put on a case. */
export const ZAddTags = z
  .object({ tags: z.array(ZTag).min(1, 'name at least one tag').max(MAX_TAGS_PER_CASE, `at most ${MAX_TAGS_PER_CASE} tags`) })
  .strict();

export const ZTagCounts = z.object({
  items: z.array(z.object({ tag: z.string(), count: z.number().int().describe('how many of the cases you may see carry it') })),
});
