import { z } from 'zod';
import { EMOTIONS, ESCALATION_KINDS, MOVE_KINDS, PROBLEM_KINDS, SCORE_PARTS, WANT_KINDS } from '../domain/coach.js';
import { ZIsoTimestamp } from './time.js';

/** Request and response shapes of POST /api/v1/coach/analyze; also the CLI's --json output. Clients rely on them: add, never rename. */
export const COACH_TEXT_MAX = 20_000;
const GLOSSARY_MAX_TERMS = 500;

const text = (what: string) =>
  z
    .string()
    .max(COACH_TEXT_MAX, `at most ${COACH_TEXT_MAX.toLocaleString('en-US')} characters`)
    .describe(what);

export const ZMoveKind = z.enum(MOVE_KINDS);

export const ZCoachRequest = z
  .object({
    customer: text("The customer's message, as they wrote it").optional(),
    reply: text('The draft reply to check').optional(),
    glossary: z
      .array(z.string().trim().min(1, 'must not be empty').max(100, 'at most 100 characters'))
      .max(GLOSSARY_MAX_TERMS)
      .optional()
      .describe('Workspace jargon to flag in replies, on top of the built-in list'),
    expectedMoves: z
      .array(ZMoveKind)
      .max(MOVE_KINDS.length)
      .optional()
      .describe('Moves the current playbook step expects; defaults to empathy, paraphrase, solution, commitment'),
  })
  .strict()
  .refine((r) => Boolean(r.customer?.trim() || r.reply?.trim()), {
    message: 'give a customer message, a reply, or both',
    path: ['reply'],
  });

const ZSpan = z
  .tuple([z.number().int().nonnegative(), z.number().int().nonnegative()])
  .describe('[start, end) UTF-16 offsets into the analysed text');
const finding = <T extends readonly [string, ...string[]]>(kinds: T) => z.object({ kind: z.enum(kinds), span: ZSpan });
const ZScoreItem = z.object({ value: z.number().int().min(0).max(100), reason: z.string() });

const ZModelReason = z
  .object({
    probability: z.number().min(0).max(1).describe('how sure the learned model is'),
    cues: z.array(z.string()).describe('the words of the text that weighed most in its decision'),
  })
  .describe('present when the learned model, not a rule, made the reading');

export const ZCustomerReading = z.object({
  emotion: z.enum(EMOTIONS),
  intensity: z.number().min(0).max(1),
  escalation: z.array(finding(ESCALATION_KINDS)),
  wants: z.array(finding(WANT_KINDS)),
  model: ZModelReason.optional().describe('the learned reading: chance of anger or annoyance, and the words behind the emotion'),
});

export const ZMove = z.object({
  kind: ZMoveKind,
  span: ZSpan,
  open: z.boolean().optional().describe('questions: open (true) or yes/no (false)'),
  due: z.iso.datetime({ offset: true }).optional().describe('commitments: the promised time'),
  model: ZModelReason.optional(),
});

export const ZReplyReading = z.object({
  moves: z.array(ZMove),
  problems: z.array(finding(PROBLEM_KINDS)),
  missing: z.array(ZMoveKind),
  suggestions: z.array(z.string()),
  score: z.object({
    total: z.number().int().min(0).max(100),
    parts: z.object(Object.fromEntries(SCORE_PARTS.map((p) => [p, ZScoreItem])) as Record<(typeof SCORE_PARTS)[number], typeof ZScoreItem>),
  }),
});

export const ZCoachResult = z.object({
  customer: ZCustomerReading.optional(),
  reply: ZReplyReading.optional(),
});

/** A reply sent to the customer, recorded on a case and scored. */
export const ZNewReply = z
  .object({
    body: z.string().trim().min(1, 'must not be empty').max(COACH_TEXT_MAX, `at most ${COACH_TEXT_MAX} characters`),
    customerMessage: text('The customer message this reply answers, so the coach can check the paraphrase').optional(),
    via: z
      .enum(['email', 'spoken'])
      .optional()
      .describe('email (the default when the customer has an address): sent through the outbox; spoken: said in person or by phone'),
    savedReplyId: z
      .uuid('must be an id (UUID)')
      .optional()
      .describe('the saved reply this text came from: its actions (status, tags) are applied when the reply is recorded'),
  })
  .strict();

const ZPartValues = z.object(
  Object.fromEntries(SCORE_PARTS.map((p) => [p, z.number()])) as Record<(typeof SCORE_PARTS)[number], z.ZodNumber>,
);

export const ZCoachingReportQuery = z.object({ since: ZIsoTimestamp.optional() }).strict();

export const ZCoachingReport = z.object({
  items: z.array(
    z.object({
      userId: z.string(),
      name: z.string(),
      replies: z.number().int(),
      average: ZPartValues.extend({ total: z.number() }),
      weakest: z.enum(SCORE_PARTS),
      examples: z.array(z.object({ ref: z.string(), at: z.string(), excerpt: z.string(), total: z.number() })),
    }),
  ),
});
