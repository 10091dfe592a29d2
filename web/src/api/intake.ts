import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ZCustomerMessage, ZInboundEmail, ZStatusLink, ZStatusLinkRevoked } from '../../../src/contracts/intake.js';
import { caseKeys, casePath } from './cases.js';
import { api, apiItems } from './client.js';
import { useInvalidatingMutation } from './invalidating-mutation.js';

export type CustomerMessage = z.infer<typeof ZCustomerMessage>;
export type InboundEmail = z.infer<typeof ZInboundEmail>;
export type StatusLink = z.infer<typeof ZStatusLink>;

/** Query keys of what customers send after reporting; per-case ones sit under the case's key. */
export const intakeKeys = {
  messages: (ref: string) => [...caseKeys.detail(ref), 'messages'] as const,
  statusLink: (ref: string) => [...caseKeys.detail(ref), 'status-link'] as const,
  inbound: ['inbound-emails'] as const,
};

export const useCaseMessages = (ref: string) =>
  useQuery({ queryKey: intakeKeys.messages(ref), queryFn: () => apiItems<CustomerMessage>(casePath(ref, '/messages')) });
export const useStatusLink = (ref: string) =>
  useQuery({ queryKey: intakeKeys.statusLink(ref), queryFn: () => api<StatusLink>('GET', casePath(ref, '/status-link')) });
export const useRevokeStatusLink = (ref: string) =>
  useInvalidatingMutation(caseKeys.detail(ref), () => api<z.infer<typeof ZStatusLinkRevoked>>('DELETE', casePath(ref, '/status-link')));

export const useHeldEmails = () =>
  useQuery({ queryKey: intakeKeys.inbound, queryFn: () => apiItems<InboundEmail>('/inbound-emails?status=held') });
export const usePlaceHeldEmail = () =>
  useInvalidatingMutation(intakeKeys.inbound, (v: { id: string; ref: string }) =>
    api<InboundEmail>('POST', `/inbound-emails/${encodeURIComponent(v.id)}/place`, { ref: v.ref }),
  );
export const useDismissHeldEmail = () =>
  useInvalidatingMutation(intakeKeys.inbound, (id: string) =>
    api<InboundEmail>('POST', `/inbound-emails/${encodeURIComponent(id)}/dismiss`),
  );
