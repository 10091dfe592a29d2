import { Badge, Button, Group, Modal, Paper, Stack, Text, Textarea, TextInput, Title, VisuallyHidden } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { ApiError, problemUnder } from '../api/client.js';
import { useCopyPlaybook, usePlaybook, usePlaybooks, useRevisePlaybook } from '../api/playbooks.js';
import type { Playbook, PlaybookSummary } from '../api/types.js';
import { type DataColumn, DataTable } from '../components/data-table.js';
import { FormProblem } from '../components/form-problem.js';
import { PageHeader } from '../components/page-header.js';
import { QueryState } from '../components/query-state.js';
import { RequireAbility } from '../components/require-ability.js';
import { EmptyState } from '../components/states.js';
import { moveItem } from '../lib/move-item.js';

export function PlaybooksPage() {
  return (
    <RequireAbility ability="managePlaybooks">
      <PlaybooksAdmin />
    </RequireAbility>
  );
}

/** Admins copy the built-in playbooks and adapt the copies; every save is a new version, and cases keep theirs. */
function PlaybooksAdmin() {
  const playbooks = usePlaybooks();
  const [copying, setCopying] = useState<PlaybookSummary | null>(null);
  const [editing, setEditing] = useState<string | null>(null);

  return (
    <Stack gap="md">
      <PageHeader
        title="Playbooks"
        description="The step-by-step guides handlers follow on a case. The built-in ones stay as they are: copy one to make it your own. Each save makes a new version; a case keeps the version it started with."
      />
      {editing ? <PlaybookEditor key={editing} playbookKey={editing} onClose={() => setEditing(null)} /> : null}
      <QueryState query={playbooks} label="Loading playbooks" rows={4}>
        {(list) => (
          <DataTable
            columns={playbookColumns({ onEdit: setEditing, onCopy: setCopying })}
            rows={list}
            rowKey={(p) => p.key}
            empty={<EmptyState title="No playbooks">There are no playbooks to show.</EmptyState>}
            verticalSpacing="sm"
            data-testid="playbook-list"
          />
        )}
      </QueryState>
      <CopyDialog
        from={copying}
        onClose={() => setCopying(null)}
        onCopied={(key) => {
          setCopying(null);
          setEditing(key);
        }}
      />
    </Stack>
  );
}

/** The playbooks' columns: name and origin, size, version, and editing (own copies only) or copying. */
function playbookColumns(on: { onEdit: (key: string) => void; onCopy: (p: PlaybookSummary) => void }): DataColumn<PlaybookSummary>[] {
  return [
    {
      key: 'playbook',
      header: 'Playbook',
      cell: (p) => (
        <>
          <Group gap={6}>
            <Text fw={600} size="sm">
              {p.name}
            </Text>
            <Badge size="xs" variant="light" color={p.builtIn ? 'gray' : 'teal'}>
              {p.builtIn ? 'Built in' : 'Ours'}
            </Badge>
          </Group>
          <Text size="xs" c="dimmed" lineClamp={2}>
            {p.summary}
          </Text>
          {p.basedOn ? (
            <Text size="xs" c="dimmed">
              Copied from {p.basedOn.key}, version {p.basedOn.version}
            </Text>
          ) : null}
        </>
      ),
    },
    { key: 'steps', header: 'Steps', cell: (p) => p.stepCount },
    { key: 'version', header: 'Version', cell: (p) => p.version },
    {
      key: 'actions',
      header: <VisuallyHidden>Actions</VisuallyHidden>,
      cell: (p) => (
        <Group gap="xs" wrap="nowrap" justify="flex-end">
          {p.builtIn ? null : (
            <Button size="xs" variant="light" onClick={() => on.onEdit(p.key)} aria-label={`Edit ${p.name}`}>
              Edit
            </Button>
          )}
          <Button size="xs" variant="default" onClick={() => on.onCopy(p)} aria-label={`Copy ${p.name}`}>
            Copy
          </Button>
        </Group>
      ),
    },
  ];
}

