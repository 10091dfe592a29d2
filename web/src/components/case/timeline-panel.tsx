import { Alert, Badge, Box, Button, Group, Paper, Stack, Text, Textarea, Tooltip } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useAddNote, useEvents, useVerification } from '../../api/cases.js';
import { ApiError } from '../../api/client.js';
import type { CaseDetail } from '../../api/types.js';
import { formatDateTime, relativeTime } from '../../lib/time.js';
import { type DescribedEvent, describeEvent, timelineContext } from '../../lib/timeline-text.js';
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

const DELIVERY: Record<'queued' | 'sent' | 'bounced', { label: string; color: string }> = {
  queued: { label: 'Email queued', color: 'gray' },
  sent: { label: 'Email sent', color: 'teal' },
  bounced: { label: 'Email bounced', color: 'red' },
};

/** Who an entry was for, in words and colour: a message to the customer never looks like a note among staff. */
function AudienceBadges({ described }: { described: DescribedEvent }) {
  const { audience, delivery } = described;
  if (!audience) return null;
  return (
    <Group gap={6} mb={2}>
      {audience === 'customer' ? (
        <Badge size="sm" variant="filled" color="blue">
          To the customer
        </Badge>
      ) : (
        <Badge size="sm" variant="light" color="yellow">
          Internal note · staff only
        </Badge>
      )}
      {delivery?.via === 'email' ? (
        <Badge size="sm" variant="light" color={DELIVERY[delivery.state].color} data-testid="delivery-state">
          {DELIVERY[delivery.state].label}
        </Badge>
      ) : null}
      {delivery?.via === 'spoken' ? (
        <Badge size="sm" variant="light" color="gray">
          Said in person / by phone
        </Badge>
      ) : null}
    </Group>
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
              label="Add an internal note"
              description="For staff who can see this case; never sent to the customer. Notes can’t be edited later."
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
                Add internal note
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
        {(list) => {
          const context = timelineContext(list, now);
          return (
            <Stack gap="md" component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label="Timeline, newest first">
              {[...list].reverse().map((e) => {
                const described = describeEvent(e, names, context);
                const { text: sentence, detail, audience } = described;
                return (
                  <Box component="li" key={e.id} className="timeline-item" data-kind={e.kind} data-audience={audience}>
                    <AudienceBadges described={described} />
                    <Text size="sm">{sentence}</Text>
                    {detail ? (
                      <Text
                        size="sm"
                        c="dark.6"
                        className={`statement-body${audience ? ` timeline-detail-${audience}` : ''}`}
                        mt={2}
                        p="xs"
                        bg={audience === 'customer' ? 'blue.0' : audience === 'internal' ? 'yellow.0' : 'gray.1'}
                        style={{ borderRadius: 6 }}
                      >
                        {detail}
                      </Text>
                    ) : null}
                    {described.delivery?.via === 'email' ? (
                      <Text size="xs" c="dimmed" mt={2} data-testid="message-id">
                        Message-ID {described.delivery.messageId}
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
          );
        }}
      </QueryState>
    </Stack>
  );
}
