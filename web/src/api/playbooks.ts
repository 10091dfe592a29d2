import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { caseKeys, casePath, invalidateCase } from './cases.js';
import { api, apiItems, queryString } from './client.js';
import { useInvalidatingMutation } from './invalidating-mutation.js';
import type {
  CopyPlaybook,
  Playbook,
  PlaybookRevision,
  PlaybookRun,
  PlaybookSummary,
  Recommendation,
  StartPlaybook,
  StepDone,
} from './types.js';

type RecommendationFlags = { policyAtStake: boolean; abusive: boolean };

/** Query keys of playbooks; a case's run and recommendation sit under the case's key. */
export const playbookKeys = {
  list: ['playbooks', 'list'] as const,
  detail: (key: string | undefined) => ['playbooks', 'detail', key] as const,
  run: (ref: string) => [...caseKeys.detail(ref), 'playbook-run'] as const,
  recommendation: (ref: string, flags: RecommendationFlags) => [...caseKeys.detail(ref), 'recommendation', flags] as const,
};

/** The playbooks: built-ins and the workspace's own copies, latest versions. */
export function usePlaybooks() {
  return useQuery({ queryKey: playbookKeys.list, queryFn: () => apiItems<PlaybookSummary>('/playbooks') });
}

export function usePlaybook(key: string | undefined) {
  return useQuery({
    queryKey: playbookKeys.detail(key),
    queryFn: () => api<Playbook>('GET', `/playbooks/${encodeURIComponent(key ?? '')}`),
    enabled: Boolean(key),
    staleTime: 10 * 60_000,
  });
}

/** Admins: copy a playbook into a new workspace playbook. */
export const useCopyPlaybook = () =>
  useInvalidatingMutation(playbookKeys.list, (body: CopyPlaybook) => api<Playbook>('POST', '/playbooks', body));

/** Admins: save the next version of a workspace playbook. */
export function useRevisePlaybook(key: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: PlaybookRevision) => api<Playbook>('PUT', `/playbooks/${encodeURIComponent(key)}`, body),
    onSuccess: (saved) => {
      client.setQueryData(playbookKeys.detail(key), saved);
      return client.invalidateQueries({ queryKey: playbookKeys.list });
    },
  });
}

/** The strategy the recommender picks for a case, given the two facts only the handler knows. */
export function useRecommendation(ref: string, flags: RecommendationFlags) {
  return useQuery({
    queryKey: playbookKeys.recommendation(ref, flags),
    queryFn: () => api<Recommendation>('GET', casePath(ref, `/recommendation${queryString(flags)}`)),
    placeholderData: (previous) => previous,
  });
}

/** The playbook a case runs, with its progress, or the recommendation when none runs yet. */
export function usePlaybookRun(ref: string) {
  return useQuery({ queryKey: playbookKeys.run(ref), queryFn: () => api<PlaybookRun>('GET', casePath(ref, '/playbook')) });
}

function usePlaybookRunMutation<V>(ref: string, fn: (v: V) => Promise<PlaybookRun>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (run) => {
      client.setQueryData(playbookKeys.run(ref), run);
      return invalidateCase(client, ref);
    },
  });
}

export const useStartPlaybook = (ref: string) =>
  usePlaybookRunMutation(ref, (body: StartPlaybook) => api<PlaybookRun>('PUT', casePath(ref, '/playbook'), body));

export const useMarkStepDone = (ref: string) =>
  usePlaybookRunMutation(ref, (body: StepDone) => api<PlaybookRun>('POST', casePath(ref, '/playbook/steps'), body));
