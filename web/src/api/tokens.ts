import { useQuery } from '@tanstack/react-query';
import { api, apiItems } from './client.js';
import { useInvalidatingMutation } from './invalidating-mutation.js';
import type { ApiToken } from './types.js';

/** Query keys of the signed-in person's API tokens. */
export const tokenKeys = {
  all: ['tokens'] as const,
};

export function useTokens() {
  return useQuery({ queryKey: tokenKeys.all, queryFn: () => apiItems<ApiToken>('/tokens') });
}

export const useCreateToken = () =>
  useInvalidatingMutation(tokenKeys.all, (name: string) => api<{ id: string; name: string; token: string }>('POST', '/tokens', { name }));

export const useRevokeToken = () =>
  useInvalidatingMutation(tokenKeys.all, (id: string) => api<void>('DELETE', `/tokens/${encodeURIComponent(id)}`));
