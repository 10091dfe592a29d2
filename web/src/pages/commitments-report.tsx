import { Paper, Stack } from '@mantine/core';
import { useCommitmentReport } from '../api/commitments.js';
import type { CommitmentReport } from '../api/types.js';
import { type DataColumn, DataTable } from '../components/data-table.js';
import { PageHeader } from '../components/page-header.js';
import { QueryState } from '../components/query-state.js';
import { RequireAbility } from '../components/require-ability.js';
import { EmptyState } from '../components/states.js';

export function CommitmentsReportPage() {
  return (
    <RequireAbility ability="readCommitmentReport">
      <CommitmentsReport />
    </RequireAbility>
  );
}

type Row = CommitmentReport['employees'][number] | CommitmentReport['teams'][number];

const percent = (rate: number | null) => (rate === null ? '—' : `${Math.round(rate * 100)}%`);

const COLUMNS: DataColumn<Row>[] = [
  { key: 'name', header: 'Name', rowHeader: true, cell: (r) => r.name },
  { key: 'rate', header: 'Kept on time', cellProps: { fw: 700 }, cell: (r) => percent(r.rate) },
  { key: 'closed', header: 'Closed', cell: (r) => r.closed },
  { key: 'kept', header: 'Kept', cell: (r) => r.kept },
  { key: 'broken', header: 'Broken', cell: (r) => r.broken },
  {
    key: 'overdue',
    header: 'Open and overdue',
    cellProps: (r) => (r.openOverdue > 0 ? { c: 'red' } : {}),
    cell: (r) => r.openOverdue,
  },
];

function RateTable({ caption, rows, keyOf }: { caption: string; rows: Row[]; keyOf: (r: Row) => string }) {
  return (
    <Paper withBorder radius="md" p="md">
      <DataTable columns={COLUMNS} rows={rows} rowKey={keyOf} caption={caption} rowTestId="commitment-report-row" framed={false} striped />
    </Paper>
  );
}

/** How well promises to customers are kept: the share kept on time, per person and per team. */
function CommitmentsReport() {
  const report = useCommitmentReport();
  return (
    <Stack gap="md">
      <PageHeader
        title="Promises kept"
        description="Promises made to customers over the last 90 days. The rate is the share of closed promises that were kept by their due time."
      />
      <QueryState
        query={report}
        label="Loading the report"
        rows={4}
        isEmpty={(data) => data.employees.length === 0}
        empty={<EmptyState title="No promises yet">Promises recorded on cases are counted here.</EmptyState>}
      >
        {(data) => (
          <>
            <RateTable caption="Per person" rows={data.employees} keyOf={(r) => ('userId' in r ? r.userId : '')} />
            <RateTable caption="Per team" rows={data.teams} keyOf={(r) => ('teamId' in r ? (r.teamId ?? 'none') : '')} />
          </>
        )}
      </QueryState>
    </Stack>
  );
}
