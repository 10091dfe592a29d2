import { Badge, Button, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import { type FormEvent, useMemo, useState } from 'react';
import { ApiError } from '../api/client.js';
import { useCreateTeam, useTeams, useUpdateTeam } from '../api/directory.js';
import type { Team } from '../api/types.js';
import { useUsers } from '../api/users.js';
import { type DataColumn, DataTable } from '../components/data-table.js';
import { FormProblem } from '../components/form-problem.js';
import { PageHeader } from '../components/page-header.js';
import { QueryState } from '../components/query-state.js';
import { RequireAbility } from '../components/require-ability.js';
import { EmptyState } from '../components/states.js';
import { formatDate } from '../lib/time.js';

export function TeamsPage() {
  return (
    <RequireAbility ability="manageTeams">
      <TeamsAdmin />
    </RequireAbility>
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
      <PageHeader
        title="Teams"
        description="Locations or departments. Cases belong to a team, and supervisors see the cases of their teams. An archived team keeps its cases and history but takes no new cases."
      />
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
      <QueryState query={teams} label="Loading teams" rows={3}>
        {(list) => (
          <DataTable
            columns={teamColumns(users.data ? members : null)}
            rows={[...list].sort((a, b) => Number(a.archivedAt !== null) - Number(b.archivedAt !== null) || a.name.localeCompare(b.name))}
            rowKey={(t) => t.id}
            empty={<EmptyState title="No teams yet">Add your first team above.</EmptyState>}
            verticalSpacing="sm"
          />
        )}
      </QueryState>
    </Stack>
  );
}

/** The teams' columns; `members` is null while the users (who count them) still load. */
function teamColumns(members: Map<string, number> | null): DataColumn<Team>[] {
  return [
    { key: 'team', header: 'Team', cellProps: { fw: 500 }, cell: (t) => <TeamName team={t} /> },
    { key: 'users', header: 'Users', cell: (t) => (members ? (members.get(t.id) ?? 0) : '…') },
    { key: 'created', header: 'Created', cell: (t) => formatDate(t.createdAt) },
    { key: 'actions', header: 'Actions', cell: (t) => <ArchiveButton team={t} /> },
  ];
}

/** The team's name, renamed in place: its cases and people keep pointing at the same team. */
function TeamName({ team }: { team: Team }) {
  const update = useUpdateTeam();
  const [name, setName] = useState<string | null>(null);
  const error = update.error instanceof ApiError ? update.error : null;
  if (name === null)
    return (
      <Group gap="xs" wrap="nowrap">
        <Text fw={500} size="sm" c={team.archivedAt ? 'dimmed' : 'inherit'}>
          {team.name}
        </Text>
        {team.archivedAt && (
          <Badge size="sm" variant="light" color="gray">
            Archived
          </Badge>
        )}
        <Button size="compact-xs" variant="subtle" onClick={() => setName(team.name)} aria-label={`Rename ${team.name}`}>
          Rename
        </Button>
      </Group>
    );
  const save = (e: FormEvent) => {
    e.preventDefault();
    update.mutate({ id: team.id, name: name.trim() }, { onSuccess: () => setName(null) });
  };
  return (
    <form onSubmit={save} noValidate>
      <Group gap="xs" align="flex-start" wrap="nowrap">
        <TextInput
          size="xs"
          aria-label={`New name for ${team.name}`}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={error?.fieldError('name') ?? error?.detail}
          data-autofocus
        />
        <Button size="xs" type="submit" loading={update.isPending} disabled={!name.trim()}>
          Save
        </Button>
        <Button size="xs" variant="default" onClick={() => setName(null)}>
          Cancel
        </Button>
      </Group>
    </form>
  );
}

/** Archiving keeps the team's cases and history; it only leaves the pickers for new work. */
function ArchiveButton({ team }: { team: Team }) {
  const update = useUpdateTeam();
  const archived = team.archivedAt !== null;
  return (
    <Button
      size="compact-sm"
      variant="default"
      loading={update.isPending}
      onClick={() => update.mutate({ id: team.id, archived: !archived })}
      aria-label={`${archived ? 'Bring back' : 'Archive'} ${team.name}`}
    >
      {archived ? 'Bring back' : 'Archive'}
    </Button>
  );
}
