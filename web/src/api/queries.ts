import { type QueryClient, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, queryString } from './client.js';
import type {
  AccessLogEntry,
  ApiToken,
  AuthorityLimits,
  AuthorityLimitsInput,
  Case,
  CaseDetail,
  CaseStatus,
  CoachingRow,
  CoachRequest,
  CoachResult,
  Commitment,
  CommitmentReport,
  CopyPlaybook,
  Customer,
  DeadlineSettings,
  DeadlineSettingsInput,
  Employee,
  EmployeeAnswerInput,
  EmployeeHistory,
  FollowUp,
  Me,
  MyFollowUp,
  NewCase,
  NewCommitment,
  NewStatement,
  NotificationList,
  Page,
  Playbook,
  PlaybookRevision,
  PlaybookRun,
  PlaybookSummary,
  Recommendation,
  Resolution,
  ResolutionInput,
  Role,
  SentReply,
  StartPlaybook,
  Statement,
  StepDone,
  Team,
  TimelineEvent,
  TransitionBody,
  User,
  Verification,
} from './types.js';

/** Query keys in one place, so a mutation can invalidate exactly what it changed. */
export const keys = {
  me: ['me'] as const,
  cases: ['cases'] as const,
  caseList: (query: Record<string, string | undefined>) => ['cases', query] as const,
  case: (ref: string) => ['case', ref] as const,
  events: (ref: string) => ['case', ref, 'events'] as const,
  verification: (ref: string) => ['case', ref, 'verification'] as const,
  teams: ['teams'] as const,
  employees: ['employees'] as const,
  customers: ['customers'] as const,
  users: ['users'] as const,
  tokens: ['tokens'] as const,
};

const PAGE_SIZE = 50;

export function useMe() {
  return useQuery({ queryKey: keys.me, queryFn: () => api<Me>('GET', '/me'), staleTime: 5 * 60_000 });
}

/** One inbox query, a page at a time (cursor pagination, so page 40 costs what page 1 does). */
export function useCaseList(query: Record<string, string | undefined>) {
  return useInfiniteQuery({
    queryKey: keys.caseList(query),
    queryFn: ({ pageParam }) => api<Page<Case>>('GET', `/cases${queryString({ ...query, limit: PAGE_SIZE, cursor: pageParam })}`),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: (previous) => previous,
  });
}

export function useCase(ref: string) {
  return useQuery({ queryKey: keys.case(ref), queryFn: () => api<CaseDetail>('GET', `/cases/${encodeURIComponent(ref)}`) });
}

export function useEvents(ref: string) {
  return useQuery({
    queryKey: keys.events(ref),
    queryFn: async () => {
      const items: TimelineEvent[] = [];
      let cursor: string | undefined;
      do {
        const page = await api<Page<TimelineEvent>>(
          'GET',
          `/cases/${encodeURIComponent(ref)}/events${queryString({ cursor, limit: 1000 })}`,
        );
        items.push(...page.items);
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      return items;
    },
  });
}

export function useVerification(ref: string) {
  return useQuery({
    queryKey: keys.verification(ref),
    queryFn: () => api<Verification>('GET', `/cases/${encodeURIComponent(ref)}/verification`),
  });
}

const directoryOptions = { staleTime: 5 * 60_000 };

export function useTeams() {
  return useQuery({
    queryKey: keys.teams,
    queryFn: async () => (await api<{ items: Team[] }>('GET', '/teams')).items,
    ...directoryOptions,
  });
}

export function useEmployees(enabled = true) {
  return useQuery({
    queryKey: keys.employees,
    queryFn: async () => (await api<{ items: Employee[] }>('GET', '/employees')).items,
    enabled,
    ...directoryOptions,
  });
}

export function useCustomers(enabled = true) {
  return useQuery({
    queryKey: keys.customers,
    queryFn: async () => (await api<{ items: Customer[] }>('GET', '/customers')).items,
    enabled,
    ...directoryOptions,
  });
}

export function useUsers(enabled = true) {
  return useQuery({
    queryKey: keys.users,
    queryFn: async () => (await api<{ items: User[] }>('GET', '/users')).items,
    enabled,
    ...directoryOptions,
  });
}

export function useTokens() {
  return useQuery({ queryKey: keys.tokens, queryFn: async () => (await api<{ items: ApiToken[] }>('GET', '/tokens')).items });
}

/** After any change to a case: its page, timeline, verification mark and every inbox list refresh. */
export function invalidateCase(client: QueryClient, ref: string): Promise<void> {
  return Promise.all([client.invalidateQueries({ queryKey: keys.case(ref) }), client.invalidateQueries({ queryKey: keys.cases })]).then(
    () => undefined,
  );
}

function useCaseMutation<V, R = unknown>(ref: string, fn: (v: V) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => invalidateCase(client, ref) });
}

