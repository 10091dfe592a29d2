import { useQuery } from '@tanstack/react-query';
import { api, apiItems } from './client.js';
import { useInvalidatingMutation } from './invalidating-mutation.js';
import type {
  DecisionInput,
  FindingInput,
  MyReview,
  Review,
  ReviewEvidence,
  ReviewFlag,
  ReviewListItem,
  ReviewRule,
  ReviewRuleInput,
} from './review-types.js';

/** Query keys of review rules, flags and reviews (HR data: reads are logged, so they are not re-read behind the reader's back). */
export const reviewKeys = {
  all: ['reviews'] as const,
  rules: ['reviews', 'rules'] as const,
  flags: ['reviews', 'flags'] as const,
  list: ['reviews', 'list'] as const,
  detail: (id: string) => ['reviews', 'detail', id] as const,
  evidence: (id: string) => ['reviews', 'evidence', id] as const,
  mine: ['reviews', 'mine'] as const,
};

const once = { staleTime: 5 * 60_000, refetchOnWindowFocus: false } as const;

export const useReviewRules = () => useQuery({ queryKey: reviewKeys.rules, queryFn: () => apiItems<ReviewRule>('/review-rules') });
export const useReviewFlags = () => useQuery({ queryKey: reviewKeys.flags, queryFn: () => apiItems<ReviewFlag>('/review-flags') });
export const useReviews = () => useQuery({ queryKey: reviewKeys.list, queryFn: () => apiItems<ReviewListItem>('/reviews') });
export const useReview = (id: string) =>
  useQuery({ queryKey: reviewKeys.detail(id), queryFn: () => api<Review>('GET', `/reviews/${encodeURIComponent(id)}`), ...once });
export const useReviewEvidence = (id: string) =>
  useQuery({
    queryKey: reviewKeys.evidence(id),
    queryFn: () => api<ReviewEvidence>('GET', `/reviews/${encodeURIComponent(id)}/evidence`),
    ...once,
  });
export const useMyReviews = () => useQuery({ queryKey: reviewKeys.mine, queryFn: () => apiItems<MyReview>('/me/reviews') });

export const useSaveReviewRule = () =>
  useInvalidatingMutation(reviewKeys.rules, (v: { id?: string; rule: ReviewRuleInput }) =>
    v.id ? api<ReviewRule>('PUT', `/review-rules/${encodeURIComponent(v.id)}`, v.rule) : api<ReviewRule>('POST', '/review-rules', v.rule),
  );
export const useEvaluateRules = () =>
  useInvalidatingMutation(reviewKeys.all, () => api<{ raised: number }>('POST', '/review-rules/evaluate'));
export const useDecideFlag = () =>
  useInvalidatingMutation(reviewKeys.all, (v: { id: string; open: boolean; reason: string }) =>
    api<ReviewFlag>('POST', `/review-flags/${encodeURIComponent(v.id)}/decision`, { open: v.open, reason: v.reason }),
  );
export const useOpenReview = () =>
  useInvalidatingMutation(reviewKeys.all, (v: { employeeId: string; caseRefs: string[]; reason: string }) =>
    api<Review>('POST', '/reviews', v),
  );
export const useRecordFinding = (id: string) =>
  useInvalidatingMutation(reviewKeys.detail(id), (v: { ref: string; finding: FindingInput }) =>
    api<Review>('PUT', `/reviews/${encodeURIComponent(id)}/cases/${encodeURIComponent(v.ref)}/finding`, v.finding),
  );
export const useDecideReview = (id: string) =>
  useInvalidatingMutation(reviewKeys.detail(id), (v: DecisionInput) =>
    api<Review>('POST', `/reviews/${encodeURIComponent(id)}/decision`, v),
  );
export const useSignOffReview = (id: string) =>
  useInvalidatingMutation(reviewKeys.detail(id), () => api<Review>('POST', `/reviews/${encodeURIComponent(id)}/sign-off`));
export const useAddMyStatement = () =>
  useInvalidatingMutation(reviewKeys.mine, (v: { id: string; body: string }) =>
    api<MyReview>('POST', `/me/reviews/${encodeURIComponent(v.id)}/statement`, { body: v.body }),
  );
export const useWaiveMyWindow = () =>
  useInvalidatingMutation(reviewKeys.mine, (id: string) => api<MyReview>('POST', `/me/reviews/${encodeURIComponent(id)}/waive`));
export const useAppealMyReview = () =>
  useInvalidatingMutation(reviewKeys.mine, (v: { id: string; reason: string }) =>
    api<MyReview>('POST', `/me/reviews/${encodeURIComponent(v.id)}/appeal`, { reason: v.reason }),
  );

/** Where the browser downloads a review's dossier (the session cookie authenticates it). */
export const dossierUrl = (id: string) => `/api/v1/reviews/${encodeURIComponent(id)}/dossier.pdf`;
