import { Alert, Anchor, Badge, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Link, useParams } from '@tanstack/react-router';
import { useEmployeeHistory } from '../api/employee-history.js';
import type { CaseStatus, EmployeeHistory } from '../api/types.js';
import { StatusBadge } from '../components/badges.js';
import { CaseTitleCell } from '../components/case-title-cell.js';
import { type DataColumn, DataTable } from '../components/data-table.js';
import { PageHeader } from '../components/page-header.js';
import { QueryState } from '../components/query-state.js';
import { EmptyState } from '../components/states.js';
import { STATUS_LABEL } from '../lib/labels.js';
import { formatDate, formatMoney } from '../lib/time.js';
import {
  ASSIGNMENT_SOURCE_LABEL,
  ASSIGNMENT_STATE_COLOR,
  ASSIGNMENT_STATE_LABEL,
  CERTIFICATION_STATUS_COLOR,
  CERTIFICATION_STATUS_LABEL,
} from '../lib/training-labels.js';

const isStatus = (s: string): s is CaseStatus => s in STATUS_LABEL;

function Figure({ label, value }: { label: string; value: string | number }) {
  return (
    <Paper withBorder radius="md" p="sm">
      <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
        {label}
      </Text>
      <Text size="xl" fw={700}>
        {value}
      </Text>
    </Paper>
  );
}

/** One employee's conflict history: HR data, so the page says the read is logged. */
export function EmployeeHistoryPage() {
  const { id } = useParams({ from: '/app/people/$id' });
  const history = useEmployeeHistory(id);
  return (
    <Stack gap="md">
      <Anchor component={Link} to="/people" size="sm">
        ← Employees
      </Anchor>
      <QueryState query={history} label="Loading the history" rows={4}>
        {(data) => <History history={data} />}
      </QueryState>
    </Stack>
  );
}

type HistoryCase = EmployeeHistory['cases'][number];

const COLUMNS: DataColumn<HistoryCase>[] = [
  {
    key: 'case',
    header: 'Case',
    cell: (c) => <CaseTitleCell kase={c} />,
  },
  {
    key: 'role',
    header: 'Role',
    cell: (c) => (
      <Badge variant="outline" size="sm" color="gray">
        {c.role}
      </Badge>
    ),
  },
  { key: 'status', header: 'Status', cell: (c) => (isStatus(c.status) ? <StatusBadge status={c.status} /> : c.status) },
  { key: 'reported', header: 'Reported', cell: (c) => <Text size="sm">{formatDate(c.reportedAt)}</Text> },
  {
    key: 'money',
    header: 'Money',
    cell: (c) => <Text size="sm">{c.financialImpact ? formatMoney(c.financialImpact.amount, c.financialImpact.currency) : '—'}</Text>,
  },
];

function History({ history }: { history: EmployeeHistory }) {
  const { employee, summary, cases } = history;
  const loss = summary.lossLast12Months.map((l) => formatMoney(l.amount, l.currency)).join(' + ') || 'None';
  return (
    <>
      <PageHeader title={employee.name} description="Conflict history" />
      <Alert variant="light" color="gray" p="xs">
        This is HR data. Your reading of it has been recorded in the access log.
      </Alert>
      <SimpleGrid cols={{ base: 2, sm: 4 }}>
        <Figure label="Cases, all time" value={summary.cases} />
        <Figure label="Last 12 months" value={summary.casesLast12Months} />
        <Figure label="As the main person" value={summary.asPrimaryLast12Months} />
        <Figure label="Money lost, 12 months" value={loss} />
      </SimpleGrid>
      <DataTable
        columns={COLUMNS}
        rows={cases}
        rowKey={(c) => c.ref}
        empty={<EmptyState title="No cases">{employee.name} has not been named on any case.</EmptyState>}
        verticalSpacing="sm"
        miw={640}
      />
      <Text fw={600} size="sm">
        Support asked for or offered
      </Text>
      {history.support.length === 0 ? <Text size="sm">None.</Text> : null}
      {history.support.map((s) => (
        <Text size="sm" key={s.id}>
          {formatDate(s.createdAt)} · {s.kind ?? 'offered'} · {s.status}
          {s.caseRef ? ` · ${s.caseRef}` : ''}
        </Text>
      ))}
      {history.training ? <TrainingSection training={history.training} /> : null}
    </>
  );
}

/** Training completion and certification (never practice scores: practising stays safe). */
function TrainingSection({ training }: { training: NonNullable<EmployeeHistory['training']> }) {
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="training-history" data-testid="training-history">
      <Title order={2} size="h4" id="training-history" mb={4}>
        Training
      </Title>
      <Text size="xs" c="dimmed" mb="sm">
        What was assigned and done, and certifications. Practice scores are not shown here.
      </Text>
      <Stack gap="sm">
        <DataTable
          framed={false}
          rows={training.assignments}
          rowKey={(a) => a.id}
          empty={<Text size="sm">No training assigned yet.</Text>}
          columns={[
            { key: 'scenario', header: 'Scenario', rowHeader: true, cell: (a) => a.scenario.title },
            {
              key: 'kind',
              header: 'Kind',
              cell: (a) => (a.mode === 'certification' ? 'Certification' : (ASSIGNMENT_SOURCE_LABEL[a.source] ?? a.source)),
            },
            { key: 'due', header: 'Due', cell: (a) => formatDate(a.dueAt) },
            {
              key: 'state',
              header: 'State',
              cell: (a) => (
                <Badge variant="light" color={ASSIGNMENT_STATE_COLOR[a.state]}>
                  {ASSIGNMENT_STATE_LABEL[a.state]}
                  {a.doneAt ? ` ${formatDate(a.doneAt)}` : ''}
                </Badge>
              ),
            },
          ]}
        />
        {training.certifications.length > 0 ? (
          <Group gap="xs">
            {training.certifications.map((c) => (
              <Badge key={c.scenario.key} variant="light" color={CERTIFICATION_STATUS_COLOR[c.status]}>
                {c.scenario.title}: {CERTIFICATION_STATUS_LABEL[c.status]}
                {c.expiresAt ? ` until ${formatDate(c.expiresAt)}` : ''}
              </Badge>
            ))}
          </Group>
        ) : null}
      </Stack>
    </Paper>
  );
}