export const useTransition = (ref: string) =>
  useCaseMutation(ref, (v: { to: CaseStatus; reason?: string }) => api<Case>('POST', `/cases/${encodeURIComponent(ref)}/transitions`, v));

export const useAssign = (ref: string) =>
  useCaseMutation(ref, (assigneeId: string | null) => api<Case>('PUT', `/cases/${encodeURIComponent(ref)}/assignee`, { assigneeId }));

export const useAddNote = (ref: string) =>
  useCaseMutation(ref, (text: string) => api<Case>('POST', `/cases/${encodeURIComponent(ref)}/events`, { text }));

export const useAddStatement = (ref: string) =>
  useCaseMutation(ref, (body: NewStatement) => api<Statement>('POST', `/cases/${encodeURIComponent(ref)}/statements`, body));

export function useCreateCase() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: NewCase) => api<Case>('POST', '/cases', body),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.cases }),
  });
}

export function useSignIn() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { email: string; password: string }) => api<Me>('POST', '/auth/sign-in', body),
    onSuccess: (me) => {
      client.clear();
      client.setQueryData(keys.me, me);
    },
  });
}

export function useAcceptInvite() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { token: string; password: string }) => api<Me>('POST', '/auth/accept-invite', body),
    onSuccess: (me) => {
      client.clear();
      client.setQueryData(keys.me, me);
    },
  });
}

export function useSignOut() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api<void>('POST', '/auth/sign-out'),
    onSettled: () => {
      client.clear();
    },
  });
}

export const useChangePassword = () =>
  useMutation({ mutationFn: (body: { currentPassword: string; newPassword: string }) => api<void>('POST', '/me/password', body) });

export function useCreateToken() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => api<{ id: string; name: string; token: string }>('POST', '/tokens', { name }),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.tokens }),
  });
}

export function useRevokeToken() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<void>('DELETE', `/tokens/${encodeURIComponent(id)}`),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.tokens }),
  });
}

export function useInviteUser() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { email: string; name: string; role: Role; teamIds: string[] }) =>
      api<{ user: User; inviteUrl: string }>('POST', '/users', body),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.users }),
  });
}

export function useUpdateUser() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...patch }: { id: string; name?: string; role?: Role; teamIds?: string[]; active?: boolean }) =>
      api<User>('PATCH', `/users/${encodeURIComponent(id)}`, patch),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.users }),
  });
}

export function useCreateTeam() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => api<Team>('POST', '/teams', { name }),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.teams }),
  });
}

/**
 * The coach's reading of a draft reply (and the customer's message), for the live panel. The key
 * holds the debounced texts, so each pause asks once; TanStack Query aborts the request of a key
 * nobody watches any more (the signal is passed to fetch), and the last answer stays on screen
 * while the next one loads.
 */
export function useCoachAnalysis(request: CoachRequest) {
  const hasText = Boolean(request.reply?.trim() || request.customer?.trim());
  return useQuery({
    queryKey: ['coach', request],
    queryFn: async ({ signal }) => ({ request, result: await api<CoachResult>('POST', '/coach/analyze', request, signal) }),
    enabled: hasText,
    placeholderData: (previous) => previous,
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: 60_000,
    retry: false,
  });
}

export const useSendReply = (ref: string) =>
  useCaseMutation(ref, (v: { body: string; customerMessage?: string }) =>
    api<SentReply>('POST', `/cases/${encodeURIComponent(ref)}/replies`, v),
  );

export function useRecommendation(ref: string, flags: { policyAtStake: boolean; abusive: boolean }) {
  return useQuery({
    queryKey: ['case', ref, 'recommendation', flags],
    queryFn: () => api<Recommendation>('GET', `/cases/${encodeURIComponent(ref)}/recommendation${queryString(flags)}`),
    placeholderData: (previous) => previous,
  });
}

