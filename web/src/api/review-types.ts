import type { z } from 'zod';
import type {
  ZDecisionInput,
  ZFindingInput,
  ZMyReview,
  ZReview,
  ZReviewEvidence,
  ZReviewFlag,
  ZReviewListItem,
  ZReviewRule,
  ZReviewRuleInput,
} from '../../../src/contracts/reviews.js';
import type { ZSupportAccept, ZSupportRequest, ZSupportRequestInput } from '../../../src/contracts/support.js';

export type ReviewRule = z.infer<typeof ZReviewRule>;
export type ReviewRuleInput = z.input<typeof ZReviewRuleInput>;
export type ReviewFlag = z.infer<typeof ZReviewFlag>;
export type ReviewListItem = z.infer<typeof ZReviewListItem>;
export type Review = z.infer<typeof ZReview>;
export type ReviewEvidence = z.infer<typeof ZReviewEvidence>;
export type MyReview = z.infer<typeof ZMyReview>;
export type FindingInput = z.input<typeof ZFindingInput>;
export type DecisionInput = z.input<typeof ZDecisionInput>;
export type ReviewOutcome = Review['decisions'][number]['outcome'];
export type SupportRequest = z.infer<typeof ZSupportRequest>;
export type SupportRequestInput = z.input<typeof ZSupportRequestInput>;
export type SupportAccept = z.input<typeof ZSupportAccept>;
export type SupportKind = NonNullable<SupportRequest['kind']>;
