import { Button, Center, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useAccessLog } from '../api/access-log.js';
import { RequireRole } from '../components/require-role.js';
import { EmptyState, ErrorState, LoadingState } from '../components/states.js';
import { formatDateTime } from '../lib/time.js';

export function AccessLogPage() {
  return (
    <RequireRole roles={['hr', 'admin']}>
      <AccessLog />
    </RequireRole>
  );
}

/** Who read HR data or exported, when and from where; newest first, a page at a time. */
function AccessLog() {
  const log = useAccessLog();
  const rows = log.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Stack gap="md">
      <div>
        <Title order={1} size="h2">
          Access log
        </Title>
        <Text c="dimmed" size="sm">
          Every read of HR data (histories, reviews) and every export, newest first. Entries cannot be edited.
        </Text>
      </div>
      {log.isPending ? (
        <LoadingState rows={5} label="Loading the access log" />
      ) : log.error ? (
        <ErrorState error={log.error} onRetry={() => void log.refetch()} />
      ) : rows.length === 0 ? (
        <EmptyState title="Nothing read yet">Reads of employee histories and exports will be listed here.</EmptyState>
      ) : (
        <>
          <Paper withBorder radius="md" style={{ overflowX: 'auto' }}>
            <Table verticalSpacing="xs" miw={640} data-testid="access-log">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>When</Table.Th>
                  <Table.Th>Who</Table.Th>
                  <Table.Th>What</Table.Th>
                  <Table.Th>About</Table.Th>
                  <Table.Th>From</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((e) => (
                  <Table.Tr key={e.id}>
                    <Table.Td>
                      <Text size="sm">{formatDateTime(e.at)}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{e.actor.name ?? 'A deleted user'}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">
                        {e.action} {e.resource.replaceAll('_', ' ')}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{e.subjectLabel ?? e.subjectId ?? '—'}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" ff="monospace">
                        {e.ip ?? '—'}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Paper>
          {log.hasNextPage ? (
            <Center>
              <Button variant="default" onClick={() => void log.fetchNextPage()} loading={log.isFetchingNextPage}>
                Show older entries
              </Button>
            </Center>
          ) : null}
        </>
      )}
    </Stack>
  );
}
