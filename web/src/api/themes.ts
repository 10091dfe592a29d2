import { useQuery } from '@tanstack/react-query';
import { api } from './client.js';
import { useInvalidatingMutation } from './invalidating-mutation.js';
import type { CaseTheme, Theme, ThemeList, ThemeRun } from './types.js';

/** Query keys of themes: the list (per filter), one case's theme, and a mining run. */
export const themeKeys = {
  all: ['themes'] as const,
  list: (filter: { teamId?: string; since?: string }) => ['themes', 'list', filter] as const,
  ofCase: (ref: string) => ['themes', 'case', ref] as const,
  run: (id: string) => ['themes', 'run', id] as const,
};

export function useThemes(filter: { teamId?: string; since?: string }) {
  const qs = new URLSearchParams(Object.entries(filter).filter((e): e is [string, string] => Boolean(e[1]))).toString();
  return useQuery({ queryKey: themeKeys.list(filter), queryFn: () => api<ThemeList>('GET', `/themes${qs ? `?${qs}` : ''}`) });
}

/** A mining run, polled every second while it is waiting or running. */
export function useThemeRun(id: string | null) {
  return useQuery({
    queryKey: themeKeys.run(id ?? ''),
    queryFn: () => api<ThemeRun>('GET', `/themes/runs/${encodeURIComponent(id ?? '')}`),
    enabled: id !== null,
    refetchInterval: (q) => (q.state.data && (q.state.data.state === 'done' || q.state.data.state === 'failed') ? false : 1000),
  });
}

export const useRequestMining = () => useInvalidatingMutation(themeKeys.all, () => api<ThemeRun>('POST', '/themes/runs'));

export const useUpdateTheme = () =>
  useInvalidatingMutation(themeKeys.all, (v: { id: string; label?: string | null; locked?: boolean }) =>
    api<Theme>('PATCH', `/themes/${encodeURIComponent(v.id)}`, {
      ...(v.label !== undefined ? { label: v.label } : {}),
      ...(v.locked !== undefined ? { locked: v.locked } : {}),
    }),
  );

export const useMergeTheme = () =>
  useInvalidatingMutation(themeKeys.all, (v: { id: string; into: string }) =>
    api<Theme>('POST', `/themes/${encodeURIComponent(v.id)}/merge`, { into: v.into }),
  );

export function useCaseTheme(ref: string) {
  return useQuery({ queryKey: themeKeys.ofCase(ref), queryFn: () => api<CaseTheme>('GET', `/cases/${encodeURIComponent(ref)}/theme`) });
}

export const useMoveCaseTheme = (ref: string) =>
  useInvalidatingMutation(themeKeys.all, (themeId: string) =>
    api<CaseTheme>('PUT', `/cases/${encodeURIComponent(ref)}/theme`, { themeId }),
  );
