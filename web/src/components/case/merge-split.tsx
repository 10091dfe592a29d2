import { Alert, Button, Checkbox, Group, Modal, Paper, Select, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { Link, useNavigate } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { useMergeCase, useSplitCase } from '../../api/case-merges.js';
import { ApiError } from '../../api/client.js';
import { useCaseMessages } from '../../api/intake.js';
import type { CaseDetail } from '../../api/types.js';
import { formatDateTime } from '../../lib/time.js';
import { FormProblem } from '../form-problem.js';

/** On a merged duplicate: where its work goes on. */
export function MergedIntoBanner({ kase }: { kase: CaseDetail }) {
  if (!kase.mergedInto) return null;
  return (
    <Alert color="gray" variant="light" title="Merged" role="status" data-testid="merged-into">
      This case was the same incident as{' '}
      <Link to="/cases/$ref" params={{ ref: kase.mergedInto.ref }} style={{ fontWeight: 600 }}>
        {kase.mergedInto.ref}
      </Link>{' '}
      and was closed as merged into it. The work goes on there; what was recorded here stays here.
    </Alert>
  );
}

/** On the case kept: the duplicates merged into it, whose statements, messages and files stay on them. */
export function MergedCasesCard({ kase }: { kase: CaseDetail }) {
  if (kase.mergedCases.length === 0) return null;
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="merged-cases-heading" data-testid="merged-cases">
      <Title order={2} size="h5" id="merged-cases-heading" mb="xs">
        Merged into this case
      </Title>
      <Stack gap={4}>
        {kase.mergedCases.map((m) => (
          <Text key={m.ref} size="sm">
            <Link to="/cases/$ref" params={{ ref: m.ref }}>
              {m.ref}
            </Link>{' '}
            — {m.title}
          </Text>
        ))}
      </Stack>
      <Text size="xs" c="dimmed" mt="xs">
        Their statements, customer messages and files stay on them; open one to read them.
      </Text>
    </Paper>
  );
}

/** Merge and split, for those who may: a card with the two actions and their dialogs. */
export function MergeSplitCard({ kase }: { kase: CaseDetail }) {
  const [open, setOpen] = useState<'merge' | 'split' | null>(null);
  if (!kase.can.merge && !kase.can.split) return null;
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="merge-split-heading">
      <Title order={2} size="h5" id="merge-split-heading" mb="xs">
        Duplicates and second incidents
      </Title>
      <Group gap="xs">
        {kase.can.merge ? (
          <Button size="xs" variant="default" onClick={() => setOpen('merge')}>
            Merge into another case
          </Button>
        ) : null}
        {kase.can.split ? (
          <Button size="xs" variant="default" onClick={() => setOpen('split')}>
            Split into a new case
          </Button>
        ) : null}
      </Group>
      {open === 'merge' ? <MergeDialog kase={kase} onClose={() => setOpen(null)} /> : null}
      {open === 'split' ? <SplitDialog kase={kase} onClose={() => setOpen(null)} /> : null}
    </Paper>
  );
}

function MergeDialog({ kase, onClose }: { kase: CaseDetail; onClose: () => void }) {
  const [intoRef, setIntoRef] = useState('');
  const [reason, setReason] = useState('');
  const [confirmed, setConfirmed] = useState(false);
  const merge = useMergeCase(kase.ref);
  const navigate = useNavigate();
  const differentCustomers = merge.error instanceof ApiError && merge.error.fieldError('confirmDifferentCustomers') !== undefined;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    // Once merged, this case's page no longer offers the merge (the dialog unmounts), so the move to
    // the case kept follows the request's promise rather than a callback of this component.
    merge
      .mutateAsync({
        intoRef: intoRef.trim().toUpperCase(),
        ...(reason.trim() ? { reason: reason.trim() } : {}),
        confirmDifferentCustomers: confirmed,
      })
      .then((r) => navigate({ to: '/cases/$ref', params: { ref: r.kept.ref } }))
      .catch(() => undefined);
  };
  return (
    <Modal opened onClose={onClose} title={`Merge ${kase.ref} into another case`} centered>
      <form onSubmit={submit}>
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            For the same incident reported twice. {kase.ref} closes as merged and points at the case you keep; its open promises move there,
            its planned follow-ups are cancelled, and what was said on it stays readable.
          </Text>
          <TextInput
            label="Case to keep"
            placeholder="C-2026-000123"
            value={intoRef}
            onChange={(e) => setIntoRef(e.currentTarget.value)}
            required
            data-autofocus
          />
          <Textarea
            label="Why they are the same incident"
            autosize
            minRows={2}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
          />
          {differentCustomers ? (
            <Checkbox
              label="They name different customers, but it is the same incident"
              checked={confirmed}
              onChange={(e) => setConfirmed(e.currentTarget.checked)}
            />
          ) : null}
          <FormProblem error={merge.error} title="Not merged" />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={merge.isPending} disabled={!intoRef.trim() || (differentCustomers && !confirmed)}>
              Merge
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

const SEVERITIES = ['1', '2', '3', '4'].map((s) => ({ value: s, label: `Severity ${s}` }));

function SplitDialog({ kase, onClose }: { kase: CaseDetail; onClose: () => void }) {
  const [title, setTitle] = useState('');
  const [summary, setSummary] = useState('');
  const [severity, setSeverity] = useState(String(kase.severity));
  const [chosen, setChosen] = useState<string[]>([]);
  const messages = useCaseMessages(kase.ref);
  const split = useSplitCase(kase.ref);
  const navigate = useNavigate();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    split
      .mutateAsync({ title: title.trim(), summary: summary.trim(), severity: Number(severity) as 1 | 2 | 3 | 4, messageIds: chosen })
      .then((r) => navigate({ to: '/cases/$ref', params: { ref: r.created.ref } }))
      .catch(() => undefined);
  };
  const items = messages.data ?? [];
  return (
    <Modal opened onClose={onClose} title={`Split part of ${kase.ref} into a new case`} centered size="lg">
      <form onSubmit={submit}>
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            For a second incident inside this one. The new case has the same customer, team, people and handler; both timelines say where it
            came from.
          </Text>
          <TextInput
            label="Title of the new case"
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
            required
            data-autofocus
          />
          <Textarea
            label="What it is about"
            autosize
            minRows={3}
            value={summary}
            onChange={(e) => setSummary(e.currentTarget.value)}
            required
          />
          <Select label="Severity" data={SEVERITIES} value={severity} onChange={(v) => setSeverity(v ?? severity)} allowDeselect={false} />
          {items.length > 0 ? (
            <Checkbox.Group label="Customer messages that belong to the new case (they move to it)" value={chosen} onChange={setChosen}>
              <Stack gap={6} mt={6}>
                {items.map((m) => (
                  <Checkbox key={m.id} value={m.id} label={`${formatDateTime(m.receivedAt)} — ${m.body.slice(0, 120)}`} />
                ))}
              </Stack>
            </Checkbox.Group>
          ) : null}
          <FormProblem error={split.error} title="Not split" />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={split.isPending} disabled={!title.trim() || !summary.trim()}>
              Create the new case
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
