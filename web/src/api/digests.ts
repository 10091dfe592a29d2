import { useQuery } from '@tanstack/react-query';
import { api } from './client.js';
import { useInvalidatingMutation } from './invalidating-mutation.js';
import type { Agenda, AgendaList, Digest, ManagementSummary } from './types.js';

/** Query keys of the learning digests: agendas by week, the summary by week, newsletters. */
export const digestKeys = {
  all: ['digests'] as const,
  agendas: (week: string | undefined) => ['digests', 'agendas', week ?? 'this'] as const,
  summary: (week: string | undefined) => ['digests', 'summary', week ?? 'this'] as const,
  newsletters: ['digests', 'newsletters'] as const,
};

const weekQuery = (week: string | undefined) => (week ? `?week=${encodeURIComponent(week)}` : '');

export function useAgendas(week: string | undefined) {
  return useQuery({ queryKey: digestKeys.agendas(week), queryFn: () => api<AgendaList>('GET', `/digests/agendas${weekQuery(week)}`) });
}

export function useManagementSummary(week: string | undefined, enabled: boolean) {
  return useQuery({
    queryKey: digestKeys.summary(week),
    queryFn: () => api<ManagementSummary>('GET', `/digests/management-summary${weekQuery(week)}`),
    enabled,
  });
}

export function useNewsletters() {
  return useQuery({
    queryKey: digestKeys.newsletters,
    queryFn: () => api<{ items: Digest[]; minGroupSize: number }>('GET', '/digests/newsletters'),
  });
}

const agendaPath = (id: string, tail = '') => `/digests/agendas/${encodeURIComponent(id)}${tail}`;
const newsletterPath = (id: string, tail = '') => `/digests/newsletters/${encodeURIComponent(id)}${tail}`;

export const usePrepareAgenda = () =>
  useInvalidatingMutation(digestKeys.all, (v: { teamId: string; week: string }) => api<Agenda>('POST', '/digests/agendas', v));

export const useUpdateAgenda = () =>
  useInvalidatingMutation(digestKeys.all, (v: { id: string; caseRef?: string; redact?: string[]; restore?: string[] }) => {
    const { id, ...body } = v;
    return api<Agenda>('PATCH', agendaPath(id), body);
  });

export const useApproveAgenda = () =>
  useInvalidatingMutation(digestKeys.all, (id: string) => api<Agenda>('POST', agendaPath(id, '/approve')));
export const useSendAgenda = () => useInvalidatingMutation(digestKeys.all, (id: string) => api<Agenda>('POST', agendaPath(id, '/send')));

export const useCreateNewsletter = () =>
  useInvalidatingMutation(digestKeys.all, (v: { since?: string }) => api<Digest>('POST', '/digests/newsletters', v));

export const useUpdateNewsletter = () =>
  useInvalidatingMutation(digestKeys.all, (v: { id: string; story: number; redact?: string[]; restore?: string[]; remove?: boolean }) => {
    const { id, ...body } = v;
    return api<Digest>('PATCH', newsletterPath(id), body);
  });

export const useApproveNewsletter = () =>
  useInvalidatingMutation(digestKeys.all, (id: string) => api<Digest>('POST', newsletterPath(id, '/approve')));
export const useSendNewsletter = () =>
  useInvalidatingMutation(digestKeys.all, (v: { id: string; to: string[] }) =>
    api<Digest>('POST', newsletterPath(v.id, '/send'), { to: v.to }),
  );
