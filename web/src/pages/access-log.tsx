import { Button, Center, Stack, Text } from '@mantine/core';
import { useAccessLog } from '../api/access-log.js';
import type { AccessLogEntry } from '../api/types.js';
import { AuditRecord } from '../components/audit-record.js';
import { type DataColumn, DataTable } from '../components/data-table.js';
import { PageHeader } from '../components/page-header.js';
import { QueryState } from '../components/query-state.js';
import { RequireAbility } from '../components/require-ability.js';
import { EmptyState } from '../components/states.js';
import { formatDateTime } from '../lib/time.js';

export function AccessLogPage() {
  return (
    <RequireAbility ability="readAccessLog">
      <AccessLog />
    </RequireAbility>
  );
}

const COLUMNS: DataColumn<AccessLogEntry>[] = [
  { key: 'when', header: 'When', cell: (e) => <Text size="sm">{formatDateTime(e.at)}</Text> },
  { key: 'who', header: 'Who', cell: (e) => <Text size="sm">{e.actor.name ?? 'A deleted user'}</Text> },
  {
    key: 'what',
    header: 'What',
    cell: (e) => (
      <Text size="sm">
        {e.action} {e.resource.replaceAll('_', ' ')}
      </Text>
    ),
  },
  { key: 'about', header: 'About', cell: (e) => <Text size="sm">{e.subjectLabel ?? e.subjectId ?? '—'}</Text> },
  {
    key: 'from',
    header: 'From',
    cell: (e) => (
      <Text size="sm" ff="monospace">
        {e.ip ?? '—'}
      </Text>
    ),
  },
];

/** Who read HR data or exported, when and from where; newest first, a page at a time. */
function AccessLog() {
  const log = useAccessLog();
  return (
    <Stack gap="md">
      <PageHeader
        title="Access log"
        description="Every read of HR data (histories, reviews) and every export, newest first. Entries are chained, so an edit or a removal shows."
      />
      <AuditRecord />
      <QueryState query={log} label="Loading the access log" rows={5}>
        {(data) => (
          <>
            <DataTable
              columns={COLUMNS}
              rows={data.pages.flatMap((p) => p.items)}
              rowKey={(e) => e.id}
              empty={<EmptyState title="Nothing read yet">Reads of employee histories and exports will be listed here.</EmptyState>}
              verticalSpacing="xs"
              miw={640}
              data-testid="access-log"
            />
            {log.hasNextPage ? (
              <Center>
                <Button variant="default" onClick={() => void log.fetchNextPage()} loading={log.isFetchingNextPage}>
                  Show older entries
                </Button>
              </Center>
            ) : null}
          </>
        )}
      </QueryState>
    </Stack>
  );
}
