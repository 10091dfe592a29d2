import { Anchor, Badge, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useMemo, useState } from 'react';
import { useEmployees, useTeams } from '../api/directory.js';
import type { Employee } from '../api/types.js';
import { type DataColumn, DataTable } from '../components/data-table.js';
import { PageHeader } from '../components/page-header.js';
import { QueryState } from '../components/query-state.js';
import { EmptyState } from '../components/states.js';
import { teamFilterOptions } from '../lib/team-options.js';

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
  const filtered = Boolean(q || teamId);

  return (
    <Stack gap="md">
      <PageHeader
        title="Employees"
        description="Everyone who can be named on a case. Open a name for that person’s conflict history (each view is logged)."
      />
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
          data={teamFilterOptions(teams.data)}
          value={teamId}
          onChange={setTeamId}
          clearable
          maw={240}
        />
      </Group>
      <QueryState query={employees} label="Loading employees" rows={5}>
        {() => (
          <DataTable
            columns={employeeColumns(teamName)}
            rows={rows}
            rowKey={(e) => e.id}
            empty={
              <EmptyState title={filtered ? 'Nobody matches' : 'No employees yet'}>
                {filtered ? 'Try another name or team.' : 'Employees are added by an admin, or when someone accepts an invitation.'}
              </EmptyState>
            }
            verticalSpacing="sm"
            highlightOnHover
          />
        )}
      </QueryState>
    </Stack>
  );
}

/** The directory's columns; the team column names teams from the loaded list. */
function employeeColumns(teamName: Map<string, string>): DataColumn<Employee>[] {
  return [
    {
      key: 'name',
      header: 'Name',
      cellProps: { fw: 500 },
      cell: (e) => (
        <Anchor component={Link} to={`/people/${e.id}`} aria-label={`${e.name}: conflict history`}>
          {e.name}
        </Anchor>
      ),
    },
    {
      key: 'email',
      header: 'Email',
      cell: (e) =>
        e.email ?? (
          <Text span c="dimmed" size="sm">
            —
          </Text>
        ),
    },
    { key: 'team', header: 'Team', cell: (e) => (e.teamId ? (teamName.get(e.teamId) ?? '—') : '—') },
    {
      key: 'account',
      header: 'Account',
      cell: (e) =>
        e.userId ? (
          <Badge variant="light" color="teal" size="sm">
            Can sign in
          </Badge>
        ) : (
          <Badge variant="light" color="gray" size="sm">
            No account
          </Badge>
        ),
    },
  ];
}
