import { Alert, Badge, Button, Group, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useAgendas, useApproveAgenda, useManagementSummary, usePrepareAgenda, useSendAgenda, useUpdateAgenda } from '../api/digests.js';
import type { Agenda, ManagementSummary } from '../api/types.js';
import { useCurrentUser } from '../app/me-context.js';
import { RedactionPanel } from '../components/digest/redaction-panel.js';
import { StoryCard } from '../components/digest/story-card.js';
import { FormProblem } from '../components/form-problem.js';
import { PageHeader } from '../components/page-header.js';
import { QueryState } from '../components/query-state.js';
import { RequireAbility } from '../components/require-ability.js';
import { formatDate } from '../lib/time.js';

/** Each team's case for its weekly meeting, and what repeats across teams. */
export function AgendaPage() {
  return (
    <RequireAbility ability="readAgendas">
      <Agendas />
    </RequireAbility>
  );
}

function Agendas() {
  const me = useCurrentUser();
  const [week, setWeek] = useState<string | undefined>(undefined);
  const list = useAgendas(week);
  const prepare = usePrepareAgenda();
  const data = list.data;
  return (
    <Stack gap="md">
      <PageHeader
        title="Team meetings"
        description="One challenging case per team for its weekly meeting, told without names. A supervisor may tell another case instead, check every redaction, and approves the agenda before it is mailed to the team's supervisors."
        actions={
          data ? (
            <Group gap="xs">
              <Button size="xs" variant="default" onClick={() => setWeek(data.previousWeek)}>
                Previous week
              </Button>
              <Text size="sm" fw={600} aria-live="polite">
                Week {data.week}
              </Text>
              <Button size="xs" variant="default" onClick={() => setWeek(data.nextWeek)}>
                Next week
              </Button>
            </Group>
          ) : null
        }
      />
      <QueryState query={list} label="Loading agendas" rows={3}>
        {(l) => (
          <Stack gap="md">
            {l.items.map((a) => (
              <AgendaCard key={a.id} agenda={a} />
            ))}
            {l.teamsWithout.length ? (
              <Paper withBorder radius="md" p="md">
                <Text size="sm" mb="xs">
                  No agenda yet this week for:
                </Text>
                <Group gap="xs">
                  {l.teamsWithout.map((t) => (
                    <Button
                      key={t.id}
                      size="xs"
                      variant="light"
                      loading={prepare.isPending}
                      onClick={() => prepare.mutate({ teamId: t.id, week: l.week })}
                    >
                      Prepare the agenda of {t.name}
                    </Button>
                  ))}
                </Group>
                <FormProblem error={prepare.error} title="The agenda was not prepared" />
              </Paper>
            ) : null}
            {l.items.length === 0 && l.teamsWithout.length === 0 ? <Text c="dimmed">No team of yours has an agenda this week.</Text> : null}
          </Stack>
        )}
      </QueryState>
      {me.can.readManagementSummary ? <Summary week={week} /> : null}
    </Stack>
  );
}

