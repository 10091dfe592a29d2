import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  ZAttachment,
  ZCustomerMessage,
  ZInboundEmail,
  ZMailFile,
  ZStatusLink,
  ZStatusLinkRevoked,
} from '../../../src/contracts/intake.js';
import { caseKeys, casePath } from './cases.js';
import { ApiError, api, apiItems, type FieldProblem } from './client.js';
import { useInvalidatingMutation } from './invalidating-mutation.js';

export type CustomerMessage = z.infer<typeof ZCustomerMessage>;
export type InboundEmail = z.infer<typeof ZInboundEmail>;
export type StatusLink = z.infer<typeof ZStatusLink>;
export type Attachment = z.infer<typeof ZAttachment>;
export type MailFile = z.infer<typeof ZMailFile>;

/** Query keys of what customers send after reporting; per-case ones sit under the case's key. */
export const intakeKeys = {
  messages: (ref: string) => [...caseKeys.detail(ref), 'messages'] as const,
  statusLink: (ref: string) => [...caseKeys.detail(ref), 'status-link'] as const,
  inbound: ['inbound-emails'] as const,
  attachments: (ref: string) => [...caseKeys.detail(ref), 'attachments'] as const,
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

export const useAttachments = (ref: string) =>
  useQuery({ queryKey: intakeKeys.attachments(ref), queryFn: () => apiItems<Attachment>(casePath(ref, '/attachments')) });

/** Sends a file's bytes as the body (the API takes application/octet-stream, its name in the query). */
async function uploadFile(ref: string, file: File, statementId?: string): Promise<Attachment> {
  const onStatement = statementId ? `&statementId=${encodeURIComponent(statementId)}` : '';
  const response = await fetch(`/api/v1${casePath(ref, '/attachments')}?fileName=${encodeURIComponent(file.name)}${onStatement}`, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { accept: 'application/json', 'content-type': 'application/octet-stream' },
    body: file,
  });
  const data = (await response.json().catch(() => ({}))) as { title?: string; detail?: string; errors?: FieldProblem[] };
  if (!response.ok)
    throw new ApiError(response.status, data.title ?? 'Upload failed', data.detail ?? 'The file was not added.', data.errors ?? []);
  return data as unknown as Attachment;
}
export const useUploadAttachment = (ref: string) => useInvalidatingMutation(caseKeys.detail(ref), (file: File) => uploadFile(ref, file));

/** Attaches a file to one's own statement (same storage and rules as the case's files). */
export const useAttachToStatement = (ref: string) =>
  useInvalidatingMutation(caseKeys.detail(ref), ({ file, statementId }: { file: File; statementId: string }) =>
    uploadFile(ref, file, statementId),
  );
