import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ZBulkAction, ZBulkResult } from '../../../src/contracts/bulk.js';
import { caseKeys } from './cases.js';
import { api } from './client.js';
import { tagKeys } from './tags.js';

export type BulkAction = z.input<typeof ZBulkAction>;
export type BulkResult = z.infer<typeof ZBulkResult>;

/** One action on many cases; every list and every changed case's page refresh afterwards. */
export function useBulkChange() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (v: { refs: string[]; action: BulkAction }) => api<BulkResult>('POST', '/cases/bulk', v),
    onSuccess: (result) =>
      Promise.all([
        client.invalidateQueries({ queryKey: caseKeys.lists() }),
        client.invalidateQueries({ queryKey: tagKeys.all() }),
        ...result.results.filter((r) => r.ok).map((r) => client.invalidateQueries({ queryKey: caseKeys.detail(r.ref) })),
      ]),
  });
}
