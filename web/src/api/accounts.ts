import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client.js';
import type { Me } from './types.js';

/** Query keys of the signed-in account. */
export const accountKeys = {
  me: ['me'] as const,
};

export function useMe() {
  return useQuery({ queryKey: accountKeys.me, queryFn: () => api<Me>('GET', '/me'), staleTime: 5 * 60_000 });
}

/** A new session starts from an empty cache holding only its own account. */
function startSession(client: QueryClient, me: Me): void {
  client.clear();
  client.setQueryData(accountKeys.me, me);
}

export function useSignIn() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { email: string; password: string }) => api<Me>('POST', '/auth/sign-in', body),
    onSuccess: (me) => startSession(client, me),
  });
}

export function useAcceptInvite() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { token: string; password: string }) => api<Me>('POST', '/auth/accept-invite', body),
    onSuccess: (me) => startSession(client, me),
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
