import { Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useCommitmentReport } from '../api/commitments.js';
import type { CommitmentReport } from '../api/types.js';
import { RequireRole } from '../components/require-role.js';
import { EmptyState, ErrorState, LoadingState } from '../components/states.js';

export function CommitmentsReportPage() {
  return (
    <RequireRole roles={['supervisor', 'hr', 'admin']}>
      <CommitmentsReport />
    </RequireRole>
  );
}

type Row = CommitmentReport['employees'][number] | CommitmentReport['teams'][number];

const percent = (rate: number | null) => (rate === null ? '—' : `${Math.round(rate * 100)}%`);

function RateTable({ caption, rows, keyOf }: { caption: string; rows: Row[]; keyOf: (r: Row) => string }) {
  return (
    <Paper withBorder radius="md" p="md">
      <Table striped>
        <Table.Caption>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Name</Table.Th>
            <Table.Th scope="col">Kept on time</Table.Th>
            <Table.Th scope="col">Closed</Table.Th>
            <Table.Th scope="col">Kept</Table.Th>
            <Table.Th scope="col">Broken</Table.Th>
            <Table.Th scope="col">Open and overdue</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={keyOf(r)} data-testid="commitment-report-row">
              <Table.Th scope="row">{r.name}</Table.Th>
              <Table.Td fw={700}>{percent(r.rate)}</Table.Td>
              <Table.Td>{r.closed}</Table.Td>
              <Table.Td>{r.kept}</Table.Td>
              <Table.Td>{r.broken}</Table.Td>
              <Table.Td c={r.openOverdue > 0 ? 'red' : undefined}>{r.openOverdue}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}

/** How well promises to customers are kept: the share kept on time, per person and per team. */
function CommitmentsReport() {
  const report = useCommitmentReport();
  return (
    <Stack gap="md">
      <div>
        <Title order={1} size="h2">
          Promises kept
        </Title>
        <Text c="dimmed" size="sm">
          Promises made to customers over the last 90 days. The rate is the share of closed promises that were kept by their due time.
        </Text>
      </div>
      {report.isPending ? (
        <LoadingState rows={4} label="Loading the report" />
      ) : report.error ? (
        <ErrorState error={report.error} onRetry={() => void report.refetch()} />
      ) : report.data.employees.length === 0 ? (
        <EmptyState title="No promises yet">Promises recorded on cases are counted here.</EmptyState>
      ) : (
        <>
          <RateTable caption="Per person" rows={report.data.employees} keyOf={(r) => ('userId' in r ? r.userId : '')} />
          <RateTable caption="Per team" rows={report.data.teams} keyOf={(r) => ('teamId' in r ? (r.teamId ?? 'none') : '')} />
        </>
      )}
    </Stack>
  );
}
