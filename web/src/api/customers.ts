import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client.js';
import { directoryKeys } from './directory.js';
import type { CustomerProfile } from './types.js';

/** Query keys of customer pages. */
export const customerKeys = {
  all: ['customer'] as const,
  detail: (id: string) => ['customer', id] as const,
};

export function useCustomerProfile(id: string) {
  return useQuery({
    queryKey: customerKeys.detail(id),
    queryFn: () => api<CustomerProfile>('GET', `/customers/${encodeURIComponent(id)}`),
  });
}

/** Merges a duplicate into the customer kept; their pages, the directory and the cases that moved are read again. */
export function useMergeCustomer(intoId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (duplicateId: string) => api<CustomerProfile>('POST', `/customers/${encodeURIComponent(duplicateId)}/merge`, { intoId }),
    onSuccess: async () => {
      await Promise.all([
        client.invalidateQueries({ queryKey: customerKeys.all }),
        client.invalidateQueries({ queryKey: directoryKeys.customers }),
        client.invalidateQueries({ queryKey: ['cases'] }),
      ]);
    },
  });
}
