import { Alert, Badge, Button, Checkbox, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useNotificationPreferences, useSaveNotificationPreferences } from '../api/notifications.js';
import type { NotificationPreferences } from '../api/types.js';
import { FormProblem } from './form-problem.js';
import { QueryState } from './query-state.js';

type Item = NotificationPreferences['items'][number];
const GROUP_LABEL: Record<Item['group'], string> = {
  cases: 'Cases',
  resolution: 'Resolving cases',
  people: 'People and support',
  training: 'Training',
  learning: 'Learning',
  workspace: 'Workspace',
};

/** How each kind of notification reaches the person: the bell, email, or both. */
export function NotificationPreferencesSection() {
  const prefs = useNotificationPreferences();
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="notify-heading">
      <Title order={2} size="h4" id="notify-heading">
        Notifications
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        Choose how each kind reaches you. Calls for help, abuse and severity 1–2 cases are urgent: one way at least stays on.
      </Text>
      <QueryState query={prefs} label="Loading your notification choices" rows={4}>
        {(data) => <PreferencesForm initial={data.items} />}
      </QueryState>
    </Paper>
  );
}

function PreferencesForm({ initial }: { initial: Item[] }) {
  const save = useSaveNotificationPreferences();
  const [items, setItems] = useState(initial);
  const set = (kind: string, channel: 'inApp' | 'email', on: boolean) =>
    setItems((list) => list.map((i) => (i.kind === kind ? { ...i, [channel]: on } : i)));
  const changed = items.filter((i) => {
    const was = initial.find((x) => x.kind === i.kind);
    return was && (was.inApp !== i.inApp || was.email !== i.email);
  });
  return (
    <Stack gap="sm">
      <Table striped withTableBorder>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Kind</Table.Th>
            <Table.Th>In the app</Table.Th>
            <Table.Th>By email</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((i, n) => {
            const silenced = i.required && !i.inApp && !i.email;
            const newGroup = n === 0 || items[n - 1]?.group !== i.group;
            return (
              <Table.Tr key={i.kind} data-kind={i.kind}>
                <Table.Td>
                  {newGroup ? (
                    <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
                      {GROUP_LABEL[i.group]}
                    </Text>
                  ) : null}
                  <Group gap={6}>
                    <Text size="sm">{i.label}</Text>
                    {i.required ? (
                      <Badge size="xs" color="red" variant="light">
                        Urgent
                      </Badge>
                    ) : null}
                  </Group>
                  {silenced ? (
                    <Text size="xs" c="red">
                      Keep it in the app, by email, or both.
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td>
                  <Checkbox
                    aria-label={`${i.label}: in the app`}
                    checked={i.inApp}
                    onChange={(e) => set(i.kind, 'inApp', e.currentTarget.checked)}
                  />
                </Table.Td>
                <Table.Td>
                  <Checkbox
                    aria-label={`${i.label}: by email`}
                    checked={i.email}
                    onChange={(e) => set(i.kind, 'email', e.currentTarget.checked)}
                  />
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      <FormProblem error={save.error} title="Your choices were not saved" />
      {save.isSuccess ? (
        <Alert color="teal" variant="light" role="status">
          Your notification choices are saved.
        </Alert>
      ) : null}
      <Group justify="flex-end">
        <Button
          loading={save.isPending}
          disabled={changed.length === 0}
          onClick={() => save.mutate({ items: changed.map(({ kind, inApp, email }) => ({ kind, inApp, email })) })}
        >
          Save notification choices
        </Button>
      </Group>
    </Stack>
  );
}
