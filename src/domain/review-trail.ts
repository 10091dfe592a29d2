import { canonicalJson, GENESIS_HASH, sha256 } from './timeline.js';

export type ReviewEventContent = {
  workspaceId: string;
  reviewId: string;
  seq: number;
  kind: string;
  actorId: string | null;
  at: string;
  data: Record<string, unknown>;
  prevHash: string;
};

/** The review's own audit trail is hash-chained like a case timeline, so a changed entry shows. */
export const hashReviewEvent = (content: ReviewEventContent): string => sha256(canonicalJson(content));

export { GENESIS_HASH as REVIEW_GENESIS_HASH };