export function usePlaybook(key: string | undefined) {
  return useQuery({
    queryKey: ['playbook', key],
    queryFn: () => api<Playbook>('GET', `/playbooks/${encodeURIComponent(key ?? '')}`),
    enabled: Boolean(key),
    staleTime: 10 * 60_000,
  });
}

export function useEmployeeHistory(id: string) {
  return useQuery({
    queryKey: ['employee', id, 'history'],
    queryFn: () => api<EmployeeHistory>('GET', `/employees/${encodeURIComponent(id)}/history`),
    // Every read is written to the access log: don't re-read behind the reader's back.
    staleTime: 5 * 60_000,
    refetchOnWindowFocus: false,
  });
}

export function useAccessLog() {
  return useInfiniteQuery({
    queryKey: ['access-log'],
    queryFn: ({ pageParam }) => api<Page<AccessLogEntry>>('GET', `/access-log${queryString({ limit: PAGE_SIZE, cursor: pageParam })}`),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useResendInvitation() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<{ user: User; inviteUrl: string }>('POST', `/users/${encodeURIComponent(id)}/invitation`),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.users }),
  });
}

export function useCoachingReport() {
  return useQuery({
    queryKey: ['reports', 'coaching'],
    queryFn: async () => (await api<{ items: CoachingRow[] }>('GET', '/reports/coaching')).items,
  });
}

/** The playbooks: built-ins and the workspace's own copies, latest versions. */
export function usePlaybooks() {
  return useQuery({
    queryKey: ['playbooks'],
    queryFn: async () => (await api<{ items: PlaybookSummary[] }>('GET', '/playbooks')).items,
  });
}

/** The playbook a case runs, with its progress, or the recommendation when none runs yet. */
export function usePlaybookRun(ref: string) {
  return useQuery({
    queryKey: ['case', ref, 'playbook-run'],
    queryFn: () => api<PlaybookRun>('GET', `/cases/${encodeURIComponent(ref)}/playbook`),
  });
}

function usePlaybookRunMutation<V>(ref: string, fn: (v: V) => Promise<PlaybookRun>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (run) => {
      client.setQueryData(['case', ref, 'playbook-run'], run);
      return invalidateCase(client, ref);
    },
  });
}

export const useStartPlaybook = (ref: string) =>
  usePlaybookRunMutation(ref, (body: StartPlaybook) => api<PlaybookRun>('PUT', `/cases/${encodeURIComponent(ref)}/playbook`, body));

export const useMarkStepDone = (ref: string) =>
  usePlaybookRunMutation(ref, (body: StepDone) => api<PlaybookRun>('POST', `/cases/${encodeURIComponent(ref)}/playbook/steps`, body));

/** Admins: copy a playbook into a new workspace playbook. */
export function useCopyPlaybook() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CopyPlaybook) => api<Playbook>('POST', '/playbooks', body),
    onSuccess: () => client.invalidateQueries({ queryKey: ['playbooks'] }),
  });
}

/** Admins: save the next version of a workspace playbook. */
export function useRevisePlaybook(key: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: PlaybookRevision) => api<Playbook>('PUT', `/playbooks/${encodeURIComponent(key)}`, body),
    onSuccess: (saved) => {
      client.setQueryData(['playbook', key], saved);
      return client.invalidateQueries({ queryKey: ['playbooks'] });
    },
  });
}
// Resolution, approval, abuse and settings.
export const resolutionKey = (ref: string) => ['case', ref, 'resolution'] as const;

export function useResolution(ref: string) {
  return useQuery({
    queryKey: resolutionKey(ref),
    queryFn: async () => (await api<{ resolution: Resolution | null }>('GET', `/cases/${encodeURIComponent(ref)}/resolution`)).resolution,
  });
}

export const useProposeResolution = (ref: string) =>
  useCaseMutation(ref, (body: ResolutionInput) => api<Resolution>('PUT', `/cases/${encodeURIComponent(ref)}/resolution`, body));

