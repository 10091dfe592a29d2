import { Alert, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { usePauseClocks, useResumeClocks } from '../../api/cases.js';
import type { CaseDetail } from '../../api/types.js';
import { OPEN_STATUSES } from '../../lib/labels.js';
import { formatDateTime, relativeTime } from '../../lib/time.js';
import { FormProblem } from '../form-problem.js';

/** While the case waits on the customer: since when, and the way to start the clocks again. */
export function WaitingOnCustomerBanner({ kase, now }: { kase: CaseDetail; now: Date }) {
  const resume = useResumeClocks(kase.ref);
  if (!kase.clock.pausedAt) return null;
  return (
    <Alert color="blue" variant="light" title="Waiting on the customer" role="status">
      <Stack gap="xs">
        <Text size="sm">
          The SLA clocks stopped {relativeTime(kase.clock.pausedAt, now)} ({formatDateTime(kase.clock.pausedAt)}). They run again when you
          resume or the customer writes in; the waiting time does not count.
        </Text>
        <FormProblem error={resume.error} title="The clocks were not resumed" />
        {kase.can.transition ? (
          <Group>
            <Button size="xs" loading={resume.isPending} onClick={() => resume.mutate()}>
              Resume the clocks
            </Button>
          </Group>
        ) : null}
      </Stack>
    </Alert>
  );
}

/**
 * Waiting on the customer: the SLA clocks stop until someone resumes them or the customer writes
 * in. Under a regulated deadline they keep counting, and the case says so instead.
 */
export function WaitOnCustomerAction({ kase }: { kase: CaseDetail }) {
  const pause = usePauseClocks(kase.ref);
  const [opened, setOpened] = useState(false);
  const [note, setNote] = useState('');
  const close = () => setOpened(false);
  if (!kase.can.transition || !OPEN_STATUSES.includes(kase.status) || kase.clock.pausedAt) return null;
  if (kase.clock.basis === 'regulated')
    return (
      <Text size="xs" c="dimmed">
        This case runs under a regulated deadline: its clocks keep counting while you wait on the customer.
      </Text>
    );
  return (
    <>
      <Button variant="default" size="xs" onClick={() => setOpened(true)}>
        Wait on the customer
      </Button>
      <Modal opened={opened} onClose={close} title="Wait on the customer">
        <Stack gap="sm">
          <Text size="sm">
            The acknowledge and resolve clocks stop until you resume them or the customer writes in. The time spent waiting does not count
            towards the targets.
          </Text>
          <Textarea
            label="What are you waiting for? (optional)"
            autosize
            minRows={2}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            data-autofocus
          />
          <FormProblem error={pause.error} fields={['note']} title="The clocks were not paused" />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Go back
            </Button>
            <Button loading={pause.isPending} onClick={() => pause.mutate(note.trim(), { onSuccess: close })}>
              Pause the clocks
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
