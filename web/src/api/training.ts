import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiItems, queryString } from './client.js';
import type {
  Difficulty,
  PracticeSession,
  PracticeSessionSummary,
  PracticeTurn,
  QuizAnswer,
  QuizItem,
  Scenario,
  ScenarioRevision,
  ScenarioSummary,
  Strategy,
} from './types.js';

/** Query keys of training: the scenario library, practice sessions, the strategy quiz. */
export const trainingKeys = {
  scenarios: ['training', 'scenarios'] as const,
  scenario: (key: string) => ['training', 'scenario', key] as const,
  sessions: (mine: boolean) => ['training', 'sessions', { mine }] as const,
  allSessions: ['training', 'sessions'] as const,
  session: (id: string) => ['training', 'session', id] as const,
  quiz: ['training', 'quiz'] as const,
};

const sessionPath = (id: string, rest = '') => `/training/sessions/${encodeURIComponent(id)}${rest}`;

export function useScenarios() {
  return useQuery({
    queryKey: trainingKeys.scenarios,
    queryFn: () => apiItems<ScenarioSummary>('/training/scenarios'),
    staleTime: 5 * 60_000,
  });
}

export function useScenario(key: string | null) {
  return useQuery({
    queryKey: trainingKeys.scenario(key ?? ''),
    queryFn: () => api<Scenario>('GET', `/training/scenarios/${encodeURIComponent(key ?? '')}`),
    enabled: Boolean(key),
    staleTime: 5 * 60_000,
  });
}

/** Practice sessions the caller may see; `mine` narrows to their own. */
export function usePracticeSessions(mine: boolean) {
  return useQuery({
    queryKey: trainingKeys.sessions(mine),
    queryFn: () => apiItems<PracticeSessionSummary>(`/training/sessions${queryString({ mine: mine ? 'true' : undefined, limit: 200 })}`),
  });
}

export function usePracticeSession(id: string) {
  return useQuery({ queryKey: trainingKeys.session(id), queryFn: () => api<PracticeSession>('GET', sessionPath(id)) });
}

/** A mutation that answers with the session: it becomes the cached session, and the lists refresh. */
function useSessionMutation<V>(fn: (v: V) => Promise<PracticeSession>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (session) => {
      client.setQueryData(trainingKeys.session(session.id), session);
      return client.invalidateQueries({ queryKey: trainingKeys.allSessions });
    },
  });
}

export const useStartSession = () =>
  useSessionMutation((body: { scenarioKey: string; difficulty: Difficulty; mode?: 'practice' | 'certification' }) =>
    api<PracticeSession>('POST', '/training/sessions', body),
  );

export const usePlayTurn = (id: string) =>
  useSessionMutation(async (body: { reply: string }) => {
    const played = await api<{ turn: PracticeTurn; session: PracticeSession }>('POST', sessionPath(id, '/turns'), body);
    return played.session;
  });

export const useEndSession = (id: string) =>
  useSessionMutation((body: { how: 'abuse_policy' | 'stop'; note?: string }) =>
    api<PracticeSession>('POST', sessionPath(id, '/end'), body),
  );

export function useQuiz() {
  return useQuery({
    queryKey: trainingKeys.quiz,
    queryFn: () => apiItems<QuizItem>('/training/quiz'),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export const useAnswerQuiz = () =>
  useMutation({
    mutationFn: ({ id, strategy }: { id: string; strategy: Strategy }) =>
      api<QuizAnswer>('POST', `/training/quiz/${encodeURIComponent(id)}/answer`, { strategy }),
  });

/** Admins: copy a scenario into a new workspace scenario. */
export function useCopyScenario() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { fromKey: string; fromVersion?: number; title: string }) => api<Scenario>('POST', '/training/scenarios', body),
    onSuccess: (saved) => {
      client.setQueryData(trainingKeys.scenario(saved.key), saved);
      return client.invalidateQueries({ queryKey: trainingKeys.scenarios });
    },
  });
}

/** Admins: save the next version of a workspace scenario. */
export function useReviseScenario(key: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ScenarioRevision) => api<Scenario>('PUT', `/training/scenarios/${encodeURIComponent(key)}`, body),
    onSuccess: (saved) => {
      client.setQueryData(trainingKeys.scenario(key), saved);
      return client.invalidateQueries({ queryKey: trainingKeys.scenarios });
    },
  });
}
