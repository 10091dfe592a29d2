import { Button, Group, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, useMemo, useState } from 'react';
import { ApiError } from '../api/client.js';
import { useCreateTeam, useTeams } from '../api/directory.js';
import { useUsers } from '../api/users.js';
import { FormProblem } from '../components/form-problem.js';
import { RequireRole } from '../components/require-role.js';
import { EmptyState, ErrorState, LoadingState } from '../components/states.js';
import { formatDate } from '../lib/time.js';

export function TeamsPage() {
  return (
    <RequireRole roles={['admin']}>
      <TeamsAdmin />
    </RequireRole>
  );
}

/** Teams are the locations or departments cases belong to; supervisors see their teams' cases. */
function TeamsAdmin() {
  const teams = useTeams();
  const users = useUsers();
  const create = useCreateTeam();
  const [name, setName] = useState('');
  const error = create.error instanceof ApiError ? create.error : null;
  const members = useMemo(() => {
    const count = new Map<string, number>();
    for (const u of users.data ?? []) for (const t of u.teamIds ?? []) count.set(t, (count.get(t) ?? 0) + 1);
    return count;
  }, [users.data]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate(name.trim(), { onSuccess: () => setName('') });
  };

  return (
    <Stack gap="md">
      <div>
        <Title order={1} size="h2">
          Teams
        </Title>
        <Text c="dimmed" size="sm">
          Locations or departments. Cases belong to a team, and supervisors see the cases of their teams.
        </Text>
      </div>
      <Paper withBorder radius="md" p="md">
        <form onSubmit={submit} noValidate>
          <Group align="flex-start" gap="sm">
            <TextInput
              label="New team"
              placeholder="e.g. Downtown store"
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              error={error?.fieldError('name')}
              style={{ flex: 1 }}
            />
            <Button type="submit" mt={25} loading={create.isPending} disabled={!name.trim()}>
              Add team
            </Button>
          </Group>
          <FormProblem error={create.error} fields={['name']} title="The team was not added" />
        </form>
      </Paper>
      {teams.isPending ? (
        <LoadingState rows={3} label="Loading teams" />
      ) : teams.error ? (
        <ErrorState error={teams.error} onRetry={() => void teams.refetch()} />
      ) : teams.data.length === 0 ? (
        <EmptyState title="No teams yet">Add your first team above.</EmptyState>
      ) : (
        <Paper withBorder radius="md" style={{ overflowX: 'auto' }}>
          <Table verticalSpacing="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Team</Table.Th>
                <Table.Th>Users</Table.Th>
                <Table.Th>Created</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {[...teams.data]
                .sort((a, b) => a.name.localeCompare(b.name))
                .map((t) => (
                  <Table.Tr key={t.id}>
                    <Table.Td fw={500}>{t.name}</Table.Td>
                    <Table.Td>{users.data ? (members.get(t.id) ?? 0) : '…'}</Table.Td>
                    <Table.Td>{formatDate(t.createdAt)}</Table.Td>
                  </Table.Tr>
                ))}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
    </Stack>
  );
}
