import { Badge, Button, Group, NativeSelect, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useScenarios, useStartSession } from '../../api/training.js';
import type { Difficulty, ScenarioSummary } from '../../api/types.js';
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
      </Stack>
    </Paper>
  );
}
