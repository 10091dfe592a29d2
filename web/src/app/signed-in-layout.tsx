import { Center, Stack } from '@mantine/core';
import { Navigate, Outlet, useRouterState } from '@tanstack/react-router';
import { ApiError } from '../api/client.js';
import { useMe } from '../api/queries.js';
import { ErrorState, LoadingState } from '../components/states.js';
import { MeContext } from './me-context.js';
import { Shell } from './shell.js';

/** Everything behind sign-in: without a session (401) the person is sent to the sign-in page and back after. */
export function SignedInLayout() {
  const me = useMe();
  const href = useRouterState({ select: (s) => s.location.href });
  if (me.isPending) {
    return (
      <Center h="100vh">
        <LoadingState label="Opening Defuse…" />
      </Center>
    );
  }
  if (me.error) {
    if (me.error instanceof ApiError && me.error.status === 401) {
      return <Navigate to="/sign-in" search={href === '/' ? {} : { redirect: href }} replace />;
    }
    return (
      <Center h="100vh" p="md">
        <Stack maw={480}>
          <ErrorState error={me.error} onRetry={() => void me.refetch()} title="Defuse could not load your account" />
        </Stack>
      </Center>
    );
  }
  return (
    <MeContext.Provider value={me.data}>
      <Shell>
        <Outlet />
      </Shell>
    </MeContext.Provider>
  );
}
