import { queryOptions, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ZNewView, ZView, ZViewList } from '../../../src/contracts/saved-views.js';
import { api } from './client.js';
import { useInvalidatingMutation } from './invalidating-mutation.js';

export type ServerView = z.infer<typeof ZView>;
export const viewKeys = { all: ['views'] as const };

/** The caller's inbox views and those shared with their teams. */
export const serverViewsQuery = queryOptions({ queryKey: viewKeys.all, queryFn: () => api<z.infer<typeof ZViewList>>('GET', '/views') });
export const useServerViews = () => useQuery(serverViewsQuery);

export const useSaveServerView = () =>
  useInvalidatingMutation(viewKeys.all, (body: z.input<typeof ZNewView>) => api<ServerView>('POST', '/views', body));

export const useDeleteServerView = () => useInvalidatingMutation(viewKeys.all, (id: string) => api<null>('DELETE', `/views/${id}`));
