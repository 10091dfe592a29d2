import { Center, Stack } from '@mantine/core';
import { Outlet, useNavigate } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { useMe } from '../api/accounts.js';
import { ApiError } from '../api/client.js';
import { ErrorState, LoadingState } from '../components/states.js';
import { setDisplayZone } from '../lib/display-zone.js';
import { MeContext } from './me-context.js';
import { Shell } from './shell.js';

/** Everything behind sign-in: without a session (401) the person is sent to the sign-in page and back after. */
export function SignedInLayout() {
  const me = useMe();
  if (me.isPending) {
    return (
      <Center h="100vh">
        <LoadingState label="Opening Defuse…" />
      </Center>
    );
  }
  if (me.error) {
    if (me.error instanceof ApiError && me.error.status === 401) {
      return <ToSignIn />;
    }
    return (
      <Center h="100vh" p="md">
        <Stack maw={480}>
          <ErrorState error={me.error} onRetry={() => void me.refetch()} title="Defuse could not load your account" />
        </Stack>
      </Center>
    );
  }
  // Before the pages render, so every time they show is on the workspace's clock when it differs.
  setDisplayZone(me.data.workspace.timeZone);
  return (
    <MeContext.Provider value={me.data}>
      <Shell>
        <Outlet />
      </Shell>
    </MeContext.Provider>
  );
}

/**
 * Sends the person to sign in, once, remembering where they were going. The address is read on
 * the first render only: while the navigation is pending the router already reports the sign-in
 * page, and reading it again would nest redirects.
 */
function ToSignIn() {
  const navigate = useNavigate();
  const [from] = useState(() => window.location.pathname + window.location.search);
  useEffect(() => {
    void navigate({ to: '/sign-in', search: from === '/' ? {} : { redirect: from }, replace: true });
  }, [navigate, from]);
  return (
    <Center h="100vh">
      <LoadingState label="Taking you to sign in…" />
    </Center>
  );
}
