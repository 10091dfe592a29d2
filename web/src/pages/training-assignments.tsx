import { Badge, Button, Group, MultiSelect, NativeSelect, Paper, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { problemUnder } from '../api/client.js';
import { useTeams } from '../api/directory.js';
import { useScenarios } from '../api/training.js';
import { useAssign, useAssignments, useCancelAssignment } from '../api/training-assignments.js';
import type { TrainingAssignment } from '../api/types.js';
import { useUsers } from '../api/users.js';
import { useCurrentUser } from '../app/me-context.js';
import { DataTable } from '../components/data-table.js';
import { FormProblem } from '../components/form-problem.js';
import { PageHeader } from '../components/page-header.js';
import { QueryState } from '../components/query-state.js';
import { StartAssigned } from '../components/training/start-assigned.js';
import { TrainingRulesForm } from '../components/training/training-rules-form.js';
import { formatDate, fromLocalInput, toLocalInput } from '../lib/time.js';
import { ASSIGNMENT_SOURCE_LABEL, ASSIGNMENT_STATE_COLOR, ASSIGNMENT_STATE_LABEL } from '../lib/training-labels.js';

/** Assigned training: what is assigned to me, with due dates; supervisors also assign and follow their teams'. */
export function TrainingAssignmentsPage() {
  const me = useCurrentUser();
  return (
    <Stack gap="md">
      <PageHeader
        title="Assigned training"
        description="Scenarios to practise or certify in by a date: from a supervisor, the starter set, your recent replies, or a short re-practice of one you passed."
      />
      <MyAssignments />
      {me.can.assignTraining ? (
        <>
          <AssignForm />
          <TeamAssignments />
        </>
      ) : null}
      {me.can.manageSettings ? <TrainingRulesForm /> : null}
    </Stack>
  );
}

const stateBadge = (a: TrainingAssignment) => (
  <Badge variant="light" color={ASSIGNMENT_STATE_COLOR[a.state]} data-testid="assignment-state">
    {ASSIGNMENT_STATE_LABEL[a.state]}
  </Badge>
);

function MyAssignments() {
  const mine = useAssignments(true);
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="mine-title">
      <Title order={2} size="h4" id="mine-title" mb="sm">
        Assigned to me
      </Title>
      <QueryState query={mine} label="Loading your assignments" rows={3}>
        {(items) =>
          items.length === 0 ? (
            <Text size="sm">Nothing is assigned to you. The Training page has every scenario to practise freely.</Text>
          ) : (
            // Cards rather than a table: this list is mostly read on a phone.
            <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
              {items.map((a) => (
                <Paper key={a.id} withBorder radius="sm" p="sm" component="li" data-testid="my-assignment">
                  <Group justify="space-between" wrap="wrap" gap="xs">
                    <Stack gap={2} style={{ minWidth: 0, flex: '1 1 12rem' }}>
                      <Text size="sm" fw={600}>
                        {a.scenario.title}
                      </Text>
                      <Text size="xs" c="dark.5">
                        {a.mode === 'certification' ? 'Certification' : 'Practice'} · {ASSIGNMENT_SOURCE_LABEL[a.source] ?? a.source} · due{' '}
                        {formatDate(a.dueAt)}
                      </Text>
                      {a.reason ? (
                        <Text size="xs" c="dark.5">
                          {a.reason}
                        </Text>
                      ) : null}
                    </Stack>
                    <Group gap="xs" wrap="nowrap">
                      {stateBadge(a)}
                      {a.can.start ? <StartAssigned scenarioKey={a.scenario.key} title={a.scenario.title} mode={a.mode} /> : null}
                    </Group>
                  </Group>
                </Paper>
              ))}
            </Stack>
          )
        }
      </QueryState>
    </Paper>
  );
}

