import '@mantine/core/styles.css';
import './app/global.css';
import { MantineProvider } from '@mantine/core';
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { accountKeys } from './api/accounts.js';
import { ApiError } from './api/client.js';
import { router } from './app/router.js';
import { cssVariablesResolver, theme } from './app/theme.js';

/**
 * A 401 from any other request means the session ended: ask for the user again, whose own 401
 * makes the signed-in layout send the person to the sign-in page (and back afterwards).
 */
function onApiError(error: unknown, queryKey?: readonly unknown[]): void {
  if (queryKey?.[0] === accountKeys.me[0]) return;
  if (error instanceof ApiError && error.status === 401) void queryClient.invalidateQueries({ queryKey: accountKeys.me });
}

const queryClient: QueryClient = new QueryClient({
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

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <MantineProvider theme={theme} defaultColorScheme="light" cssVariablesResolver={cssVariablesResolver}>
        <QueryClientProvider client={queryClient}>
          <RouterProvider router={router} />
        </QueryClientProvider>
      </MantineProvider>
    </StrictMode>,
  );
}
