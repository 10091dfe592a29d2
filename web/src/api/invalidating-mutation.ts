import { type QueryKey, useMutation, useQueryClient } from '@tanstack/react-query';

/** A mutation that, when it succeeds, refreshes every query under `queryKey` (a key factory's entry). */
export function useInvalidatingMutation<V, R>(queryKey: QueryKey, fn: (v: V) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => client.invalidateQueries({ queryKey }) });
}
