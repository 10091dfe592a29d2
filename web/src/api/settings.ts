import { type QueryKey, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { accountKeys } from './accounts.js';
import { api } from './client.js';
import type {
  AuthorityLimits,
  AuthorityLimitsInput,
  BusinessHoursList,
  DeadlineSettings,
  DeadlineSettingsInput,
  TeamHours,
  TeamHoursInput,
  WorkspaceSettings,
  WorkspaceSettingsInput,
} from './types.js';

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

export const workspaceKeys = {
  settings: ['settings', 'workspace'] as const,
  businessHours: ['settings', 'business-hours'] as const,
};

export function useWorkspaceSettings() {
  return useQuery({ queryKey: workspaceKeys.settings, queryFn: () => api<WorkspaceSettings>('GET', '/settings/workspace') });
}

/** Saves the currency and time zone; the signed-in user's copy of the workspace is read again. */
export function useSaveWorkspaceSettings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: WorkspaceSettingsInput) => api<WorkspaceSettings>('PUT', '/settings/workspace', body),
    onSuccess: (saved) => {
      client.setQueryData(workspaceKeys.settings, saved);
      void client.invalidateQueries({ queryKey: accountKeys.me });
      void client.invalidateQueries({ queryKey: settingsKeys.deadlines });
      void client.invalidateQueries({ queryKey: workspaceKeys.businessHours });
    },
  });
}

export function useBusinessHours() {
  return useQuery({ queryKey: workspaceKeys.businessHours, queryFn: () => api<BusinessHoursList>('GET', '/settings/business-hours') });
}

/** Sets (or, with null, removes) one team's opening hours and holidays. */
export function useSaveTeamHours(teamId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: TeamHoursInput | null) =>
      body === null
        ? api<TeamHours>('DELETE', `/settings/business-hours/${teamId}`)
        : api<TeamHours>('PUT', `/settings/business-hours/${teamId}`, body),
    onSuccess: () => void client.invalidateQueries({ queryKey: workspaceKeys.businessHours }),
  });
}
