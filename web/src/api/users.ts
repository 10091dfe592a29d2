import { useQuery } from '@tanstack/react-query';
import { api, apiItems } from './client.js';
import { useInvalidatingMutation } from './invalidating-mutation.js';
import type { Role, User } from './types.js';

/** Query keys of the workspace's user accounts. */
export const userKeys = {
  all: ['users'] as const,
};

type Invitation = { user: User; inviteUrl: string };

export function useUsers(enabled = true) {
  return useQuery({ queryKey: userKeys.all, queryFn: () => apiItems<User>('/users'), enabled, staleTime: 5 * 60_000 });
}

export const useInviteUser = () =>
  useInvalidatingMutation(userKeys.all, (body: { email: string; name: string; role: Role; teamIds: string[] }) =>
    api<Invitation>('POST', '/users', body),
  );

export const useUpdateUser = () =>
  useInvalidatingMutation(
    userKeys.all,
    ({ id, ...patch }: { id: string; name?: string; role?: Role; teamIds?: string[]; active?: boolean }) =>
      api<User>('PATCH', `/users/${encodeURIComponent(id)}`, patch),
  );

export const useResendInvitation = () =>
  useInvalidatingMutation(userKeys.all, (id: string) => api<Invitation>('POST', `/users/${encodeURIComponent(id)}/invitation`));
