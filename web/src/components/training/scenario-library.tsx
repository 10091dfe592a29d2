import { Anchor, Badge, Button, Group, Modal, NativeSelect, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { Link, useNavigate } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { useCopyScenario, useScenarios, useStartSession } from '../../api/training.js';
import type { Difficulty, ScenarioSummary } from '../../api/types.js';
import { useCurrentUser } from '../../app/me-context.js';
import { STRATEGY_LABEL } from '../../lib/coach-labels.js';
import { CHANNEL_LABEL } from '../../lib/labels.js';
import { DIFFICULTY_LABEL, MOOD_COLOR, MOOD_LABEL } from '../../lib/training-labels.js';
import { FormProblem } from '../form-problem.js';
import { QueryState } from '../query-state.js';
import { EmptyState } from '../states.js';

/** The scenario library: one card per scenario, each with its difficulty and a button to start practising. */
export function ScenarioLibrary() {
  const scenarios = useScenarios();
  return (
    <QueryState
      query={scenarios}
      label="Loading scenarios"
      rows={4}
      isEmpty={(list) => list.length === 0}
      empty={<EmptyState title="No scenarios">There are no practice scenarios yet.</EmptyState>}
    >
      {(list) => (
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} data-testid="scenario-library">
          {list.map((s) => (
            <ScenarioCard key={s.key} scenario={s} />
          ))}
        </SimpleGrid>
      )}
    </QueryState>
  );
}

function ScenarioCard({ scenario: s }: { scenario: ScenarioSummary }) {
  const [difficulty, setDifficulty] = useState<Difficulty>(s.difficulties[0] ?? 'patient');
  const start = useStartSession();
  const navigate = useNavigate();
  const headingId = `scenario-${s.key}`;
  return (
    <Paper withBorder radius="md" p="md" component="article" aria-labelledby={headingId} data-testid="scenario-card">
      <Stack gap="xs" h="100%">
        <Title order={3} size="h5" id={headingId}>
          {s.title}
        </Title>
        <Text size="sm">{s.summary}</Text>
        <Group gap={6}>
          <Badge variant="light" color={MOOD_COLOR[s.startMood]}>
            Starts {MOOD_LABEL[s.startMood].toLowerCase()}
          </Badge>
          <Badge variant="light" color="indigo">
            {STRATEGY_LABEL[s.strategy]}
          </Badge>
          <Badge variant="light" color="gray">
            {CHANNEL_LABEL[s.channel]}
          </Badge>
          <Badge variant="outline" color={s.customerIsRight ? 'teal' : 'orange'}>
            {s.customerIsRight ? 'Customer is right' : 'Customer is wrong'}
          </Badge>
          {s.builtIn ? null : (
            <Badge variant="light" color="teal">
              Ours
            </Badge>
          )}
        </Group>
        <Text size="xs" c="dark.5">
          {s.personaName} · playbook: {s.playbookName} · pass mark {s.passMark}
        </Text>
        <Group gap="xs" align="flex-end" mt="auto" wrap="nowrap">
          <NativeSelect
            label="Difficulty"
            size="xs"
            value={difficulty}
            onChange={(e) => setDifficulty(e.currentTarget.value as Difficulty)}
            data={s.difficulties.map((d) => ({ value: d, label: DIFFICULTY_LABEL[d] }))}
            style={{ flex: 1 }}
          />
          <Button
            size="xs"
            loading={start.isPending}
            aria-label={`Practise “${s.title}”`}
            onClick={() =>
              start.mutate(
                { scenarioKey: s.key, difficulty },
                { onSuccess: (session) => void navigate({ to: '/training/sessions/$id', params: { id: session.id } }) },
              )
            }
          >
            Practise
          </Button>
        </Group>
        <FormProblem error={start.error} fields={[]} title="The session did not start" />
        <AdminActions scenario={s} />
      </Stack>
    </Paper>
  );
}

/** Admins copy any scenario to adapt it, and edit their workspace's own copies. */
function AdminActions({ scenario: s }: { scenario: ScenarioSummary }) {
  const me = useCurrentUser();
  const copy = useCopyScenario();
  const navigate = useNavigate();
  const [copying, setCopying] = useState(false);
  const [title, setTitle] = useState('');
  if (!me.can.manageTrainingScenarios) return null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    copy.mutate(
      { fromKey: s.key, fromVersion: s.version, title: title.trim() },
      { onSuccess: (saved) => void navigate({ to: '/training/scenarios/$key/edit', params: { key: saved.key } }) },
    );
  };
  return (
    <Group gap="xs">
      <Button size="xs" variant="default" onClick={() => setCopying(true)} aria-label={`Copy “${s.title}”`}>
        Copy
      </Button>
      {s.builtIn ? null : (
        <Anchor component={Link} to={`/training/scenarios/${s.key}/edit`} size="xs" aria-label={`Edit “${s.title}”`}>
          Edit
        </Anchor>
      )}
      <Modal opened={copying} onClose={() => setCopying(false)} title={`Copy “${s.title}”`} closeButtonProps={{ 'aria-label': 'Close' }}>
        <form onSubmit={submit} noValidate>
          <Stack gap="sm">
            <TextInput
              label="Title of the copy"
              value={title}
              onChange={(e) => setTitle(e.currentTarget.value)}
              maxLength={100}
              data-autofocus
            />
            <FormProblem error={copy.error} fields={[]} title="The scenario was not copied" />
            <Group justify="flex-end">
              <Button type="submit" loading={copy.isPending} disabled={!title.trim()}>
                Copy and edit
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </Group>
  );
}
