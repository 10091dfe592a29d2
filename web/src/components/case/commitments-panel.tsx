import { Alert, Badge, Button, Group, Paper, Select, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { ApiError } from '../../api/client.js';
import { useAddCommitment, useCloseCommitment, useCommitments, usePromiseOwners } from '../../api/commitments.js';
import type { CaseDetail, Commitment } from '../../api/types.js';
import { useCurrentUser } from '../../app/me-context.js';
import { formatDateTime, fromLocalInput, relativeTime, toLocalInput } from '../../lib/time.js';
import { QueryState } from '../query-state.js';
import { EmptyState, ErrorState } from '../states.js';

const STATUS_COLOR: Record<Commitment['status'], string> = { open: 'blue', kept: 'teal', broken: 'red', cancelled: 'gray' };

function CommitmentBadges({ c, now }: { c: Commitment; now: Date }) {
  const overdue = c.status === 'open' && Date.parse(c.dueAt) < now.getTime();
  return (
    <Group gap={6}>
      <Badge color={STATUS_COLOR[c.status]} variant="light">
        {c.status}
      </Badge>
      {overdue ? <Badge color="red">Overdue</Badge> : null}
      {c.escalatedAt && c.status === 'open' ? (
        <Badge color="orange" variant="outline">
          Escalated
        </Badge>
      ) : null}
      {c.keptOnTime ? (
        <Badge color="teal" variant="outline">
          On time
        </Badge>
      ) : null}
    </Group>
  );
}

/** The promises made to the customer on a case: who owns each, when it is due, and marking it kept or broken. */
export function CommitmentsPanel({ kase, now, canEdit }: { kase: CaseDetail; now: Date; canEdit: boolean }) {
  const refId = kase.ref;
  const list = useCommitments(refId);
  const close = useCloseCommitment(refId);
  return (
    <Stack gap="sm" component="section" aria-labelledby="commitments-title">
      <Title order={2} size="h4" id="commitments-title">
        Promises to the customer
      </Title>
      <QueryState
        query={list}
        label="Loading promises"
        rows={2}
        isEmpty={(items) => items.length === 0}
        empty={
          <EmptyState title="No promises yet">When you promise the customer something, write it here so nobody forgets it.</EmptyState>
        }
      >
        {(items) =>
          items.map((c) => (
            <Paper key={c.id} withBorder radius="md" p="sm" data-testid="commitment">
              <Group justify="space-between" align="flex-start" wrap="nowrap">
                <div>
                  <Text fw={500}>{c.text}</Text>
                  <Text size="sm" c="dimmed">
                    {c.ownerName} · due {formatDateTime(c.dueAt)} ({relativeTime(c.dueAt, now)})
                  </Text>
                </div>
                <CommitmentBadges c={c} now={now} />
              </Group>
              {c.can.close ? (
                <Group gap="xs" mt="xs">
                  <Button
                    size="xs"
                    color="teal"
                    variant="light"
                    loading={close.isPending}
                    onClick={() => close.mutate({ id: c.id, status: 'kept' })}
                  >
                    Mark kept
                  </Button>
                  <Button
                    size="xs"
                    color="red"
                    variant="subtle"
                    loading={close.isPending}
                    onClick={() => close.mutate({ id: c.id, status: 'broken' })}
                  >
                    Mark broken
                  </Button>
                </Group>
              ) : null}
            </Paper>
          ))
        }
      </QueryState>
      {close.error ? <ErrorState error={close.error} /> : null}
      {canEdit ? <AddCommitmentForm kase={kase} /> : null}
    </Stack>
  );
}

function AddCommitmentForm({ kase }: { kase: CaseDetail }) {
  const refId = kase.ref;
  const me = useCurrentUser();
  const candidates = usePromiseOwners(refId);
  const add = useAddCommitment(refId);
  const [text, setText] = useState('');
  const [ownerId, setOwnerId] = useState<string | null>(me.id);
  const [due, setDue] = useState(() => toLocalInput(new Date(Date.now() + 24 * 3_600_000)));
  const fieldError = (f: string) => (add.error instanceof ApiError ? add.error.fieldError(f) : undefined);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const dueAt = fromLocalInput(due);
    if (!dueAt) return;
    add.mutate({ text, dueAt, ...(ownerId ? { ownerId } : {}) }, { onSuccess: () => setText('') });
  };

  const owners = (candidates.data ?? []).map((u) => ({ value: u.id, label: u.name }));
  return (
    <Paper withBorder radius="md" p="sm" component="form" onSubmit={submit} aria-labelledby="add-commitment-title">
      <Text fw={600} id="add-commitment-title" mb="xs">
        Add a promise
      </Text>
      <Stack gap="xs">
        <Textarea
          label="What was promised?"
          placeholder="Call back with the refund date"
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          error={fieldError('text')}
          required
          autosize
          minRows={2}
        />
        <Group grow align="flex-start">
          <Select
            label="Who will keep it?"
            data={owners.length > 0 ? owners : [{ value: me.id, label: me.name }]}
            value={ownerId}
            onChange={setOwnerId}
            error={fieldError('ownerId')}
            searchable
          />
          <TextInput
            type="datetime-local"
            label="Due"
            value={due}
            min={toLocalInput(new Date())}
            onChange={(e) => setDue(e.currentTarget.value)}
            error={fieldError('dueAt')}
            required
          />
        </Group>
        {add.error && !(add.error instanceof ApiError && add.error.errors.length > 0) ? (
          <Alert color="red" variant="light" role="alert">
            {add.error.message}
          </Alert>
        ) : null}
        <Group justify="flex-end">
          <Button type="submit" loading={add.isPending} disabled={!text.trim()}>
            Add promise
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
