import { Badge, Button, Group, Paper, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import type { SupportKind, SupportRequest } from '../api/review-types.js';
import { useAcceptSupport, useAnswerSupport, useCloseSupport, useRequestSupport, useSupportRequests } from '../api/support.js';
import { useCurrentUser } from '../app/me-context.js';
import { FormProblem } from '../components/form-problem.js';
import { PageHeader } from '../components/page-header.js';
import { QueryState } from '../components/query-state.js';
import { EmptyState } from '../components/states.js';
import { SUPPORT_KIND_LABEL, SUPPORT_KINDS } from '../lib/review-labels.js';
import { formatDateTime } from '../lib/time.js';

/** Support after a hard case: ask for it, take up what is offered; supervisors answer their teams' requests. */
export function SupportPage() {
  const me = useCurrentUser();
  const list = useSupportRequests();
  return (
    <Stack gap="md">
      <PageHeader
        title="Support"
        description="After a hard case you can ask for a talk with your supervisor, training, time off the front line or wellbeing help. What you write stays between you and whoever helps you."
      />
      <AskForSupport />
      <QueryState
        query={list}
        label="Loading requests"
        rows={2}
        isEmpty={(items) => items.length === 0}
        empty={<EmptyState title="No requests">Nothing asked for or offered yet.</EmptyState>}
      >
        {(items) => (
          <Stack gap="sm">
            {items.map((r) => (
              <RequestCard key={r.id} request={r} mine={r.employee.id === me.employeeId} />
            ))}
          </Stack>
        )}
      </QueryState>
    </Stack>
  );
}

/** The form to ask for support, on this page and on a case. */
export function AskForSupport({ caseRef }: { caseRef?: string }) {
  const ask = useRequestSupport();
  const [kind, setKind] = useState<SupportKind | null>(null);
  const [note, setNote] = useState('');
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="ask-support">
      <Title order={2} size="h5" id="ask-support">
        Ask for support{caseRef ? ` after ${caseRef}` : ''}
      </Title>
      <Stack gap="xs">
        <Select
          label="What would help"
          data={SUPPORT_KINDS.map((k) => ({ value: k, label: SUPPORT_KIND_LABEL[k] }))}
          value={kind}
          onChange={(v) => setKind(v as SupportKind | null)}
        />
        <Textarea
          label="Anything you want them to know (optional)"
          autosize
          minRows={2}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
        />
        <Group>
          <Button
            size="sm"
            disabled={!kind}
            loading={ask.isPending}
            onClick={() =>
              kind &&
              ask.mutate(
                { kind, ...(note.trim() ? { note } : {}), ...(caseRef ? { caseRef } : {}) },
                {
                  onSuccess: () => {
                    setKind(null);
                    setNote('');
                  },
                },
              )
            }
          >
            Ask for support
          </Button>
          {ask.isSuccess ? <Text size="sm">Your supervisor has been asked.</Text> : null}
        </Group>
        <FormProblem error={ask.error} fields={['kind', 'note']} title="Not sent" />
      </Stack>
    </Paper>
  );
}

function RequestCard({ request: r, mine }: { request: SupportRequest; mine: boolean }) {
  const accept = useAcceptSupport();
  const answer = useAnswerSupport();
  const close = useCloseSupport();
  const [kind, setKind] = useState<SupportKind | null>(null);
  const [text, setText] = useState('');
  return (
    <Paper withBorder radius="md" p="md" component="article" aria-label={`Support request of ${r.employee.name}`}>
      <Group justify="space-between">
        <Text fw={600} size="sm">
          {mine ? 'You' : r.employee.name}: {r.kind ? SUPPORT_KIND_LABEL[r.kind] : 'support offered'}
          {r.caseRef ? ` · ${r.caseRef}` : ''}
        </Text>
        <Group gap={4}>
          {r.overdue ? <Badge color="red">Overdue</Badge> : null}
          <Badge variant="light">{r.status}</Badge>
        </Group>
      </Group>
      <Text size="xs" c="dimmed">
        {formatDateTime(r.createdAt)}
        {r.dueAt && r.status === 'open' ? ` · answer by ${formatDateTime(r.dueAt)}` : ''}
        {r.supervisor ? ` · ${r.supervisor.name}` : ''}
      </Text>
      {r.note ? <Text size="sm">{r.note}</Text> : null}
      {r.answer ? <Text size="sm">Answer: {r.answer}</Text> : null}
      {r.can.accept ? (
        <Group align="flex-end" mt="xs">
          <Select
            label="What would help"
            data={SUPPORT_KINDS.map((k) => ({ value: k, label: SUPPORT_KIND_LABEL[k] }))}
            value={kind}
            onChange={(v) => setKind(v as SupportKind | null)}
          />
          <Button size="sm" disabled={!kind} loading={accept.isPending} onClick={() => kind && accept.mutate({ id: r.id, kind })}>
            Take it up
          </Button>
        </Group>
      ) : null}
      {r.can.answer ? (
        <Stack gap={4} mt="xs">
          <Textarea label="Your answer" autosize minRows={2} value={text} onChange={(e) => setText(e.currentTarget.value)} />
          <Group>
            <Button size="sm" disabled={!text.trim()} loading={answer.isPending} onClick={() => answer.mutate({ id: r.id, answer: text })}>
              Answer
            </Button>
          </Group>
        </Stack>
      ) : null}
      {r.can.close ? (
        <Group mt="xs">
          <Button size="xs" variant="default" loading={close.isPending} onClick={() => close.mutate(r.id)}>
            {r.status === 'offered' ? 'No, thank you' : 'Close'}
          </Button>
        </Group>
      ) : null}
      <FormProblem error={accept.error ?? answer.error ?? close.error} title="Not saved" />
    </Paper>
  );
}
