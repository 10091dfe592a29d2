import { useMutation, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ZAuditReport, ZSignedCheckpoint } from '../../../src/contracts/audit.js';
import { ApiError, api } from './client.js';

export type AuditReport = z.infer<typeof ZAuditReport>;
export type SignedCheckpoint = z.infer<typeof ZSignedCheckpoint>;

/** Query keys of the tamper-evidence record. */
export const auditKeys = {
  all: ['audit'] as const,
  latest: () => [...auditKeys.all, 'checkpoints', 'latest'] as const,
  verify: () => [...auditKeys.all, 'verify'] as const,
};

/** The newest signed checkpoint, or null before the first one is signed. */
export function useLatestCheckpoint() {
  return useQuery({
    queryKey: auditKeys.latest(),
    queryFn: async () => {
      try {
        return await api<SignedCheckpoint>('GET', '/audit/checkpoints/latest');
      } catch (e) {
        if (e instanceof ApiError && e.status === 404) return null;
        throw e;
      }
    },
  });
}

/** Verifies the whole record on demand (it reads every chain, so it does not run by itself). */
export function useVerifyRecord() {
  return useQuery({ queryKey: auditKeys.verify(), queryFn: () => api<AuditReport>('GET', '/audit/verify'), enabled: false, retry: false });
}

/** Verifies the record against checkpoint copies kept elsewhere. */
export const useVerifyAgainst = () =>
  useMutation({ mutationFn: (checkpoints: SignedCheckpoint[]) => api<AuditReport>('POST', '/audit/verify', { checkpoints }) });
