import { Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useCaseFollowUps } from '../../api/follow-ups.js';
import type { FollowUp } from '../../api/types.js';
import { formatDateTime } from '../../lib/time.js';
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
              </Paper>
            );
          })
        }
      </QueryState>
    </Stack>
  );
}
