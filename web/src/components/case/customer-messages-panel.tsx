import { Badge, Group, Paper, Stack, Text } from '@mantine/core';
import { useCaseMessages } from '../../api/intake.js';
import { formatDateTime } from '../../lib/time.js';
import { MailFiles } from '../mail-files.js';
import { QueryState } from '../query-state.js';
import { EmptyState } from '../states.js';

/** What the customer wrote after reporting: on their status page, or by email (threaded or placed by a person). */
export function CustomerMessagesPanel({ refId }: { refId: string }) {
  const messages = useCaseMessages(refId);
  return (
    <QueryState
      query={messages}
      label="Loading the customer’s messages"
      rows={2}
      isEmpty={(items) => items.length === 0}
      empty={
        <EmptyState title="Nothing from the customer yet">
          What the customer adds on their status page or answers by email shows here.
        </EmptyState>
      }
    >
      {(items) => (
        <Stack gap="sm" data-testid="customer-messages">
          {items.map((m) => (
            <Paper key={m.id} withBorder radius="md" p="md">
              <Group gap="xs" mb={4}>
                <Badge variant="light" color={m.via === 'email' ? 'blue' : 'teal'}>
                  {m.via === 'email' ? 'By email' : 'On the status page'}
                </Badge>
                <Text size="xs" c="dimmed">
                  {formatDateTime(m.receivedAt)}
                </Text>
              </Group>
              <Text size="sm" className="statement-body">
                {m.body}
              </Text>
              <MailFiles files={m.files} caseRef={refId} label="Files in this email" />
            </Paper>
          ))}
        </Stack>
      )}
    </QueryState>
  );
}
