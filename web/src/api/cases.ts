import { infiniteQueryOptions, type QueryClient, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, cursorPages, PAGE_SIZE, queryString } from './client.js';
import { useInvalidatingMutation } from './invalidating-mutation.js';
import type {
  Case,
  CaseDetail,
  CaseStatus,
  NewCase,
  NewStatement,
  Page,
  Statement,
  TimelineEvent,
  TransitionBody,
  Verification,
} from './types.js';

type CaseListQuery = Record<string, string | undefined>;

const caseDetail = (ref: string) => ['cases', 'detail', ref] as const;

/**
 * Query keys of cases. Everything read about one case sits under `detail(ref)` (other resources
 * nest their per-case keys there too), so one invalidation refreshes the whole case page.
 */
export const caseKeys = {
  lists: () => ['cases', 'list'] as const,
  list: (query: CaseListQuery) => ['cases', 'list', query] as const,
  detail: caseDetail,
  events: (ref: string) => [...caseDetail(ref), 'events'] as const,
  verification: (ref: string) => [...caseDetail(ref), 'verification'] as const,
};

/** The API path of a case, or of something under it (`casePath(ref, '/events')`). */
export const casePath = (ref: string, under = '') => `/cases/${encodeURIComponent(ref)}${under}`;

/** One inbox query, a page at a time (cursor pagination, so page 40 costs what page 1 does). */
export const caseListQuery = (query: CaseListQuery) =>
  infiniteQueryOptions({
    queryKey: caseKeys.list(query),
    queryFn: ({ pageParam }) => api<Page<Case>>('GET', `/cases${queryString({ ...query, limit: PAGE_SIZE, cursor: pageParam })}`),
    ...cursorPages,
  });

export function useCaseList(query: CaseListQuery) {
  return useInfiniteQuery({ ...caseListQuery(query), placeholderData: (previous) => previous });
}

/** The cases a case number names, whatever the inbox's filters (a number means that case). */
export function useCasesByNumber(q: string | null) {
  return useQuery({
    queryKey: [...caseKeys.lists(), 'by-number', q] as const,
    queryFn: () => api<Page<Case>>('GET', `/cases${queryString({ q: q ?? '', limit: '2' })}`),
    enabled: q !== null,
  });
}

export function useCase(ref: string) {
  return useQuery({ queryKey: caseKeys.detail(ref), queryFn: () => api<CaseDetail>('GET', casePath(ref)) });
}

/** The whole timeline of a case, read page by page until the last one. */
export function useEvents(ref: string) {
  return useQuery({
    queryKey: caseKeys.events(ref),
    queryFn: async () => {
      const items: TimelineEvent[] = [];
      let cursor: string | undefined;
      do {
        const page = await api<Page<TimelineEvent>>('GET', casePath(ref, `/events${queryString({ cursor, limit: 1000 })}`));
        items.push(...page.items);
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      return items;
    },
  });
}

export function useVerification(ref: string) {
  return useQuery({ queryKey: caseKeys.verification(ref), queryFn: () => api<Verification>('GET', casePath(ref, '/verification')) });
}

/** After any change to a case: its page, timeline, verification mark and every inbox list refresh. */
export function invalidateCase(client: QueryClient, ref: string): Promise<void> {
  return Promise.all([
    client.invalidateQueries({ queryKey: caseKeys.detail(ref) }),
    client.invalidateQueries({ queryKey: caseKeys.lists() }),
  ]).then(() => undefined);
}

/** A mutation on one case that refreshes everything shown about it when it succeeds. */
export function useCaseMutation<V, R = unknown>(ref: string, fn: (v: V) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => invalidateCase(client, ref) });
}

export const useCreateCase = () => useInvalidatingMutation(caseKeys.lists(), (body: NewCase) => api<Case>('POST', '/cases', body));

export const useTransition = (ref: string) =>
  useCaseMutation(ref, (v: { to: CaseStatus; reason?: string; proceedReason?: string }) =>
    api<Case>('POST', casePath(ref, '/transitions'), v),
  );

/** Moves a case with the full body (closing needs an outcome and a root cause). */
export const useTransitionWith = (ref: string) =>
  useCaseMutation(ref, (body: TransitionBody) => api<Case>('POST', casePath(ref, '/transitions'), body));

export const useAssign = (ref: string) =>
  useCaseMutation(ref, (assigneeId: string | null) => api<Case>('PUT', casePath(ref, '/assignee'), { assigneeId }));

export const useAddNote = (ref: string) => useCaseMutation(ref, (text: string) => api<Case>('POST', casePath(ref, '/events'), { text }));

export const useAddStatement = (ref: string) =>
  useCaseMutation(ref, (body: NewStatement) => api<Statement>('POST', casePath(ref, '/statements'), body));

export const useSetCaseType = (ref: string) =>
  useCaseMutation(ref, (caseTypeId: string | null) => api<Case>('PATCH', casePath(ref), { caseTypeId }));

export const useReportAbuse = (ref: string) => useCaseMutation(ref, (note: string) => api<Case>('POST', casePath(ref, '/abuse'), { note }));

export const useRequestHelp = (ref: string) =>
  useCaseMutation(ref, (note: string) => api<Case>('POST', casePath(ref, '/help-request'), note ? { note } : {}));

export const useTakeHelpRequest = (ref: string) => useCaseMutation(ref, () => api<Case>('POST', casePath(ref, '/help-request/take')));

export const usePauseClocks = (ref: string) =>
  useCaseMutation(ref, (note: string) => api<Case>('POST', casePath(ref, '/clocks/pause'), note ? { note } : {}));

export const useResumeClocks = (ref: string) => useCaseMutation(ref, () => api<Case>('POST', casePath(ref, '/clocks/resume')));