function AssignForm() {
  const scenarios = useScenarios();
  const users = useUsers();
  const teams = useTeams();
  const me = useCurrentUser();
  const assign = useAssign();
  const [scenarioKeys, setScenarioKeys] = useState<string[]>([]);
  const [userIds, setUserIds] = useState<string[]>([]);
  const [teamId, setTeamId] = useState('');
  const [due, setDue] = useState(toLocalInput(new Date(Date.now() + 14 * 86_400_000)));
  const [mode, setMode] = useState<'practice' | 'certification'>('practice');
  const [note, setNote] = useState('');
  const [done, setDone] = useState<number | null>(null);
  // Supervisors assign within their teams; admins anywhere (the server decides either way).
  const myTeams = (teams.data ?? []).filter((t) => t.archivedAt === null && (me.role === 'admin' || me.teamIds.includes(t.id)));
  const people = (users.data ?? []).filter((u) => u.active && (me.role === 'admin' || u.teamIds.some((t) => me.teamIds.includes(t))));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setDone(null);
    assign.mutate(
      {
        scenarioKeys,
        ...(userIds.length ? { userIds } : {}),
        ...(teamId ? { teamId } : {}),
        dueAt: fromLocalInput(due) ?? '',
        mode,
        ...(note.trim() ? { note: note.trim() } : {}),
      },
      {
        onSuccess: (r) => {
          setDone(r.items.length);
          setScenarioKeys([]);
          setUserIds([]);
          setTeamId('');
        },
      },
    );
  };
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="assign-title">
      <Title order={2} size="h4" id="assign-title" mb="sm">
        Assign training
      </Title>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <MultiSelect
            label="Scenarios"
            description="One scenario, or a set"
            searchable
            data={(scenarios.data ?? []).filter((s) => !s.draft).map((s) => ({ value: s.key, label: s.title }))}
            value={scenarioKeys}
            onChange={setScenarioKeys}
            error={problemUnder(assign.error, 'scenarioKeys')}
          />
          <MultiSelect
            label="People"
            searchable
            data={people.map((u) => ({ value: u.id, label: u.name }))}
            value={userIds}
            onChange={setUserIds}
            error={problemUnder(assign.error, 'userIds')}
          />
          <NativeSelect
            label="Or a whole team"
            value={teamId}
            onChange={(e) => setTeamId(e.currentTarget.value)}
            data={[{ value: '', label: 'No team' }, ...myTeams.map((t) => ({ value: t.id, label: t.name }))]}
          />
          <Group grow align="flex-start">
            <TextInput
              type="datetime-local"
              label="Due"
              value={due}
              onChange={(e) => setDue(e.currentTarget.value)}
              error={problemUnder(assign.error, 'dueAt')}
            />
            <NativeSelect
              label="Kind"
              value={mode}
              onChange={(e) => setMode(e.currentTarget.value as 'practice' | 'certification')}
              data={[
                { value: 'practice', label: 'Practice' },
                { value: 'certification', label: 'Certification' },
              ]}
            />
          </Group>
          <Textarea label="Note for them (optional)" autosize minRows={1} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
          <FormProblem error={assign.error} fields={['scenarioKeys', 'userIds', 'dueAt']} title="Nothing was assigned" />
          {done !== null ? (
            <Text size="sm" c="teal.9" role="status">
              {done} assignment{done === 1 ? '' : 's'} made; they have been told.
            </Text>
          ) : null}
          <Group>
            <Button type="submit" loading={assign.isPending}>
              Assign
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

function TeamAssignments() {
  const all = useAssignments(false);
  const cancel = useCancelAssignment();
  const me = useCurrentUser();
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="team-title">
      <Title order={2} size="h4" id="team-title" mb="sm">
        {me.role === 'supervisor' ? 'Your teams’ assignments' : 'Everyone’s assignments'}
      </Title>
      <QueryState query={all} label="Loading assignments" rows={4}>
        {(items) => (
          <DataTable
            framed={false}
            rows={items.filter((a) => a.user.id !== me.id)}
            rowKey={(a) => a.id}
            rowTestId="team-assignment"
            empty={<Text size="sm">No assignments yet.</Text>}
            columns={[
              { key: 'who', header: 'Person', rowHeader: true, cell: (a) => a.user.name },
              { key: 'scenario', header: 'Scenario', cell: (a) => a.scenario.title },
              { key: 'kind', header: 'Kind', cell: (a) => ASSIGNMENT_SOURCE_LABEL[a.source] ?? a.source },
              { key: 'due', header: 'Due', cell: (a) => formatDate(a.dueAt) },
              { key: 'state', header: 'State', cell: stateBadge },
              {
                key: 'cancel',
                cell: (a) =>
                  a.can.cancel ? (
                    <Button
                      size="xs"
                      variant="subtle"
                      color="red"
                      loading={cancel.isPending && cancel.variables === a.id}
                      onClick={() => cancel.mutate(a.id)}
                      aria-label={`Withdraw “${a.scenario.title}” from ${a.user.name}`}
                    >
                      Withdraw
                    </Button>
                  ) : null,
              },
            ]}
          />
        )}
      </QueryState>
      <FormProblem error={cancel.error} fields={[]} title="The assignment was not withdrawn" />
    </Paper>
  );
}
