import { Anchor, Badge, Group, Paper, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useMemo, useState } from 'react';
import { useEmployees, useTeams } from '../api/directory.js';
import { EmptyState, ErrorState, LoadingState } from '../components/states.js';

/** HR's starting point: everyone who can be party to a case, by team. */
export function PeoplePage() {
  const employees = useEmployees();
  const teams = useTeams();
  const [q, setQ] = useState('');
  const [teamId, setTeamId] = useState<string | null>(null);
  const teamName = useMemo(() => new Map((teams.data ?? []).map((t) => [t.id, t.name])), [teams.data]);
  const rows = (employees.data ?? [])
    .filter((e) => !teamId || e.teamId === teamId)
    .filter((e) => !q.trim() || `${e.name} ${e.email ?? ''}`.toLowerCase().includes(q.trim().toLowerCase()))
    .sort((a, b) => a.name.localeCompare(b.name));

  return (
    <Stack gap="md">
      <div>
        <Title order={1} size="h2">
          Employees
        </Title>
        <Text c="dimmed" size="sm">
          Everyone who can be named on a case. Open a name for that person’s conflict history (each view is logged).
        </Text>
      </div>
      <Group gap="sm" grow preventGrowOverflow={false}>
        <TextInput
          type="search"
          aria-label="Search employees"
          placeholder="Search by name or email"
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
        />
        <Select
          aria-label="Team"
          placeholder="All teams"
          data={(teams.data ?? []).map((t) => ({ value: t.id, label: t.name }))}
          value={teamId}
          onChange={setTeamId}
          clearable
          maw={240}
        />
      </Group>
      {employees.isPending ? (
        <LoadingState rows={5} label="Loading employees" />
      ) : employees.error ? (
        <ErrorState error={employees.error} onRetry={() => void employees.refetch()} />
      ) : rows.length === 0 ? (
        <EmptyState title={q || teamId ? 'Nobody matches' : 'No employees yet'}>
          {q || teamId ? 'Try another name or team.' : 'Employees are added by an admin, or when someone accepts an invitation.'}
        </EmptyState>
      ) : (
        <Paper withBorder radius="md" style={{ overflowX: 'auto' }}>
          <Table verticalSpacing="sm" highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th>Email</Table.Th>
                <Table.Th>Team</Table.Th>
                <Table.Th>Account</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((e) => (
                <Table.Tr key={e.id}>
                  <Table.Td fw={500}>
                    <Anchor component={Link} to={`/people/${e.id}`} aria-label={`${e.name}: conflict history`}>
                      {e.name}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    {e.email ?? (
                      <Text span c="dimmed" size="sm">
                        —
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{e.teamId ? (teamName.get(e.teamId) ?? '—') : '—'}</Table.Td>
                  <Table.Td>
                    {e.userId ? (
                      <Badge variant="light" color="teal" size="sm">
                        Can sign in
                      </Badge>
                    ) : (
                      <Badge variant="light" color="gray" size="sm">
                        No account
                      </Badge>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
    </Stack>
  );
}