export const useDecideResolution = (ref: string) =>
  useCaseMutation(ref, (body: { decision: 'approve' | 'reject'; note?: string }) =>
    api<Resolution>('POST', `/cases/${encodeURIComponent(ref)}/resolution/decision`, body),
  );

/** Moves a case with the full body (closing needs an outcome and a root cause). */
export const useTransitionWith = (ref: string) =>
  useCaseMutation(ref, (body: TransitionBody) => api<Case>('POST', `/cases/${encodeURIComponent(ref)}/transitions`, body));

export const useReportAbuse = (ref: string) =>
  useCaseMutation(ref, (note: string) => api<Case>('POST', `/cases/${encodeURIComponent(ref)}/abuse`, { note }));

export function useDeadlineSettings() {
  return useQuery({ queryKey: ['settings', 'deadlines'], queryFn: () => api<DeadlineSettings>('GET', '/settings/deadlines') });
}

export function useSaveDeadlineSettings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: DeadlineSettingsInput) => api<DeadlineSettings>('PUT', '/settings/deadlines', body),
    onSuccess: (saved) => client.setQueryData(['settings', 'deadlines'], saved),
  });
}

export function useAuthorityLimits() {
  return useQuery({ queryKey: ['settings', 'authority-limits'], queryFn: () => api<AuthorityLimits>('GET', '/settings/authority-limits') });
}

export function useSaveAuthorityLimits() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: AuthorityLimitsInput) => api<AuthorityLimits>('PUT', '/settings/authority-limits', body),
    onSuccess: (saved) => client.setQueryData(['settings', 'authority-limits'], saved),
  });
}

export const useSetCaseType = (ref: string) =>
  useCaseMutation(ref, (caseTypeId: string | null) => api<Case>('PATCH', `/cases/${encodeURIComponent(ref)}`, { caseTypeId }));
// Commitments, follow-ups and notifications: following through after the resolution.
export function useCommitments(ref: string) {
  return useQuery({
    queryKey: ['case', ref, 'commitments'],
    queryFn: async () => (await api<{ items: Commitment[] }>('GET', `/cases/${encodeURIComponent(ref)}/commitments`)).items,
  });
}

export const useAddCommitment = (ref: string) =>
  useCaseMutation(ref, (body: NewCommitment) => api<Commitment>('POST', `/cases/${encodeURIComponent(ref)}/commitments`, body));

export const useCloseCommitment = (ref: string) =>
  useCaseMutation(ref, (v: { id: string; status: 'kept' | 'broken' | 'cancelled' }) =>
    api<Commitment>('PATCH', `/cases/${encodeURIComponent(ref)}/commitments/${encodeURIComponent(v.id)}`, { status: v.status }),
  );

export function useCaseFollowUps(ref: string) {
  return useQuery({
    queryKey: ['case', ref, 'follow-ups'],
    queryFn: async () => (await api<{ items: FollowUp[] }>('GET', `/cases/${encodeURIComponent(ref)}/follow-ups`)).items,
  });
}

export function useMyFollowUps(enabled = true) {
  return useQuery({
    queryKey: ['follow-ups', 'mine'],
    queryFn: async () => (await api<{ items: MyFollowUp[] }>('GET', '/follow-ups?mine=true')).items,
    enabled,
  });
}

export function useAnswerFollowUp() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (v: { id: string; answer: EmployeeAnswerInput }) =>
      api<FollowUp>('POST', `/follow-ups/${encodeURIComponent(v.id)}/answer`, v.answer),
    onSuccess: () => client.invalidateQueries({ queryKey: ['follow-ups'] }),
  });
}

export function useNotifications() {
  return useQuery({
    queryKey: ['notifications'],
    queryFn: () => api<NotificationList>('GET', '/notifications'),
    refetchInterval: 60_000,
  });
}

export function useMarkNotificationRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (id: string | 'all'): Promise<void> => {
      if (id === 'all') await api<{ marked: number }>('POST', '/notifications/read-all');
      else await api<void>('POST', `/notifications/${encodeURIComponent(id)}/read`);
    },
    onSuccess: () => client.invalidateQueries({ queryKey: ['notifications'] }),
  });
}

export function useCommitmentReport() {
  return useQuery({ queryKey: ['reports', 'commitments'], queryFn: () => api<CommitmentReport>('GET', '/reports/commitments') });
}
