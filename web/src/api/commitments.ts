import { useQuery } from '@tanstack/react-query';
import { caseKeys, casePath, useCaseMutation } from './cases.js';
import { api, apiItems } from './client.js';
import type { Commitment, CommitmentReport, NewCommitment, PromiseOwner } from './types.js';

/** Query keys of promises to customers: a case's list under the case's key, and the report. */
export const commitmentKeys = {
  forCase: (ref: string) => [...caseKeys.detail(ref), 'commitments'] as const,
  owners: (ref: string) => [...caseKeys.detail(ref), 'commitments', 'owners'] as const,
  report: ['commitments', 'report'] as const,
};

export function useCommitments(ref: string) {
  return useQuery({ queryKey: commitmentKeys.forCase(ref), queryFn: () => apiItems<Commitment>(casePath(ref, '/commitments')) });
}

/** Who may own a new promise on the case (the server decides; the form offers only them). */
export function usePromiseOwners(ref: string, enabled = true) {
  return useQuery({
    queryKey: commitmentKeys.owners(ref),
    queryFn: () => apiItems<PromiseOwner>(casePath(ref, '/commitments/owners')),
    enabled,
  });
}

export const useAddCommitment = (ref: string) =>
  useCaseMutation(ref, (body: NewCommitment) => api<Commitment>('POST', casePath(ref, '/commitments'), body));

export const useCloseCommitment = (ref: string) =>
  useCaseMutation(ref, (v: { id: string; status: 'kept' | 'broken' | 'cancelled' }) =>
    api<Commitment>('PATCH', casePath(ref, `/commitments/${encodeURIComponent(v.id)}`), { status: v.status }),
  );

/** How well promises are kept, per person and per team. */
export function useCommitmentReport() {
  return useQuery({ queryKey: commitmentKeys.report, queryFn: () => api<CommitmentReport>('GET', '/reports/commitments') });
}
