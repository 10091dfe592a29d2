import { type QueryClient, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, api } from './client.js';
import type { Me } from './types.js';

/** Query keys of the signed-in account. */
export const accountKeys = {
  me: ['me'] as const,
};

/** The server sets this readable cookie beside the session one (it holds nothing secret). */
const hasSessionHint = () => document.cookie.split('; ').some((c) => c === 'defuse_signed_in=1');

/** The signed-in account; also asked for by the router as soon as a signed-in page is matched. */
export const meQuery = queryOptions({
  queryKey: accountKeys.me,
  // Without the hint there is no session: answer as the API would, without a request whose 401
  // the browser would print as an error.
  queryFn: () => (hasSessionHint() ? api<Me>('GET', '/me') : Promise.reject(new ApiError(401, 'Unauthenticated', 'Sign-in required'))),
  staleTime: 5 * 60_000,
});

export function useMe() {
  return useQuery(meQuery);
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
