import { queryOptions, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ZTagCounts } from '../../../src/contracts/tag.js';
import { casePath, useCaseMutation } from './cases.js';
import { api } from './client.js';
import type { Case } from './types.js';

export type TagCount = z.infer<typeof ZTagCounts>['items'][number];

export const tagKeys = { all: () => ['tags'] as const };

/** The tags on the cases the caller may see, most used first (for the inbox filter and suggestions). */
/** The workspace's tags with their counts (the inbox's filter and the case's tag picker). */
export const tagsQuery = queryOptions({
  queryKey: tagKeys.all(),
  queryFn: async () => (await api<z.infer<typeof ZTagCounts>>('GET', '/tags')).items,
});

export function useTags() {
  return useQuery(tagsQuery);
}

export const useAddTags = (ref: string) => useCaseMutation(ref, (tags: string[]) => api<Case>('POST', casePath(ref, '/tags'), { tags }));

export const useRemoveTag = (ref: string) =>
  useCaseMutation(ref, (tag: string) => api<Case>('DELETE', casePath(ref, `/tags/${encodeURIComponent(tag)}`)));
