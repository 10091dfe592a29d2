import { Badge, Button, Code, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import {
  useDeleteWebhook,
  useRedeliverWebhook,
  useRotateWebhookSecret,
  useUpdateWebhook,
  useWebhookDeliveries,
  useWebhookDelivery,
  type Webhook,
  type WebhookDelivery,
  type WebhookWithSecret,
} from '../../api/webhooks.js';
import { formatDateTime, relativeTime } from '../../lib/time.js';
import { type DataColumn, DataTable } from '../data-table.js';
import { FormProblem } from '../form-problem.js';
import { QueryState } from '../query-state.js';
import { EmptyState } from '../states.js';

const STATUS_COLOR: Record<WebhookDelivery['status'], string> = { pending: 'yellow', succeeded: 'teal', failed: 'red' };

/** One subscription: what it receives, its state and secrets, and its delivery log. */
export function WebhookCard({ hook, onSecret }: { hook: Webhook; onSecret: (hook: WebhookWithSecret) => void }) {
  const update = useUpdateWebhook();
  const rotate = useRotateWebhookSecret();
  const remove = useDeleteWebhook();
  const [open, setOpen] = useState(false);
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-label={`Webhook ${hook.url}`}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap">
          <div>
            <Title order={2} size="h5" style={{ wordBreak: 'break-all' }}>
              {hook.url}
            </Title>
            {hook.description ? <Text size="sm">{hook.description}</Text> : null}
          </div>
          <Badge color={hook.enabled ? 'teal' : 'red'} variant="light">
            {hook.enabled ? 'Enabled' : 'Disabled'}
          </Badge>
        </Group>
        {hook.disabledReason ? (
          <Text size="sm" c="red">
            Disabled {hook.disabledAt ? relativeTime(hook.disabledAt) : ''}: {hook.disabledReason}
          </Text>
        ) : null}
        <Text size="sm">
          Events: {hook.eventTypes.join(', ')}
          {hook.scopes.length > 0 ? ` · Scopes: ${hook.scopes.join(', ')}` : ' · No scopes (thin payloads)'}
        </Text>
        <Text size="sm" c="dimmed">
          Signing secrets:{' '}
          {hook.secrets.map((s) => (
            <span key={s.createdAt}>
              <Code>…{s.hint}</Code> {s.expiresAt ? `(rotated out, signs until ${formatDateTime(s.expiresAt)}) ` : '(current) '}
            </span>
          ))}
        </Text>
        <Group gap="xs">
          <Button
            size="xs"
            variant="default"
            onClick={() => update.mutate({ id: hook.id, enabled: !hook.enabled })}
            loading={update.isPending}
          >
            {hook.enabled ? 'Disable' : 'Enable'}
          </Button>
          <Button
            size="xs"
            variant="default"
            loading={rotate.isPending}
            onClick={() => rotate.mutate({ id: hook.id, overlapMinutes: 24 * 60 }, { onSuccess: onSecret })}
          >
            Rotate secret (old one signs 24 h more)
          </Button>
          <Button size="xs" variant="default" onClick={() => setOpen(!open)} aria-expanded={open}>
            {open ? 'Hide deliveries' : 'Show deliveries'}
          </Button>
          <Button
            size="xs"
            variant="subtle"
            color="red"
            loading={remove.isPending}
            onClick={() => {
              if (window.confirm(`Remove the webhook to ${hook.url} and its delivery log?`)) remove.mutate(hook.id);
            }}
          >
            Remove
          </Button>
        </Group>
        <FormProblem error={update.error ?? rotate.error ?? remove.error} title="That did not work" />
        {open ? <DeliveryLog hook={hook} /> : null}
      </Stack>
    </Paper>
  );
}

function DeliveryLog({ hook }: { hook: Webhook }) {
  const deliveries = useWebhookDeliveries(hook.id);
  const redeliver = useRedeliverWebhook();
  const [shown, setShown] = useState<string | null>(null);
  const columns: DataColumn<WebhookDelivery>[] = [
    { key: 'when', header: 'Created', cell: (d) => formatDateTime(d.createdAt) },
    { key: 'type', header: 'Event', cell: (d) => d.eventType },
    {
      key: 'status',
      header: 'Status',
      cell: (d) => (
        <Badge color={STATUS_COLOR[d.status]} variant="light">
          {d.status}
        </Badge>
      ),
    },
    { key: 'code', header: 'Response', cell: (d) => (d.lastStatusCode === null ? (d.lastError ?? '—') : String(d.lastStatusCode)) },
    { key: 'attempts', header: 'Tries', cell: (d) => String(d.attempts) },
    {
      key: 'actions',
      cellProps: { ta: 'right' },
      cell: (d) => (
        <Group gap={4} justify="flex-end" wrap="nowrap">
          <Button size="xs" variant="subtle" onClick={() => setShown(shown === d.id ? null : d.id)}>
            {shown === d.id ? 'Hide tries' : 'Tries'}
          </Button>
          <Button
            size="xs"
            variant="subtle"
            disabled={!hook.enabled}
            loading={redeliver.isPending && redeliver.variables?.deliveryId === d.id}
            onClick={() => redeliver.mutate({ id: hook.id, deliveryId: d.id })}
          >
            Redeliver
          </Button>
        </Group>
      ),
    },
  ];
  return (
    <Stack gap="xs">
      <FormProblem error={redeliver.error} title="Not redelivered" />
      <QueryState query={deliveries} label="Loading deliveries" rows={2}>
        {(page) => (
          <DataTable
            columns={columns}
            rows={page.items}
            rowKey={(d) => d.id}
            caption="Deliveries of the last 30 days, newest first"
            empty={<EmptyState title="Nothing delivered yet">Deliveries appear here once a subscribed event happens.</EmptyState>}
            miw={640}
          />
        )}
      </QueryState>
      {shown ? <AttemptLog id={hook.id} deliveryId={shown} /> : null}
    </Stack>
  );
}

function AttemptLog({ id, deliveryId }: { id: string; deliveryId: string }) {
  const delivery = useWebhookDelivery(id, deliveryId);
  return (
    <QueryState query={delivery} label="Loading tries" rows={1}>
      {(d) => (
        <Table aria-label={`Tries of ${d.messageId}`} fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>When</Table.Th>
              <Table.Th>Response</Table.Th>
              <Table.Th>Took</Table.Th>
              <Table.Th>By hand</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {d.attemptLog.map((a) => (
              <Table.Tr key={a.at}>
                <Table.Td>{formatDateTime(a.at)}</Table.Td>
                <Table.Td>{a.statusCode ?? a.error ?? '—'}</Table.Td>
                <Table.Td>{a.durationMs} ms</Table.Td>
                <Table.Td>{a.manual ? 'yes' : 'no'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </QueryState>
  );
}
