import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { accountKeys } from '../api/accounts.js';
import { ApiError } from '../api/client.js';

/**
 * A 401 from any other request means the session ended: ask for the user again, whose own 401
 * makes the signed-in layout send the person to the sign-in page (and back afterwards).
 */
function onApiError(error: unknown, queryKey?: readonly unknown[]): void {
  if (queryKey?.[0] === accountKeys.me[0]) return;
  if (error instanceof ApiError && error.status === 401) void queryClient.invalidateQueries({ queryKey: accountKeys.me });
}

/** The app's one cache of server data, shared by the pages and the router's prefetching. */
export const queryClient: QueryClient = new QueryClient({
  queryCache: new QueryCache({ onError: (error, query) => onApiError(error, query.queryKey) }),
  mutationCache: new MutationCache({ onError: (error) => onApiError(error) }),
  defaultOptions: {
    queries: {
      staleTime: 15_000,
      // A 4xx will not change by asking again; network and 5xx errors get one more try.
      retry: (count, error) => !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 1,
    },
  },
});