function CopyDialog({ from, onClose, onCopied }: { from: PlaybookSummary | null; onClose: () => void; onCopied: (key: string) => void }) {
  const copy = useCopyPlaybook();
  const [name, setName] = useState('');
  const error = copy.error instanceof ApiError ? copy.error : null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!from) return;
    copy.mutate(
      { fromKey: from.key, fromVersion: from.version, name: name.trim() },
      {
        onSuccess: (saved) => {
          setName('');
          copy.reset();
          onCopied(saved.key);
        },
      },
    );
  };
  return (
    <Modal
      opened={from !== null}
      onClose={onClose}
      title={from ? `Copy “${from.name}”` : 'Copy'}
      closeButtonProps={{ 'aria-label': 'Close' }}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <TextInput
            label="Name of the copy"
            placeholder="e.g. Five steps at our tills"
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={error?.fieldError('name')}
            maxLength={80}
            data-autofocus
          />
          <FormProblem error={copy.error} fields={['name']} title="The playbook was not copied" />
          <Group justify="flex-end">
            <Button type="submit" loading={copy.isPending} disabled={!name.trim()}>
              Copy and edit
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

type DraftStep = { key: string; title: string; goal: string; guidance: string; prompts: string; doneWhen: string; rest: Partial<Step> };
type Step = Playbook['steps'][number];

const lines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

const toDraft = (s: Step): DraftStep => ({
  key: s.key,
  title: s.title,
  goal: s.goal,
  guidance: s.guidance.join('\n'),
  prompts: s.prompts.join('\n'),
  doneWhen: s.doneWhen,
  rest: s.expectedMoves ? { expectedMoves: s.expectedMoves } : {},
});

function PlaybookEditor({ playbookKey, onClose }: { playbookKey: string; onClose: () => void }) {
  const playbook = usePlaybook(playbookKey);
  return (
    <QueryState query={playbook} label="Opening the playbook" rows={4}>
      {(data) => <EditorForm playbook={data} onClose={onClose} />}
    </QueryState>
  );
}

function EditorForm({ playbook, onClose }: { playbook: Playbook; onClose: () => void }) {
  const revise = useRevisePlaybook(playbook.key);
  const [name, setName] = useState(playbook.name);
  const [summary, setSummary] = useState(playbook.summary);
  const [steps, setSteps] = useState<DraftStep[]>(playbook.steps.map(toDraft));
  const [saved, setSaved] = useState<number | null>(null);
  const error = revise.error instanceof ApiError ? revise.error : null;
  const change = (i: number, patch: Partial<DraftStep>) => setSteps((all) => all.map((s, j) => (j === i ? { ...s, ...patch } : s)));
  const addStep = () => {
    const taken = new Set(steps.map((s) => s.key));
    let n = steps.length + 1;
    while (taken.has(`step-${n}`)) n += 1;
    setSteps((all) => [...all, { key: `step-${n}`, title: '', goal: '', guidance: '', prompts: '', doneWhen: '', rest: {} }]);
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSaved(null);
    revise.mutate(
      {
        name,
        summary,
        steps: steps.map((s) => ({
          ...s.rest,
          key: s.key,
          title: s.title,
          goal: s.goal,
          guidance: lines(s.guidance),
          prompts: lines(s.prompts),
          doneWhen: s.doneWhen,
        })),
      },
      { onSuccess: (p) => setSaved(p.version) },
    );
  };

  const shown = (error?.errors ?? []).map((e) => e.path.replace(/^body\./, '')).filter((p) => p !== 'steps');

  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="editor-title" data-testid="playbook-editor">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Group justify="space-between">
            <Title order={2} size="h4" id="editor-title">
              Edit “{playbook.name}” (version {playbook.version})
            </Title>
            <Button variant="subtle" onClick={onClose}>
              Close
            </Button>
          </Group>
          <TextInput label="Name" value={name} onChange={(e) => setName(e.currentTarget.value)} error={problemUnder(error, 'name')} />
          <Textarea
            label="Summary"
            autosize
            minRows={2}
            value={summary}
            onChange={(e) => setSummary(e.currentTarget.value)}
            error={problemUnder(error, 'summary')}
          />
          {steps.map((s, i) => (
            <Paper key={s.key} withBorder radius="sm" p="sm" bg="gray.0">
              <Stack gap="xs">
                <Group justify="space-between">
                  <Text fw={700} size="sm">
                    Step {i + 1}
                  </Text>
                  <Group gap={4}>
                    <Button
                      size="xs"
                      variant="subtle"
                      onClick={() => setSteps((all) => moveItem(all, i, i - 1))}
                      disabled={i === 0}
                      aria-label={`Move step ${i + 1} up`}
                    >
                      Up
                    </Button>
                    <Button
                      size="xs"
                      variant="subtle"
                      onClick={() => setSteps((all) => moveItem(all, i, i + 1))}
                      disabled={i === steps.length - 1}
                      aria-label={`Move step ${i + 1} down`}
                    >
                      Down
                    </Button>
                    <Button
                      size="xs"
                      variant="subtle"
                      color="red"
                      onClick={() => setSteps((all) => all.filter((_, j) => j !== i))}
                      disabled={steps.length === 1}
                      aria-label={`Remove step ${i + 1}`}
                    >
                      Remove
                    </Button>
                  </Group>
                </Group>
                <TextInput
                  label="Title"
                  value={s.title}
                  onChange={(e) => change(i, { title: e.currentTarget.value })}
                  error={problemUnder(error, `steps.${i}.title`)}
                />
                <TextInput
                  label="Goal"
                  value={s.goal}
                  onChange={(e) => change(i, { goal: e.currentTarget.value })}
                  error={problemUnder(error, `steps.${i}.goal`)}
                />
                <Textarea
                  label="Guidance"
                  description="One piece of advice per line"
                  autosize
                  minRows={3}
                  value={s.guidance}
                  onChange={(e) => change(i, { guidance: e.currentTarget.value })}
                  error={problemUnder(error, `steps.${i}.guidance`)}
                />
                <Textarea
                  label="Things to say"
                  description="One per line; examples, not a script"
                  autosize
                  minRows={2}
                  value={s.prompts}
                  onChange={(e) => change(i, { prompts: e.currentTarget.value })}
                  error={problemUnder(error, `steps.${i}.prompts`)}
                />
                <TextInput
                  label="Done when"
                  value={s.doneWhen}
                  onChange={(e) => change(i, { doneWhen: e.currentTarget.value })}
                  error={problemUnder(error, `steps.${i}.doneWhen`) ?? problemUnder(error, `steps.${i}.key`)}
                />
              </Stack>
            </Paper>
          ))}
          <FormProblem error={revise.error} fields={shown} title="The playbook was not saved" />
          {saved ? (
            <Text size="sm" c="teal.8" role="status">
              Saved as version {saved}.
            </Text>
          ) : null}
          <Group>
            <Button variant="default" onClick={addStep}>
              Add a step
            </Button>
            <Button type="submit" loading={revise.isPending}>
              Save as a new version
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
