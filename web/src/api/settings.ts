import { type QueryKey, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client.js';
import type { AuthorityLimits, AuthorityLimitsInput, DeadlineSettings, DeadlineSettingsInput } from './types.js';

/** Query keys of the workspace settings. */
export const settingsKeys = {
  deadlines: ['settings', 'deadlines'] as const,
  authorityLimits: ['settings', 'authority-limits'] as const,
};

/** A settings form's save: the server answers with the saved settings, which replace the cached ones. */
function useSaveSettings<I, S>(queryKey: QueryKey, path: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: I) => api<S>('PUT', path, body),
    onSuccess: (saved) => client.setQueryData(queryKey, saved),
  });
}

export function useDeadlineSettings() {
  return useQuery({ queryKey: settingsKeys.deadlines, queryFn: () => api<DeadlineSettings>('GET', '/settings/deadlines') });
}

export const useSaveDeadlineSettings = () =>
  useSaveSettings<DeadlineSettingsInput, DeadlineSettings>(settingsKeys.deadlines, '/settings/deadlines');

export function useAuthorityLimits() {
  return useQuery({ queryKey: settingsKeys.authorityLimits, queryFn: () => api<AuthorityLimits>('GET', '/settings/authority-limits') });
}

export const useSaveAuthorityLimits = () =>
  useSaveSettings<AuthorityLimitsInput, AuthorityLimits>(settingsKeys.authorityLimits, '/settings/authority-limits');
