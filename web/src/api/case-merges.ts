import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ZMergeCase, ZMergeResult, ZSplitCase, ZSplitResult } from '../../../src/contracts/case-merges.js';
import { casePath, invalidateCase } from './cases.js';
import { api } from './client.js';

type MergeResult = z.infer<typeof ZMergeResult>;
type SplitResult = z.infer<typeof ZSplitResult>;

/** Merges the case into another; both cases' pages and every inbox list refresh. */
export function useMergeCase(ref: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof ZMergeCase>) => api<MergeResult>('POST', casePath(ref, '/merge'), body),
    onSuccess: (r) => Promise.all([invalidateCase(client, ref), invalidateCase(client, r.kept.ref)]),
  });
}

/** Takes part of the case into a new one. */
export function useSplitCase(ref: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof ZSplitCase>) => api<SplitResult>('POST', casePath(ref, '/split'), body),
    onSuccess: () => invalidateCase(client, ref),
  });
}
