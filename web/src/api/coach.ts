import { useQuery } from '@tanstack/react-query';
import { casePath, useCaseMutation } from './cases.js';
import { api, apiItems } from './client.js';
import type { CoachingRow, CoachRequest, CoachResult, SentReply } from './types.js';

/** Query keys of the reply coach: its readings of drafts, and the coaching report. */
export const coachKeys = {
  analysis: (request: CoachRequest) => ['coach', 'analysis', request] as const,
  report: ['coach', 'report'] as const,
};

/**
 * The coach's reading of a draft reply (and the customer's message), for the live panel. The key
 * holds the debounced texts, so each pause asks once; TanStack Query aborts the request of a key
 * nobody watches any more (the signal is passed to fetch), and the last answer stays on screen
 * while the next one loads.
 */
export function useCoachAnalysis(request: CoachRequest) {
  const hasText = Boolean(request.reply?.trim() || request.customer?.trim());
  return useQuery({
    queryKey: coachKeys.analysis(request),
    queryFn: async ({ signal }) => ({ request, result: await api<CoachResult>('POST', '/coach/analyze', request, signal) }),
    enabled: hasText,
    placeholderData: (previous) => previous,
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: 60_000,
    retry: false,
  });
}

/** Records a reply sent to the customer; the server scores it onto the timeline. */
export const useSendReply = (ref: string) =>
  useCaseMutation(ref, (v: { body: string; customerMessage?: string; via?: 'email' | 'spoken'; savedReplyId?: string }) =>
    api<SentReply>('POST', casePath(ref, '/replies'), v),
  );

export function useCoachingReport() {
  return useQuery({ queryKey: coachKeys.report, queryFn: () => apiItems<CoachingRow>('/reports/coaching') });
}
