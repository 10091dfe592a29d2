import { useQuery } from '@tanstack/react-query';
import { caseKeys, casePath, useCaseMutation } from './cases.js';
import { api } from './client.js';
import type { Resolution, ResolutionInput } from './types.js';

/** Query keys of resolutions, one per case, under the case's key. */
export const resolutionKeys = {
  forCase: (ref: string) => [...caseKeys.detail(ref), 'resolution'] as const,
};

export function useResolution(ref: string) {
  return useQuery({
    queryKey: resolutionKeys.forCase(ref),
    queryFn: async () => (await api<{ resolution: Resolution | null }>('GET', casePath(ref, '/resolution'))).resolution,
  });
}

export const useProposeResolution = (ref: string) =>
  useCaseMutation(ref, (body: ResolutionInput) => api<Resolution>('PUT', casePath(ref, '/resolution'), body));

export const useDecideResolution = (ref: string) =>
  useCaseMutation(ref, (body: { decision: 'approve' | 'reject'; note?: string }) =>
    api<Resolution>('POST', casePath(ref, '/resolution/decision'), body),
  );