function AgendaCard({ agenda: a }: { agenda: Agenda }) {
  const update = useUpdateAgenda();
  const approve = useApproveAgenda();
  const send = useSendAgenda();
  const [pick, setPick] = useState<string | null>(null);
  const story = a.stories[0];
  const review = a.can.update && a.status === 'draft';
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-label={`Agenda of ${a.team?.name}`} data-testid="agenda">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <div>
            <Title order={2} size="h4">
              {a.team?.name}
            </Title>
            <Text size="xs" c="dimmed">
              {a.title}
            </Text>
          </div>
          <Badge color={a.sentAt ? 'teal' : a.status === 'approved' ? 'blue' : 'gray'} variant="light">
            {a.sentAt
              ? `Mailed ${formatDate(a.sentAt)}`
              : a.status === 'approved'
                ? `Approved by ${a.approvedBy?.name ?? 'a reviewer'}`
                : 'Draft: not approved'}
          </Badge>
        </Group>
        <Text size="xs" c="dimmed">
          {a.rules[0]}
        </Text>
        {story ? <StoryCard story={story} kind="team_meeting" highlight={a.can.update} /> : <Alert variant="light">{a.leftOut}</Alert>}
        {story && review ? (
          <RedactionPanel story={story} busy={update.isPending} onChange={(c) => update.mutate({ id: a.id, ...c })} />
        ) : null}
        {review && a.candidates.length > 1 ? (
          <Group gap="xs" align="flex-end">
            <Select
              size="xs"
              label="Tell another case instead"
              placeholder="Choose a case"
              data={a.candidates
                .filter((c) => !c.chosen)
                .map((c) => ({ value: c.caseRef, label: `${c.caseRef} · ${c.title} (${c.points} points)` }))}
              value={pick}
              onChange={setPick}
              style={{ flex: 1 }}
            />
            <Button
              size="xs"
              variant="default"
              disabled={!pick}
              loading={update.isPending}
              onClick={() => pick && update.mutate({ id: a.id, caseRef: pick }, { onSuccess: () => setPick(null) })}
            >
              Swap
            </Button>
          </Group>
        ) : null}
        <Group gap="xs">
          {a.can.approve ? (
            <Button size="xs" loading={approve.isPending} onClick={() => approve.mutate(a.id)}>
              Approve agenda
            </Button>
          ) : null}
          {a.can.send ? (
            <Button size="xs" variant="light" loading={send.isPending} onClick={() => send.mutate(a.id)}>
              Mail it to the team's supervisors now
            </Button>
          ) : null}
          {a.status === 'approved' && !a.sentAt ? (
            <Text size="xs" c="dimmed">
              Approved agendas are mailed to the team's supervisors within the hour.
            </Text>
          ) : null}
        </Group>
        <FormProblem error={update.error ?? approve.error ?? send.error} title="The agenda did not change" />
      </Stack>
    </Paper>
  );
}

function Summary({ week }: { week: string | undefined }) {
  const summary = useManagementSummary(week, true);
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="summary-heading">
      <Title order={2} size="h4" id="summary-heading">
        Management summary
      </Title>
      <QueryState query={summary} label="Loading the summary" rows={2}>
        {(s) => <SummaryTables summary={s} />}
      </QueryState>
    </Paper>
  );
}

function SummaryTables({ summary: s }: { summary: ManagementSummary }) {
  const perTeam = (teams: ManagementSummary['sharedThemes'][number]['teams']) => teams.map((t) => `${t.name} ${t.count}`).join(', ');
  return (
    <Stack gap="sm">
      <Text size="xs" c="dimmed">
        {s.rule} Teams: {s.teams.map((t) => `${t.name} (${t.cases} cases)`).join(', ')}.
      </Text>
      <Title order={3} size="h6">
        Themes shared by several teams
      </Title>
      {s.sharedThemes.length ? (
        <Table striped withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Theme</Table.Th>
              <Table.Th>Cases</Table.Th>
              <Table.Th>By team</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {s.sharedThemes.map((t) => (
              <Table.Tr key={t.id}>
                <Table.Td>{t.label}</Table.Td>
                <Table.Td>{t.total}</Table.Td>
                <Table.Td>{perTeam(t.teams)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : (
        <Text size="sm">None in these weeks.</Text>
      )}
      <Title order={3} size="h6">
        Root causes shared by several teams
      </Title>
      {s.sharedRootCauses.length ? (
        <Table striped withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Root cause</Table.Th>
              <Table.Th>Cases</Table.Th>
              <Table.Th>By team</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {s.sharedRootCauses.map((c) => (
              <Table.Tr key={c.category}>
                <Table.Td>{c.category.replace(/_/g, ' ')}</Table.Td>
                <Table.Td>{c.total}</Table.Td>
                <Table.Td>{perTeam(c.teams)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : (
        <Text size="sm">None in these weeks.</Text>
      )}
      <Text size="xs" c="dimmed">
        Seen in one team only: {s.localThemes} themes, {s.localRootCauses} root causes.
      </Text>
    </Stack>
  );
}
