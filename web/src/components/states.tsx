import { Alert, Button, Center, Group, Loader, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { ApiError } from '../api/client.js';

/** A calm placeholder while data loads; `label` is read by screen readers. */
export function LoadingState({ label = 'Loading…', rows = 0 }: { label?: string | undefined; rows?: number | undefined }) {
  if (rows > 0) {
    return (
      <Stack gap="xs" aria-busy="true" aria-label={label}>
        {Array.from({ length: rows }, (_, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: placeholders have no identity
          <Skeleton key={i} height={56} radius="md" />
        ))}
      </Stack>
    );
  }
  return (
    <Center py="xl" aria-busy="true">
      <Group gap="sm">
        <Loader size="sm" />
        <Text c="dimmed">{label}</Text>
      </Group>
    </Center>
  );
}

/** Shown when a list has nothing in it: says why, and what to do next. */
export function EmptyState({ title, children, action }: { title: string; children?: ReactNode; action?: ReactNode }) {
  return (
    <Paper withBorder radius="md" p="xl" ta="center">
      <Stack gap="xs" align="center">
        <Text fw={600}>{title}</Text>
        {children ? (
          <Text c="dimmed" size="sm" maw={420}>
            {children}
          </Text>
        ) : null}
        {action}
      </Stack>
    </Paper>
  );
}

/** An error from the API in words people can act on, with a retry when retrying could help. */
export function ErrorState({ error, onRetry, title }: { error: unknown; onRetry?: () => void; title?: string }) {
  if (error instanceof ApiError && error.status === 404) return <NotFoundState />;
  if (error instanceof ApiError && error.status === 403) return <ForbiddenState detail={error.detail} />;
  const detail = error instanceof ApiError ? error.detail : 'Something unexpected happened in the app.';
  return (
    <Alert color="red" variant="light" title={title ?? (error instanceof ApiError ? error.title : 'Something went wrong')} role="alert">
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{detail}</Text>
        {onRetry ? (
          <Button size="xs" variant="white" color="red" onClick={onRetry}>
            Try again
          </Button>
        ) : null}
      </Stack>
    </Alert>
  );
}

/** A case (or page) that does not exist, or that this person may not see: we do not say which. */
export function NotFoundState({ what = 'this case' }: { what?: string }) {
  return (
    <Center py={64}>
      <Stack align="center" gap="sm" maw={460} ta="center" data-testid="not-found">
        <Title order={2}>We can’t show you {what}</Title>
        <Text c="dimmed">
          It may not exist, or it isn’t shared with you. Cases are visible to the people involved in them, their supervisors and HR. If you
          think you should have access, ask your supervisor.
        </Text>
        <Button component={Link} to="/" variant="light" mt="sm">
          Back to your cases
        </Button>
      </Stack>
    </Center>
  );
}

export function ForbiddenState({ detail }: { detail?: string }) {
  return (
    <Center py={64}>
      <Stack align="center" gap="sm" maw={460} ta="center" data-testid="forbidden">
        <Title order={2}>This needs a different role</Title>
        <Text c="dimmed">{detail || 'Your account’s role does not allow this. An admin can change roles under Settings.'}</Text>
        <Button component={Link} to="/" variant="light" mt="sm">
          Back to your home page
        </Button>
      </Stack>
    </Center>
  );
}
