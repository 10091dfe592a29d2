import { Alert, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { useSignIn } from '../api/accounts.js';
import { ApiError } from '../api/client.js';
import { AuthFrame } from '../components/auth-frame.js';

export function SignInPage() {
  const search = useSearch({ from: '/sign-in' });
  const navigate = useNavigate();
  const signIn = useSignIn();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const error = signIn.error instanceof ApiError ? signIn.error : null;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    signIn.mutate({ email: email.trim(), password }, { onSuccess: () => void navigate({ to: search.redirect ?? '/', replace: true }) });
  };

  return (
    <AuthFrame title="Sign in" subtitle="Welcome back. Use the email and password your workspace gave you.">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {error && error.errors.length === 0 ? (
            <Alert color="red" variant="light" role="alert" title={error.status === 429 ? 'Too many attempts' : 'Could not sign in'}>
              {error.status === 401 ? 'That email and password do not match an account. Check both and try again.' : error.detail}
            </Alert>
          ) : null}
          <TextInput
            label="Email"
            type="email"
            autoComplete="username"
            required
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
            error={error?.fieldError('email')}
            autoFocus
          />
          <PasswordInput
            label="Password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            error={error?.fieldError('password')}
          />
          <Button type="submit" loading={signIn.isPending} fullWidth mt="xs">
            Sign in
          </Button>
        </Stack>
      </form>
    </AuthFrame>
  );
}
