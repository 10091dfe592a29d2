import { z } from 'zod';
import { ZProblem } from '../../contracts/cases.js';

/** Documents the problem+json answers every authenticated route can give. */
export const errorResponses = {
  400: ZProblem,
  401: ZProblem,
  403: ZProblem,
  404: ZProblem,
  409: ZProblem,
} as const;

/** A list that is not paged: `{ items }`, the same envelope as paged lists without the cursor. */
export const listOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });
