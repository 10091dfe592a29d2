import { useQuery } from '@tanstack/react-query';
import { api, apiItems } from './client.js';
import { useInvalidatingMutation } from './invalidating-mutation.js';
import type { Improvement, ImprovementStatus } from './types.js';

/** Query keys of the improvement backlog. */
export const improvementKeys = { all: ['improvements'] as const };

export function useImprovements() {
  return useQuery({ queryKey: improvementKeys.all, queryFn: () => apiItems<Improvement>('/improvements') });
}

export type NewImprovement = { title: string; description: string; themeIds?: string[]; caseRefs?: string[]; ownerId?: string | null };

export const useCreateImprovement = () =>
  useInvalidatingMutation(improvementKeys.all, (v: NewImprovement) => api<Improvement>('POST', '/improvements', v));

export const useUpdateImprovement = () =>
  useInvalidatingMutation(
    improvementKeys.all,
    (v: { id: string; status?: ImprovementStatus; reason?: string; ownerId?: string | null; forumThreadIds?: string[] }) => {
      const { id, ...body } = v;
      return api<Improvement>('PATCH', `/improvements/${encodeURIComponent(id)}`, body);
    },
  );
