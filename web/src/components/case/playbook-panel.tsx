import { Anchor, Badge, Box, Button, Collapse, Group, List, Paper, Progress, Stack, Stepper, Text, Textarea, Title } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { useState } from 'react';
import { useMarkStepDone, usePlaybookRun } from '../../api/playbooks.js';
import type { PlaybookRun, PlaybookStep } from '../../api/types.js';
import { STRATEGY_LABEL } from '../../lib/coach-labels.js';
import { formatDateTime } from '../../lib/time.js';
import { FormProblem } from '../form-problem.js';
import { QueryState } from '../query-state.js';
import type { Names } from './names.js';
import { PlaybookChooser } from './playbook-chooser.js';

type Running = PlaybookRun & { playbook: NonNullable<PlaybookRun['playbook']> };
type StepState = NonNullable<Running['steps']>[number];

/**
 * The case's playbook tab: the running playbook as a stepper with the guidance of the step at hand,
 * or, before one runs, the recommendation and a way to start it (or another, with a reason).
 */
export function PlaybookPanel({ refId, names, canChange }: { refId: string; names: Names; canChange: boolean }) {
  const run = usePlaybookRun(refId);
  return (
    <QueryState query={run} label="Opening the playbook" rows={3}>
      {(data) => <PlaybookRunView refId={refId} run={data} names={names} canChange={canChange} />}
    </QueryState>
  );
}

/** A loaded run: the running playbook, or the way to start one. */
function PlaybookRunView({ refId, run: data, names, canChange }: { refId: string; run: PlaybookRun; names: Names; canChange: boolean }) {
  if (!data.playbook) {
    return (
      <Paper withBorder radius="md" p="md" data-testid="playbook-none">
        <Title order={2} size="h4" mb="xs">
          No playbook running yet
        </Title>
        {canChange ? (
          <PlaybookChooser refId={refId} run={data} />
        ) : (
          <Text size="sm">A handler chooses the approach and starts a playbook here.</Text>
        )}
      </Paper>
    );
  }
  return <RunningPlaybook refId={refId} run={data as Running} names={names} canChange={canChange} />;
}

function RunningPlaybook({ refId, run, names, canChange }: { refId: string; run: Running; names: Names; canChange: boolean }) {
  const isPhone = useMediaQuery('(max-width: 48em)') ?? false;
  const [switching, switcher] = useDisclosure(false);
  const steps = run.playbook.steps;
  const states = run.steps ?? [];
  const current = steps.findIndex((s) => s.key === run.progress?.currentStepKey);
  const active = current === -1 ? steps.length : current;
  const [selected, setSelected] = useState<number | null>(null);
  const shown = selected ?? Math.min(active, steps.length - 1);
  const step = steps[shown];
  const state = states.find((s) => s.key === step?.key);

  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="playbook-title" data-testid="playbook-panel">
      <Group justify="space-between" align="flex-start" gap="xs">
        <div>
          <Title order={2} size="h4" id="playbook-title">
            {run.playbook.name}
          </Title>
          <Text size="xs" c="dimmed">
            Version {run.playbook.version}
            {run.playbook.builtIn ? '' : ' · written for this workspace'}
          </Text>
        </div>
        {run.strategy ? (
          <Badge color="indigo" variant="light">
            {STRATEGY_LABEL[run.strategy]}
          </Badge>
        ) : null}
      </Group>
      <Group gap="xs" mt="sm" align="center">
        <Progress value={run.progress?.percent ?? 0} style={{ flex: 1 }} aria-label="Steps done" />
        <Text size="sm" data-testid="playbook-progress">
          {run.progress?.done} of {run.progress?.total} steps done
        </Text>
      </Group>
      <Stepper
        mt="md"
        size="sm"
        active={active}
        onStepClick={setSelected}
        allowNextStepsSelect
        orientation={isPhone ? 'vertical' : 'horizontal'}
        wrap
      >
        {steps.map((s, i) => {
          const done = states.find((x) => x.key === s.key)?.done;
          return (
            <Stepper.Step
              key={s.key}
              label={s.title}
              description={done ? `Done ${formatDateTime(done.at)}` : i === active ? 'Now' : undefined}
              icon={done ? '✓' : undefined}
            />
          );
        })}
      </Stepper>
      {run.progress?.isComplete && selected === null ? (
        <Text size="sm" mt="md" c="teal.8" fw={600} role="status">
          Every step is done. Well handled. Pick a step above to look back at it.
        </Text>
      ) : step ? (
        <StepDetail
          key={step.key}
          refId={refId}
          step={step}
          state={state}
          names={names}
          canChange={canChange}
          isCurrent={shown === active}
        />
      ) : null}
      {canChange ? (
        <Box mt="md">
          <Anchor component="button" type="button" size="sm" onClick={switcher.toggle} aria-expanded={switching}>
            {switching ? 'Keep this playbook' : 'Change the approach or playbook…'}
          </Anchor>
          <Collapse expanded={switching}>
            <Box mt="sm">
              <PlaybookChooser refId={refId} run={run} switching onDone={switcher.close} />
            </Box>
          </Collapse>
        </Box>
      ) : null}
    </Paper>
  );
}

function StepDetail({
  refId,
  step,
  state,
  names,
  canChange,
  isCurrent,
}: {
  refId: string;
  step: PlaybookStep;
  state: StepState | undefined;
  names: Names;
  canChange: boolean;
  isCurrent: boolean;
}) {
  const mark = useMarkStepDone(refId);
  const [note, setNote] = useState('');
  const done = state?.done;
  return (
    <Stack gap="sm" mt="md" data-testid="playbook-step">
      <div>
        <Text size="xs" fw={700} tt="uppercase" c="dimmed">
          {isCurrent ? 'The step at hand' : 'Step'}
        </Text>
        <Title order={3} size="h5">
          {step.title}
        </Title>
        <Text size="sm">Goal: {step.goal}</Text>
      </div>
      <Box>
        <Text size="xs" fw={700} tt="uppercase" c="dimmed">
          How
        </Text>
        <List size="sm" spacing={2}>
          {step.guidance.map((g) => (
            <List.Item key={g}>{g}</List.Item>
          ))}
        </List>
      </Box>
      {step.prompts.length ? (
        <Box>
          <Text size="xs" fw={700} tt="uppercase" c="dimmed">
            You could say
          </Text>
          <List size="sm" spacing={2}>
            {step.prompts.map((p) => (
              <List.Item key={p}>“{p}”</List.Item>
            ))}
          </List>
        </Box>
      ) : null}
      <Text size="sm">
        <b>Done when:</b> {step.doneWhen}
      </Text>
      {done ? (
        <Text size="sm" c="teal.9" data-testid="step-done-by">
          Done by {names.user(done.by)} on {formatDateTime(done.at)}
          {done.note ? ` — “${done.note}”` : ''}
        </Text>
      ) : canChange ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            mark.mutate({ stepKey: step.key, ...(note.trim() ? { note: note.trim() } : {}) }, { onSuccess: () => setNote('') });
          }}
          noValidate
        >
          <Stack gap="xs">
            <Textarea
              label="Note (optional)"
              placeholder="What happened at this step, in a line"
              autosize
              minRows={1}
              maxLength={2000}
              value={note}
              onChange={(e) => setNote(e.currentTarget.value)}
            />
            <Group>
              <Button type="submit" loading={mark.isPending}>
                Mark step done
              </Button>
            </Group>
            <FormProblem error={mark.error} fields={[]} title="The step was not recorded" />
          </Stack>
        </form>
      ) : null}
    </Stack>
  );
}
