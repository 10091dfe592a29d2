import { Alert, Anchor, Badge, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { Link, useParams } from '@tanstack/react-router';
import { useEmployeeHistory } from '../api/employee-history.js';
import type { CaseStatus } from '../api/types.js';
import { SeverityBadge, StatusBadge } from '../components/badges.js';
import { EmptyState, ErrorState, LoadingState } from '../components/states.js';
import { STATUS_LABEL } from '../lib/labels.js';
import { formatDate, formatMoney } from '../lib/time.js';

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
  const back = (
    <Anchor component={Link} to="/people" size="sm">
      ← Employees
    </Anchor>
  );
  if (history.isPending) {
    return (
      <Stack>
        {back}
        <LoadingState label="Loading the history" rows={4} />
      </Stack>
    );
  }
  if (history.error) {
    return (
      <Stack>
        {back}
        <ErrorState error={history.error} onRetry={() => void history.refetch()} />
      </Stack>
    );
  }
  const { employee, summary, cases } = history.data;
  const loss = summary.lossLast12Months.map((l) => formatMoney(l.amount, l.currency)).join(' + ') || 'None';
  return (
    <Stack gap="md">
      {back}
      <div>
        <Title order={1} size="h2">
          {employee.name}
        </Title>
        <Text c="dimmed" size="sm">
          Conflict history
        </Text>
      </div>
      <Alert variant="light" color="gray" p="xs">
        This is HR data. Your reading of it has been recorded in the access log.
      </Alert>
      <SimpleGrid cols={{ base: 2, sm: 4 }}>
        <Figure label="Cases, all time" value={summary.cases} />
        <Figure label="Last 12 months" value={summary.casesLast12Months} />
        <Figure label="As the main person" value={summary.asPrimaryLast12Months} />
        <Figure label="Money lost, 12 months" value={loss} />
      </SimpleGrid>
      {cases.length === 0 ? (
        <EmptyState title="No cases">{employee.name} has not been named on any case.</EmptyState>
      ) : (
        <Paper withBorder radius="md" style={{ overflowX: 'auto' }}>
          <Table verticalSpacing="sm" miw={640}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Case</Table.Th>
                <Table.Th>Role</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th>Reported</Table.Th>
                <Table.Th>Money</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {cases.map((c) => (
                <Table.Tr key={c.ref}>
                  <Table.Td>
                    <Anchor component={Link} to={`/cases/${c.ref}`} size="sm" fw={500}>
                      {c.title}
                    </Anchor>
                    <Group gap={6} mt={2}>
                      <Text size="xs" c="dimmed" ff="monospace">
                        {c.ref}
                      </Text>
                      <SeverityBadge severity={c.severity} size="xs" />
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <Badge variant="outline" size="sm" color="gray">
                      {c.role}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{isStatus(c.status) ? <StatusBadge status={c.status} /> : c.status}</Table.Td>
                  <Table.Td>
                    <Text size="sm">{formatDate(c.reportedAt)}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{c.financialImpact ? formatMoney(c.financialImpact.amount, c.financialImpact.currency) : '—'}</Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
    </Stack>
  );
}
