import '@mantine/core/styles.css';
import './app/global.css';
import { MantineProvider } from '@mantine/core';
import { QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { queryClient } from './app/query-client.js';
import { router } from './app/router.js';
import { cssVariablesResolver, theme } from './app/theme.js';

const root = document.getElementById('root');
// The first render waits for the matched page's code (fetched beside the account, see the router's
// loaders): rendered earlier, the router would suspend, and React holds back what a suspended
// boundary reveals for 300 ms after its fallback showed.
if (root) {
  void router.load().finally(() => render(root));
}

function render(root: HTMLElement): void {
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
