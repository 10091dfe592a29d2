import { Alert, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useRequestHelp, useTakeHelpRequest } from '../../api/cases.js';
import type { CaseDetail } from '../../api/types.js';
import { relativeTime } from '../../lib/time.js';
import { FormProblem } from '../form-problem.js';
import type { Names } from './names.js';

/** Calls a supervisor now, while the conversation is still going; they are told at once. */
export function AskForHelp({ kase }: { kase: CaseDetail }) {
  const ask = useRequestHelp(kase.ref);
  const [opened, setOpened] = useState(false);
  const [note, setNote] = useState('');
  const close = () => setOpened(false);
  return (
    <>
      <Button variant="light" color="orange" size="xs" onClick={() => setOpened(true)}>
        Ask a supervisor for help
      </Button>
      <Modal opened={opened} onClose={close} title="Ask a supervisor for help">
        <Stack gap="sm">
          <Text size="sm">The supervisors of this case’s team are told straight away, in the app and by email.</Text>
          <Textarea
            label="What do you need? (optional)"
            description="A few words help them come prepared."
            autosize
            minRows={2}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            data-autofocus
          />
          <FormProblem error={ask.error} fields={['note']} title="Nobody was asked yet" />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Go back
            </Button>
            <Button color="orange" loading={ask.isPending} onClick={() => ask.mutate(note.trim(), { onSuccess: close })}>
              Ask now
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

/** An open call for help, on the case until someone takes it. */
export function HelpRequestBanner({ kase, names, now }: { kase: CaseDetail; names: Names; now: Date }) {
  const take = useTakeHelpRequest(kase.ref);
  if (!kase.help) return null;
  const who = kase.help.requestedBy ? names.user(kase.help.requestedBy) : 'Someone';
  return (
    <Alert color="orange" variant="light" title={`${who} asked for help ${relativeTime(kase.help.requestedAt, now)}`} role="status">
      <Stack gap="xs">
        <Text size="sm">
          {kase.can.takeHelp ? 'Take the call so they know someone is coming.' : 'The team’s supervisors have been told.'}
        </Text>
        <FormProblem error={take.error} title="The call was not taken" />
        {kase.can.takeHelp ? (
          <Group>
            <Button size="xs" color="orange" loading={take.isPending} onClick={() => take.mutate()}>
              I’ll take it
            </Button>
          </Group>
        ) : null}
      </Stack>
    </Alert>
  );
}
