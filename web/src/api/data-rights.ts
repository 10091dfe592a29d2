import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  ZDataRequest,
  ZErasureResult,
  ZLegalHold,
  ZLegalHolds,
  ZNewDataRequest,
  ZNewLegalHold,
  ZRetention,
} from '../../../src/contracts/data-rights.js';
import { api, apiItems } from './client.js';
import { useInvalidatingMutation } from './invalidating-mutation.js';

export type DataRequest = z.infer<typeof ZDataRequest>;
export type NewDataRequest = z.input<typeof ZNewDataRequest>;
export type LegalHold = z.infer<typeof ZLegalHold>;
export type LegalHolds = z.infer<typeof ZLegalHolds>;
export type NewLegalHold = z.input<typeof ZNewLegalHold>;
export type Retention = z.infer<typeof ZRetention>;
export type ErasureResult = z.infer<typeof ZErasureResult>;

/** Query keys of data rights: one root, since completing an erasure request changes holds' labels and customers too. */
export const dataRightsKeys = {
  all: ['data-rights'] as const,
  requests: ['data-rights', 'requests'] as const,
  holds: ['data-rights', 'holds'] as const,
  retention: ['data-rights', 'retention'] as const,
};

export const useDataRequests = () =>
  useQuery({ queryKey: dataRightsKeys.requests, queryFn: () => apiItems<DataRequest>('/data-requests') });
export const useLegalHolds = () => useQuery({ queryKey: dataRightsKeys.holds, queryFn: () => api<LegalHolds>('GET', '/legal-holds') });
export const useRetention = () => useQuery({ queryKey: dataRightsKeys.retention, queryFn: () => api<Retention>('GET', '/retention') });

export const useCreateDataRequest = () =>
  useInvalidatingMutation(dataRightsKeys.all, (v: NewDataRequest) => api<DataRequest>('POST', '/data-requests', v));
export const useCompleteDataRequest = () =>
  useInvalidatingMutation(dataRightsKeys.all, (v: { id: string; outcome?: string }) =>
    api<DataRequest>('POST', `/data-requests/${encodeURIComponent(v.id)}/complete`, v.outcome ? { outcome: v.outcome } : {}),
  );
export const useRefuseDataRequest = () =>
  useInvalidatingMutation(dataRightsKeys.all, (v: { id: string; reason: string }) =>
    api<DataRequest>('POST', `/data-requests/${encodeURIComponent(v.id)}/refuse`, { reason: v.reason }),
  );
export const useCreateLegalHold = () =>
  useInvalidatingMutation(dataRightsKeys.all, (v: NewLegalHold) => api<LegalHold>('POST', '/legal-holds', v));
export const useReleaseLegalHold = () =>
  useInvalidatingMutation(dataRightsKeys.all, (v: { id: string; reason: string }) =>
    api<LegalHold>('POST', `/legal-holds/${encodeURIComponent(v.id)}/release`, { reason: v.reason }),
  );
export const useSetRetention = () =>
  useInvalidatingMutation(dataRightsKeys.retention, (customerMonths: number | null) =>
    api<Retention>('PUT', '/retention', { customerMonths }),
  );

/** Where the readable or JSON export of a person is downloaded (the session cookie authenticates the link). */
export const exportHref = (kind: 'customer' | 'employee', id: string, format: 'html' | 'json') =>
  `/api/v1/${kind === 'customer' ? 'customers' : 'employees'}/${encodeURIComponent(id)}/export?format=${format}`;
