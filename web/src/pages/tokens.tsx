import { Alert, Badge, Button, Code, CopyButton, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { ApiError } from '../api/client.js';
import { useCreateToken, useRevokeToken, useTokens } from '../api/tokens.js';
import type { ApiToken } from '../api/types.js';
import { type DataColumn, DataTable } from '../components/data-table.js';
import { FormProblem } from '../components/form-problem.js';
import { PageHeader } from '../components/page-header.js';
import { QueryState } from '../components/query-state.js';
import { EmptyState } from '../components/states.js';
import { formatDate, relativeTime } from '../lib/time.js';

/** Personal API tokens: for scripts and integrations acting as you. The secret is shown once. */
export function TokensPage() {
  const tokens = useTokens();
  const create = useCreateToken();
  const revoke = useRevokeToken();
  const [name, setName] = useState('');
  const error = create.error instanceof ApiError ? create.error : null;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate(name.trim(), { onSuccess: () => setName('') });
  };

  return (
    <Stack gap="md">
      <PageHeader
        title="API tokens"
        description={
          <Text c="dimmed" size="sm">
            Tokens let scripts and integrations use the Defuse API as you, with your permissions. Send one as{' '}
            <Code>Authorization: Bearer …</Code>. See the <a href="/api/docs">API documentation</a>.
          </Text>
        }
      />
      <Paper withBorder radius="md" p="md">
        <form onSubmit={submit} noValidate>
          <Group align="flex-start" gap="sm">
            <TextInput
              label="Token name"
              description="Say what will use it, so you know what breaks if you revoke it"
              placeholder="e.g. Helpdesk sync"
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              error={error?.fieldError('name')}
              style={{ flex: 1 }}
            />
            <Button type="submit" mt={46} loading={create.isPending} disabled={!name.trim()}>
              Create token
            </Button>
          </Group>
          <FormProblem error={create.error} fields={['name']} title="The token was not created" />
        </form>
      </Paper>
      {create.data ? (
        <Alert
          color="teal"
          variant="light"
          title={`Token “${create.data.name}” created`}
          withCloseButton
          closeButtonLabel="Dismiss"
          onClose={() => create.reset()}
        >
          <Stack gap="xs">
            <Text size="sm">Copy it now — for your security it won’t be shown again.</Text>
            <Group gap="xs" wrap="nowrap">
              <Code style={{ wordBreak: 'break-all' }} data-testid="new-token">
                {create.data.token}
              </Code>
              <CopyButton value={create.data.token}>
                {({ copied, copy }) => (
                  <Button size="xs" variant="white" onClick={copy}>
                    {copied ? 'Copied' : 'Copy'}
                  </Button>
                )}
              </CopyButton>
            </Group>
          </Stack>
        </Alert>
      ) : null}
      <FormProblem error={revoke.error} fields={[]} title="The token was not revoked" />
      <QueryState query={tokens} label="Loading tokens" rows={3}>
        {(list) => (
          <DataTable
            columns={tokenColumns(revoke)}
            rows={list}
            rowKey={(t) => t.id}
            empty={<EmptyState title="No tokens yet">Create one above when a script or integration needs access.</EmptyState>}
            verticalSpacing="sm"
            miw={560}
          />
        )}
      </QueryState>
    </Stack>
  );
}

/** The tokens' columns; the last one revokes a live token, after asking. */
function tokenColumns(revoke: ReturnType<typeof useRevokeToken>): DataColumn<ApiToken>[] {
  return [
    { key: 'name', header: 'Name', cellProps: { fw: 500 }, cell: (t) => t.name },
    { key: 'created', header: 'Created', cell: (t) => formatDate(t.createdAt) },
    { key: 'used', header: 'Last used', cell: (t) => (t.lastUsedAt ? relativeTime(t.lastUsedAt) : 'Never') },
    {
      key: 'revoke',
      cellProps: { ta: 'right' },
      cell: (t) =>
        t.revokedAt ? (
          <Badge color="gray" variant="light">
            Revoked
          </Badge>
        ) : (
          <Button
            size="xs"
            variant="subtle"
            color="red"
            loading={revoke.isPending && revoke.variables === t.id}
            onClick={() => {
              if (window.confirm(`Revoke “${t.name}”? Anything using it stops working at once.`)) revoke.mutate(t.id);
            }}
          >
            Revoke
          </Button>
        ),
    },
  ];
}
