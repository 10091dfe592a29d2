import { useInfiniteQuery } from '@tanstack/react-query';
import { api, cursorPages, PAGE_SIZE, queryString } from './client.js';
import type { AccessLogEntry, Page } from './types.js';

/** Query keys of the access log. */
export const accessLogKeys = {
  all: ['access-log'] as const,
};

/** Who read HR data, newest first, a page at a time. */
export function useAccessLog() {
  return useInfiniteQuery({
    queryKey: accessLogKeys.all,
    queryFn: ({ pageParam }) => api<Page<AccessLogEntry>>('GET', `/access-log${queryString({ limit: PAGE_SIZE, cursor: pageParam })}`),
    ...cursorPages,
  });
}
