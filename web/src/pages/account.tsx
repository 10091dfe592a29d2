import { Alert, Button, Group, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useChangePassword } from '../api/accounts.js';
import { ApiError } from '../api/client.js';
import { useCurrentUser } from '../app/me-context.js';
import { FormProblem } from '../components/form-problem.js';
import { NotificationPreferencesSection } from '../components/notification-preferences.js';
import { PageHeader } from '../components/page-header.js';
import { ROLE_LABEL } from '../lib/labels.js';

const MIN_PASSWORD = 10;

export function AccountPage() {
  const me = useCurrentUser();
  const change = useChangePassword();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [localError, setLocalError] = useState<string | null>(null);
  const error = change.error instanceof ApiError ? change.error : null;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (next.length < MIN_PASSWORD) return setLocalError(`Use at least ${MIN_PASSWORD} characters.`);
    if (next !== repeat) return setLocalError('The two new passwords are not the same.');
    setLocalError(null);
    change.mutate(
      { currentPassword: current, newPassword: next },
      {
        onSuccess: () => {
          setCurrent('');
          setNext('');
          setRepeat('');
        },
      },
    );
  };

  return (
    <Stack gap="md" maw={720}>
      <PageHeader title="Your account" />
      <Paper withBorder radius="md" p="md">
        <Text fw={600}>{me.name}</Text>
        <Text size="sm" c="dimmed">
          {me.email} · {ROLE_LABEL[me.role]} at {me.workspace.name}
        </Text>
      </Paper>
      <NotificationPreferencesSection />
      <Paper withBorder radius="md" p="md" component="section" aria-labelledby="pw-heading">
        <Title order={2} size="h4" id="pw-heading" mb="sm">
          Change password
        </Title>
        <form onSubmit={submit} noValidate>
          <Stack gap="sm">
            {change.isSuccess ? (
              <Alert color="teal" variant="light" role="status">
                Your password is changed.
              </Alert>
            ) : null}
            <PasswordInput
              label="Current password"
              autoComplete="current-password"
              value={current}
              onChange={(e) => setCurrent(e.currentTarget.value)}
              error={
                error?.fieldError('currentPassword') ??
                (error?.status === 401 || error?.status === 403 ? 'This is not your current password' : undefined)
              }
              required
            />
            <PasswordInput
              label="New password"
              description={`At least ${MIN_PASSWORD} characters`}
              autoComplete="new-password"
              value={next}
              onChange={(e) => setNext(e.currentTarget.value)}
              error={localError ?? error?.fieldError('newPassword')}
              required
            />
            <PasswordInput
              label="Repeat the new password"
              autoComplete="new-password"
              value={repeat}
              onChange={(e) => setRepeat(e.currentTarget.value)}
              required
            />
            {error && error.status !== 401 && error.status !== 403 ? (
              <FormProblem error={error} fields={['currentPassword', 'newPassword']} title="The password was not changed" />
            ) : null}
            <Group justify="flex-end">
              <Button type="submit" loading={change.isPending}>
                Change password
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </Stack>
  );
}
