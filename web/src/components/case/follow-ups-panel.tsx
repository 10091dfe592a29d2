import { Badge, Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useCaseFollowUps, useMoveFollowUp } from '../../api/follow-ups.js';
import type { FollowUp } from '../../api/types.js';
import { formatDateTime } from '../../lib/time.js';
import { FormProblem } from '../form-problem.js';
import { QueryState } from '../query-state.js';
import { EmptyState } from '../states.js';

const STATUS_LABEL: Record<FollowUp['status'], string> = {
  scheduled: 'Planned',
  sent: 'Waiting for an answer',
  answered: 'Answered',
  expired: 'Expired',
  cancelled: 'Cancelled',
};

function AnswerText({ f }: { f: FollowUp }) {
  if (f.answerHidden)
    return (
      <Text size="sm" c="dimmed">
        Answered. Only they and their supervisors see the answer.
      </Text>
    );
  const a = f.answer;
  if (!a) return null;
  if ('satisfaction' in a)
    return (
      <Text size="sm">
        Satisfaction <b>{a.satisfaction}/5</b> · would come back: <b>{a.wouldReturn ? 'yes' : 'no'}</b>
        {a.comment ? ` · “${a.comment}”` : ''}
      </Text>
    );
  return (
    <Text size="sm">
      Felt supported <b>{a.feltSupported}/5</b>
      {a.wantsTraining ? ' · wants training' : ''}
      {a.wantsHelp ? ' · asked for help' : ''}
      {a.comment ? ` · “${a.comment}”` : ''}
    </Text>
  );
}

/** The local date-time a datetime-local field shows for an ISO instant. */
const toLocalInput = (iso: string) => {
  const d = new Date(iso);
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
};

/** A supervisor moves a planned follow-up (say, the customer is away that week). */
function MoveFollowUp({ refId, f }: { refId: string; f: FollowUp }) {
  const move = useMoveFollowUp(refId);
  const [open, setOpen] = useState(false);
  const [when, setWhen] = useState(() => toLocalInput(f.dueAt));
  if (!open)
    return (
      <Button size="xs" variant="subtle" mt={4} onClick={() => setOpen(true)} aria-label={`Move the follow-up with ${f.name}`}>
        Move
      </Button>
    );
  return (
    <Stack gap={4} mt="xs">
      <Group align="flex-end" gap="xs">
        <TextInput
          type="datetime-local"
          label={`New time for the follow-up with ${f.name}`}
          value={when}
          onChange={(e) => setWhen(e.currentTarget.value)}
        />
        <Button
          size="sm"
          loading={move.isPending}
          disabled={!when}
          onClick={() =>
            move.mutate(
              { party: f.party, employeeId: f.employeeId, dueAt: new Date(when).toISOString() },
              { onSuccess: () => setOpen(false) },
            )
          }
        >
          Save
        </Button>
        <Button size="sm" variant="default" onClick={() => setOpen(false)}>
          Cancel
        </Button>
      </Group>
      <FormProblem error={move.error} fields={['dueAt']} title="The follow-up was not moved" />
    </Stack>
  );
}

/** The check-ins after resolution with the customer and each employee, and what they answered. */
export function FollowUpsPanel({ refId }: { refId: string }) {
  const list = useCaseFollowUps(refId);
  return (
    <Stack gap="sm" component="section" aria-labelledby="follow-ups-title">
      <Title order={2} size="h4" id="follow-ups-title">
        Follow-ups with both sides
      </Title>
      <QueryState
        query={list}
        label="Loading follow-ups"
        rows={2}
        isEmpty={(items) => items.length === 0}
        empty={
          <EmptyState title="No follow-ups yet">
            When the case is resolved, we plan a check-in with the customer and with each employee named on it.
          </EmptyState>
        }
      >
        {(items) =>
          items.map((f) => {
            const unhappy = f.answer && 'satisfaction' in f.answer && f.answer.satisfaction <= 2;
            const help = f.answer && 'wantsHelp' in f.answer && f.answer.wantsHelp;
            return (
              <Paper key={f.id} withBorder radius="md" p="sm" data-testid="follow-up">
                <Group justify="space-between" wrap="nowrap">
                  <Text fw={500}>
                    {f.name}{' '}
                    <Text span c="dimmed" size="sm">
                      ({f.party === 'customer' ? 'customer' : 'employee'})
                    </Text>
                  </Text>
                  <Group gap={6}>
                    <Badge variant="light" color={f.status === 'answered' ? 'teal' : f.status === 'sent' ? 'blue' : 'gray'}>
                      {STATUS_LABEL[f.status]}
                    </Badge>
                    {unhappy ? <Badge color="red">Unhappy</Badge> : null}
                    {help ? <Badge color="orange">Asked for help</Badge> : null}
                  </Group>
                </Group>
                <Text size="sm" c="dimmed">
                  {f.status === 'scheduled' ? `Goes out ${formatDateTime(f.dueAt)}` : f.sentAt ? `Sent ${formatDateTime(f.sentAt)}` : null}
                </Text>
                <AnswerText f={f} />
                {f.can.reschedule ? <MoveFollowUp refId={refId} f={f} /> : null}
              </Paper>
            );
          })
        }
      </QueryState>
    </Stack>
  );
}
