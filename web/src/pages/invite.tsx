import { Alert, Button, PasswordInput, Stack } from '@mantine/core';
import { useNavigate, useParams } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { useAcceptInvite } from '../api/accounts.js';
import { ApiError } from '../api/client.js';
import { AuthFrame } from '../components/auth-frame.js';

const MIN_PASSWORD = 10;

export function InvitePage() {
  const { token } = useParams({ from: '/invite/$token' });
  const navigate = useNavigate();
  const accept = useAcceptInvite();
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [localError, setLocalError] = useState<string | null>(null);
  const error = accept.error instanceof ApiError ? accept.error : null;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (password.length < MIN_PASSWORD) return setLocalError(`Use at least ${MIN_PASSWORD} characters.`);
    if (password !== repeat) return setLocalError('The two passwords are not the same.');
    setLocalError(null);
    accept.mutate({ token, password }, { onSuccess: () => void navigate({ to: '/', replace: true }) });
  };

  const passwordError = localError ?? error?.fieldError('password');
  return (
    <AuthFrame title="Set up your account" subtitle="You’ve been invited to Defuse. Choose a password to finish signing up.">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {error && !error.fieldError('password') ? (
            <Alert color="red" variant="light" role="alert" title="This invitation can’t be used">
              {error.detail} Ask your admin for a new invitation link if it has expired.
            </Alert>
          ) : null}
          <PasswordInput
            label="New password"
            description={`At least ${MIN_PASSWORD} characters`}
            autoComplete="new-password"
            required
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            error={passwordError}
            autoFocus
          />
          <PasswordInput
            label="Repeat the password"
            autoComplete="new-password"
            required
            value={repeat}
            onChange={(e) => setRepeat(e.currentTarget.value)}
          />
          <Button type="submit" loading={accept.isPending} fullWidth mt="xs">
            Create my account
          </Button>
        </Stack>
      </form>
    </AuthFrame>
  );
}
