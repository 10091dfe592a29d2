import { useQuery } from '@tanstack/react-query';
import { caseKeys, casePath } from './cases.js';
import { api, apiItems } from './client.js';
import { useInvalidatingMutation } from './invalidating-mutation.js';
import type { EmployeeAnswerInput, FollowUp, MyFollowUp } from './types.js';

/** Query keys of follow-ups: a case's under the case's key, and the signed-in employee's own. */
export const followUpKeys = {
  forCase: (ref: string) => [...caseKeys.detail(ref), 'follow-ups'] as const,
  mine: ['follow-ups', 'mine'] as const,
};

export function useCaseFollowUps(ref: string) {
  return useQuery({ queryKey: followUpKeys.forCase(ref), queryFn: () => apiItems<FollowUp>(casePath(ref, '/follow-ups')) });
}

export function useMyFollowUps(enabled = true) {
  return useQuery({ queryKey: followUpKeys.mine, queryFn: () => apiItems<MyFollowUp>('/follow-ups?mine=true'), enabled });
}

export const useAnswerFollowUp = () =>
  useInvalidatingMutation(followUpKeys.mine, (v: { id: string; answer: EmployeeAnswerInput }) =>
    api<FollowUp>('POST', `/follow-ups/${encodeURIComponent(v.id)}/answer`, v.answer),
  );

/** Moves a follow-up still waiting to go out (the API plans or moves the one of that person). */
export const useMoveFollowUp = (ref: string) =>
  useInvalidatingMutation(followUpKeys.forCase(ref), (v: { party: FollowUp['party']; employeeId: string | null; dueAt: string }) =>
    api<FollowUp>('POST', casePath(ref, '/follow-ups'), {
      party: v.party,
      ...(v.employeeId ? { employeeId: v.employeeId } : {}),
      dueAt: v.dueAt,
    }),
  );
