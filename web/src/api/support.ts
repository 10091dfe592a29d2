import { useQuery } from '@tanstack/react-query';
import { api, apiItems } from './client.js';
import { useInvalidatingMutation } from './invalidating-mutation.js';
import type { SupportAccept, SupportRequest, SupportRequestInput } from './review-types.js';

/** Query keys of support requests. */
export const supportKeys = { all: ['support-requests'] as const };

export const useSupportRequests = () =>
  useQuery({ queryKey: supportKeys.all, queryFn: () => apiItems<SupportRequest>('/support-requests') });
export const useRequestSupport = () =>
  useInvalidatingMutation(supportKeys.all, (v: SupportRequestInput) => api<SupportRequest>('POST', '/support-requests', v));
export const useAcceptSupport = () =>
  useInvalidatingMutation(supportKeys.all, (v: { id: string } & SupportAccept) => {
    const { id, ...body } = v;
    return api<SupportRequest>('POST', `/support-requests/${encodeURIComponent(id)}/accept`, body);
  });
export const useAnswerSupport = () =>
  useInvalidatingMutation(supportKeys.all, (v: { id: string; answer: string }) =>
    api<SupportRequest>('POST', `/support-requests/${encodeURIComponent(v.id)}/answer`, { answer: v.answer }),
  );
export const useCloseSupport = () =>
  useInvalidatingMutation(supportKeys.all, (id: string) =>
    api<SupportRequest>('POST', `/support-requests/${encodeURIComponent(id)}/close`),
  );
