import { Badge, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useReportAbuse } from '../../api/cases.js';
import { ApiError } from '../../api/client.js';
import type { CaseDetail } from '../../api/types.js';
import { formatDateTime } from '../../lib/time.js';
import { FormProblem } from '../form-problem.js';

/**
 * Nobody has to keep talking to a customer who abuses them. This ends the interaction: it is
 * recorded on the timeline, the customer is flagged, and a supervisor takes the case over.
 */
export function AbuseAction({ kase }: { kase: CaseDetail }) {
  const report = useReportAbuse(kase.ref);
  const [opened, setOpened] = useState(false);
  const [note, setNote] = useState('');
  const close = () => setOpened(false);
  return (
    <>
      <Button color="red" variant="light" size="xs" onClick={() => setOpened(true)}>
        End interaction — abusive
      </Button>
      <Modal opened={opened} onClose={close} title="End this interaction">
        <Stack gap="sm">
          <Text size="sm">
            You may stop talking to a customer who insults, threatens or harasses you. When you confirm, the case is handed to a supervisor
            of the team, who is told straight away, and the customer is flagged so colleagues know.
          </Text>
          <Textarea
            label="What happened?"
            description="A short, factual note: what was said or done."
            autosize
            minRows={2}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            error={report.error instanceof ApiError ? report.error.fieldError('note') : undefined}
            data-autofocus
          />
          <FormProblem error={report.error} fields={['note']} title="The interaction was not ended" />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Go back
            </Button>
            <Button
              color="red"
              disabled={!note.trim()}
              loading={report.isPending}
              onClick={() => report.mutate(note.trim(), { onSuccess: close })}
            >
              End it and hand over
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

/** Shown wherever the customer is named, when an employee ended an abusive interaction with them. */
export function AbuseFlagBadge({ customer }: { customer: CaseDetail['customer'] }) {
  if (!customer?.flaggedAt) return null;
  return (
    <Badge color="red" variant="filled" size="md" title={`${customer.flagReason ?? ''} (${formatDateTime(customer.flaggedAt)})`}>
      Flagged: abusive
    </Badge>
  );
}
