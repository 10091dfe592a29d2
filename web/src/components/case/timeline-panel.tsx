import { Alert, Badge, Box, Button, Group, Paper, Stack, Text, Textarea, Tooltip } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useAddNote, useEvents, useVerification } from '../../api/cases.js';
import { ApiError } from '../../api/client.js';
import type { CaseDetail } from '../../api/types.js';
import { formatDateTime, relativeTime } from '../../lib/time.js';
import { describeEvent } from '../../lib/timeline-text.js';
import { FormProblem } from '../form-problem.js';
import { QueryState } from '../query-state.js';
import type { Names } from './names.js';

/** The mark beside the timeline: whether its hash chain checks out, event by event. */
export function VerifiedMark({ refId }: { refId: string }) {
  const v = useVerification(refId);
  if (v.isPending)
    return (
      <Badge variant="light" color="gray">
        Checking record…
      </Badge>
    );
  if (v.error)
    return (
      <Badge variant="light" color="gray">
        Record not checked
      </Badge>
    );
  if (v.data.intact) {
    return (
      <Tooltip
        label={`All ${v.data.eventsChecked} entries link to the one before them by hash: nothing has been changed or removed.`}
        multiline
        w={260}
        withArrow
      >
        <Badge variant="light" color="teal" tabIndex={0} data-testid="verified-mark">
          ✓ Verified record · {v.data.eventsChecked} entries
        </Badge>
      </Tooltip>
    );
  }
  return (
    <Alert color="red" variant="light" title="This record has been altered" role="alert">
      The hash chain breaks at entry #{v.data.firstBreak?.seq}: {v.data.firstBreak?.problem}. Tell your admin; the rest of the record may
      not be reliable.
    </Alert>
  );
}

/** The append-only timeline, newest first, with a note composer on top. */
export function TimelinePanel({ kase, names, now }: { kase: CaseDetail; names: Names; now: Date }) {
  const events = useEvents(kase.ref);
  const addNote = useAddNote(kase.ref);
  const [text, setText] = useState('');
  const noteError = addNote.error instanceof ApiError ? addNote.error : null;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    addNote.mutate(text, { onSuccess: () => setText('') });
  };

  return (
    <Stack gap="md">
      <Paper withBorder radius="md" p="md">
        <form onSubmit={submit}>
          <Stack gap="xs">
            <Textarea
              label="Add a note"
              description="Visible to everyone who can see this case. Notes can’t be edited later."
              placeholder="What did you learn, decide or agree?"
              autosize
              minRows={2}
              maxRows={10}
              value={text}
              onChange={(e) => setText(e.currentTarget.value)}
              error={noteError?.fieldError('text')}
              onKeyDown={(e) => {
                if (e.key === 'Enter' && (e.metaKey || e.ctrlKey) && text.trim()) submit(e);
              }}
            />
            <FormProblem error={addNote.error} fields={['text']} title="The note was not saved" />
            <Group justify="flex-end">
              <Button type="submit" size="xs" loading={addNote.isPending} disabled={!text.trim()}>
                Add note
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
      <Group justify="space-between">
        <Text fw={600}>History</Text>
        <VerifiedMark refId={kase.ref} />
      </Group>
      <QueryState query={events} label="Loading the timeline">
        {(list) => (
          <Stack gap="md" component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label="Timeline, newest first">
            {[...list].reverse().map((e) => {
              const { text: sentence, detail } = describeEvent(e, names);
              return (
                <Box component="li" key={e.id} className="timeline-item" data-kind={e.kind}>
                  <Text size="sm">{sentence}</Text>
                  {detail ? (
                    <Text size="sm" c="dark.6" className="statement-body" mt={2} p="xs" bg="gray.1" style={{ borderRadius: 6 }}>
                      {detail}
                    </Text>
                  ) : null}
                  <Text size="xs" c="dimmed" mt={2}>
                    <time dateTime={e.at} title={formatDateTime(e.at)}>
                      {relativeTime(e.at, now)}
                    </time>{' '}
                    · entry #{e.seq}
                  </Text>
                </Box>
              );
            })}
          </Stack>
        )}
      </QueryState>
    </Stack>
  );
}
