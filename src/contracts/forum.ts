import { z } from 'zod';
import { THREAD_SORTS, THREAD_STATUSES } from '../domain/forum.js';

const text = (min: number, max: number) =>
  z
    .string()
    .trim()
    .min(min, min === 1 ? 'must not be empty' : `at least ${min} characters`)
    .max(max, `at most ${max} characters`);
const flag = z
  .enum(['true', 'false'])
  .transform((v) => v === 'true')
  .optional();

export const ZThreadId = z.object({ id: z.uuid('must be a thread id') });
export const ZPostId = z.object({ id: z.uuid('must be a post id') });

export const ZThreadListQuery = z
  .object({
    q: z.string().max(200).optional(),
    sort: z.enum(THREAD_SORTS).optional(),
    /** Moderators: only threads with a reported post still visible. */
    reported: flag,
    limit: z.coerce.number().int().min(1).max(100).optional(),
    cursor: z.string().max(200).optional(),
  })
  .strict();

export const ZPostListQuery = z
  .object({ limit: z.coerce.number().int().min(1).max(200).optional(), cursor: z.string().max(200).optional() })
  .strict();

export const ZSimilarQuery = z.object({ title: text(1, 150), body: z.string().max(2000).optional() }).strict();

export const ZNewThread = z
  .object({
    title: text(5, 150),
    body: text(1, 5000),
    /** Other employees see "a colleague" instead of your name; supervisors, HR and admins still see it. */
    asColleague: z.boolean().optional(),
  })
  .strict();
export const ZNewPost = z.object({ body: text(1, 5000), asColleague: z.boolean().optional() }).strict();
export const ZEditPost = z.object({ body: text(1, 5000) }).strict();
export const ZReview = z.object({ answer: text(1, 2000) }).strict();
export const ZMerge = z.object({ intoId: z.uuid('must be a thread id') }).strict();
export const ZReason = z.object({ reason: text(1, 500) }).strict();

/** Who wrote a post, as this reader may know it: a post shown "as a colleague" names nobody to other employees. */
export const ZForumAuthor = z.object({
  id: z.string().nullable(),
  name: z.string().nullable(),
  asColleague: z.boolean(),
  isYou: z.boolean(),
});

export const ZThreadSummary = z.object({
  id: z.string(),
  title: z.string(),
  status: z.enum(THREAD_STATUSES),
  author: ZForumAuthor,
  excerpt: z.string().nullable(),
  createdAt: z.string(),
  lastActivityAt: z.string(),
  votes: z.number().int(),
  replies: z.number().int(),
  voted: z.boolean(),
  review: z.object({ answer: z.string(), byName: z.string(), at: z.string() }).nullable(),
  /** Reported posts still visible; only moderators are told, others get null. */
  openReports: z.number().int().nullable(),
});

export const ZThread = ZThreadSummary.extend({
  mergedInto: z.object({ id: z.string(), title: z.string() }).nullable(),
  merged: z.array(z.object({ id: z.string(), title: z.string() })),
  can: z.object({ vote: z.boolean(), reply: z.boolean(), review: z.boolean(), merge: z.boolean(), moderate: z.boolean() }),
});

export const ZPost = z.object({
  id: z.string(),
  threadId: z.string(),
  opening: z.boolean(),
  author: ZForumAuthor,
  /** Null when a moderator hid the post and the reader is not a moderator. */
  body: z.string().nullable(),
  createdAt: z.string(),
  editedAt: z.string().nullable(),
  /** Earlier texts, oldest first: an edited post keeps what it said. */
  revisions: z.array(z.object({ body: z.string(), replacedAt: z.string() })),
  editableUntil: z.string().nullable(),
  hidden: z.object({ at: z.string(), reason: z.string().nullable() }).nullable(),
  /** Reasons given by those who reported it; only moderators are told, others get null. */
  reports: z.array(z.string()).nullable(),
  reportedByYou: z.boolean(),
  can: z.object({ edit: z.boolean(), report: z.boolean(), hide: z.boolean() }),
});

export const ZVoteState = z.object({ votes: z.number().int(), voted: z.boolean() });

export const ZSimilarThreads = z.object({
  items: z.array(z.object({ thread: ZThreadSummary, score: z.number(), sharedTerms: z.array(z.string()) })),
});
