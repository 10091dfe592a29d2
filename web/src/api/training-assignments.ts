import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiItems, queryString } from './client.js';
import { useInvalidatingMutation } from './invalidating-mutation.js';
import { trainingKeys } from './training.js';
import type {
  AssignInput,
  CalibrationReport,
  CertificationRow,
  CompletionReport,
  PracticeSession,
  Scenario,
  TrainingAssignment,
  TrainingEffect,
  TrainingHistory,
  TrainingRules,
} from './types.js';

/** Query keys of assignments, certification, the training rules and reports. */
export const assignmentKeys = {
  all: ['training', 'assignments'] as const,
  list: (mine: boolean) => ['training', 'assignments', { mine }] as const,
  certifications: (mine: boolean) => ['training', 'certifications', { mine }] as const,
  rules: ['training', 'rules'] as const,
  completion: ['training', 'reports', 'completion'] as const,
  effect: ['training', 'reports', 'effect'] as const,
  calibration: ['training', 'reports', 'calibration'] as const,
  history: (userId: string) => ['training', 'history', userId] as const,
};

export function useAssignments(mine: boolean) {
  return useQuery({
    queryKey: assignmentKeys.list(mine),
    queryFn: () => apiItems<TrainingAssignment>(`/training/assignments${queryString({ mine: mine ? 'true' : undefined })}`),
  });
}

export const useAssign = () =>
  useInvalidatingMutation(assignmentKeys.all, (body: AssignInput) =>
    api<{ items: TrainingAssignment[] }>('POST', '/training/assignments', body),
  );

export const useCancelAssignment = () =>
  useInvalidatingMutation(assignmentKeys.all, (id: string) =>
    api<TrainingAssignment>('POST', `/training/assignments/${encodeURIComponent(id)}/cancel`, {}),
  );

export function useCertifications(mine: boolean) {
  return useQuery({
    queryKey: assignmentKeys.certifications(mine),
    queryFn: () => apiItems<CertificationRow>(`/training/certifications${queryString({ mine: mine ? 'true' : undefined })}`),
  });
}

export const useTrainingRules = (enabled = true) =>
  useQuery({ queryKey: assignmentKeys.rules, queryFn: () => api<TrainingRules>('GET', '/training/rules'), enabled });

export const useSaveTrainingRules = () =>
  useInvalidatingMutation(assignmentKeys.rules, (body: TrainingRules) => api<TrainingRules>('PUT', '/training/rules', body));

export const useCompletionReport = () =>
  useQuery({ queryKey: assignmentKeys.completion, queryFn: () => api<CompletionReport>('GET', '/training/reports/completion') });
export const useTrainingEffect = () =>
  useQuery({ queryKey: assignmentKeys.effect, queryFn: () => api<TrainingEffect>('GET', '/training/reports/effect') });
export const useCalibration = () =>
  useQuery({ queryKey: assignmentKeys.calibration, queryFn: () => api<CalibrationReport>('GET', '/training/reports/calibration') });

export const useTrainingHistory = (userId: string) =>
  useQuery({
    queryKey: assignmentKeys.history(userId),
    queryFn: () => api<TrainingHistory>('GET', `/training/people/${encodeURIComponent(userId)}/history`),
  });

/** A supervisor overrides a session's score with a reason; the session and the reports refresh. */
export function useReviewSession(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { total: number; reason: string }) =>
      api<PracticeSession>('POST', `/training/sessions/${encodeURIComponent(id)}/review`, body),
    onSuccess: (session) => {
      client.setQueryData(trainingKeys.session(session.id), session);
      return client.invalidateQueries({ queryKey: ['training'] });
    },
  });
}

/** A supervisor turns a closed case into a draft scenario. */
export function useDraftFromCase() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (caseRef: string) => api<Scenario>('POST', '/training/scenarios/from-case', { caseRef }),
    onSuccess: (draft) => {
      client.setQueryData(trainingKeys.scenario(draft.key), draft);
      return client.invalidateQueries({ queryKey: trainingKeys.scenarios });
    },
  });
}
