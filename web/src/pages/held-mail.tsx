import { Anchor, Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { ApiError, fieldMessage } from '../api/client.js';
import { type InboundEmail, useDismissHeldEmail, useHeldEmails, usePlaceHeldEmail } from '../api/intake.js';
import { useCurrentUser } from '../app/me-context.js';
import { FormProblem } from '../components/form-problem.js';
import { MailFiles } from '../components/mail-files.js';
import { PageHeader } from '../components/page-header.js';
import { QueryState } from '../components/query-state.js';
import { EmptyState } from '../components/states.js';
import { formatDateTime } from '../lib/time.js';

/** Mail that came in from someone who is not the case's customer, waiting for a person to place it. */
export function HeldMailPage() {
  const held = useHeldEmails();
  const me = useCurrentUser();
  const formUrl = `${window.location.origin}/public/complaint/${me.workspace.slug}`;
  return (
    <Stack gap="md">
      <PageHeader
        title="Held mail"
        description="Answers to our emails from an address that is not the case’s customer. Place each on the case it belongs to (it becomes a message from the customer), or dismiss it."
      />
      <Paper withBorder radius="md" p="md">
        <Text size="sm">
          Customers can also report a problem themselves on your public form (no sign-in needed):{' '}
          <Anchor href={formUrl} target="_blank" rel="noreferrer">
            {formUrl}
          </Anchor>
        </Text>
      </Paper>
      <QueryState
        query={held}
        label="Loading held mail"
        rows={2}
        isEmpty={(items) => items.length === 0}
        empty={<EmptyState title="Nothing held">Every email that came in found its case.</EmptyState>}
      >
        {(items) => (
          <Stack gap="sm">
            {items.map((m) => (
              <HeldEmailCard key={m.id} mail={m} />
            ))}
          </Stack>
        )}
      </QueryState>
    </Stack>
  );
}

function HeldEmailCard({ mail }: { mail: InboundEmail }) {
  const [ref, setRef] = useState(mail.caseRef ?? '');
  const place = usePlaceHeldEmail();
  const dismiss = useDismissHeldEmail();
  const refError = place.error instanceof ApiError ? fieldMessage(place.error.errors, 'ref') : undefined;
  return (
    <Paper withBorder radius="md" p="md" component="article" aria-label={`Email from ${mail.from}`}>
      <Title order={2} size="h5">
        {mail.subject || '(no subject)'}
      </Title>
      <Text size="xs" c="dimmed" mb="xs">
        From {mail.fromName ? `${mail.fromName} <${mail.from}>` : mail.from} · {formatDateTime(mail.receivedAt)} · {mail.reason}
      </Text>
      <Text size="sm" className="statement-body" mb="sm">
        {mail.body}
      </Text>
      <MailFiles files={mail.files} caseRef={mail.caseRef} label="Files in this email" />
      <form
        onSubmit={(e) => {
          e.preventDefault();
          place.mutate({ id: mail.id, ref: ref.trim().toUpperCase() });
        }}
      >
        <Group align="flex-end" gap="sm">
          <TextInput
            label="Case"
            placeholder="C-2026-000123"
            value={ref}
            onChange={(e) => setRef(e.currentTarget.value)}
            error={refError}
          />
          <Button type="submit" loading={place.isPending}>
            Place on this case
          </Button>
          <Button variant="subtle" color="gray" loading={dismiss.isPending} onClick={() => dismiss.mutate(mail.id)}>
            Dismiss
          </Button>
        </Group>
      </form>
      <FormProblem error={place.error ?? dismiss.error} fields={['ref']} />
    </Paper>
  );
}
