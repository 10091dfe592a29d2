import { Anchor, Paper, SimpleGrid, Stack, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import type { Dashboard } from '../../api/dashboard.js';
import { IMPACT_LABEL } from '../../lib/labels.js';
import { type DataColumn, DataTable } from '../data-table.js';
import { duration, percent } from './headline.js';

const money = (minor: number, currency: string) =>
  new Intl.NumberFormat(undefined, { style: 'currency', currency, maximumFractionDigits: 2 }).format(minor / 100);
const average = (n: number | null) => (n === null ? '—' : String(n));

function Card({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-label={title}>
      <Stack gap="xs">
        <Title order={3} size="h5">
          {title}
        </Title>
        {children}
      </Stack>
    </Paper>
  );
}

type Tally = Dashboard['commitments']['byTeam'][number];
const TALLY: DataColumn<Tally>[] = [
  { key: 'label', header: 'Name', rowHeader: true, cell: (t) => t.label },
  { key: 'rate', header: 'Kept on time', cell: (t) => percent(t.rate) },
  { key: 'closed', header: 'Closed', cell: (t) => t.closed },
  { key: 'broken', header: 'Broken', cell: (t) => t.broken },
  { key: 'overdue', header: 'Overdue now', cell: (t) => t.overdueNow },
];

/** The figures that read best as tables: response times, cost, promises, coach scores, themes, when conflicts happen. */
export function FigureTables({ d }: { d: Dashboard }) {
  const times = [
    { clock: 'Acknowledge', ...d.response.acknowledge },
    { clock: 'Resolve', ...d.response.resolve },
  ];
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
      <Card title="Response times">
        <DataTable
          framed={false}
          caption="Response times (nearest-rank median and 90th percentile)"
          rows={times}
          rowKey={(r) => r.clock}
          columns={[
            { key: 'clock', header: 'Clock', rowHeader: true, cell: (r) => r.clock },
            { key: 'count', header: 'Cases measured', cell: (r) => r.count },
            { key: 'median', header: 'Median', cell: (r) => duration(r.median) },
            { key: 'p90', header: '90th percentile', cell: (r) => duration(r.p90) },
          ]}
        />
      </Card>
      <Card title="Cost">
        <DataTable
          framed={false}
          caption="Cost by kind, per currency"
          rows={d.cost.byKind}
          rowKey={(r) => `${r.kind}-${r.currency}`}
          empty="No cost recorded on these cases."
          columns={[
            { key: 'kind', header: 'Kind', rowHeader: true, cell: (r) => IMPACT_LABEL[r.kind as keyof typeof IMPACT_LABEL] ?? r.kind },
            { key: 'amount', header: 'Amount', cell: (r) => money(r.amountMinor, r.currency) },
            { key: 'cases', header: 'Cases', cell: (r) => r.cases },
          ]}
        />
        <DataTable
          framed={false}
          caption="Cost by team, per currency"
          rows={d.cost.byTeam}
          rowKey={(r) => `${r.key}-${r.currency}`}
          empty="—"
          columns={[
            { key: 'team', header: 'Team', rowHeader: true, cell: (r) => r.label },
            { key: 'amount', header: 'Amount', cell: (r) => money(r.amountMinor, r.currency) },
            { key: 'cases', header: 'Cases', cell: (r) => r.cases },
          ]}
        />
      </Card>
      <Card title="Promises kept">
        <DataTable
          framed={false}
          caption="Promises by team"
          rows={d.commitments.byTeam}
          rowKey={(t) => t.key}
          columns={TALLY}
          empty="No promises on these cases."
        />
        <DataTable
          framed={false}
          caption="Promises by owner"
          rows={d.commitments.byOwner}
          rowKey={(t) => t.key}
          columns={TALLY}
          empty="—"
        />
      </Card>
      <Card title="Coach scores of logged replies">
        <DataTable
          framed={false}
          caption={`By part (${d.coaching.replies} replies)`}
          rows={d.coaching.parts}
          rowKey={(p) => p.part}
          columns={[
            { key: 'part', header: 'Part', rowHeader: true, cell: (p) => p.part },
            { key: 'avg', header: 'Average (0–100)', cell: (p) => average(p.average) },
          ]}
        />
        <DataTable
          framed={false}
          caption="By team"
          rows={d.coaching.byTeam}
          rowKey={(t) => t.key}
          empty="No replies logged on these cases."
          columns={[
            { key: 'team', header: 'Team', rowHeader: true, cell: (t) => t.label },
            { key: 'replies', header: 'Replies', cell: (t) => t.replies },
            { key: 'avg', header: 'Average score', cell: (t) => average(t.average) },
          ]}
        />
      </Card>
      <Card title="Themes">
        <DataTable
          framed={false}
          caption="Top themes among these cases, with the previous period"
          rows={d.themes}
          rowKey={(t) => t.id}
          empty="No themes among these cases yet."
          columns={[
            {
              key: 'label',
              header: 'Theme',
              rowHeader: true,
              cell: (t) => (
                <Anchor component={Link} to="/themes" size="sm">
                  {t.label}
                </Anchor>
              ),
            },
            { key: 'cases', header: 'Cases', cell: (t) => t.cases },
            { key: 'previous', header: 'Previous period', cell: (t) => t.previous },
            { key: 'trend', header: 'Trend', cell: (t) => t.trend },
          ]}
        />
      </Card>
      <Card title="Customers">
        <DataTable
          framed={false}
          caption="Repeat customers and reputational threats"
          rows={[
            { what: 'Customers with two or more cases', n: d.customers.repeatCustomers },
            { what: 'Cases of those customers', n: d.customers.casesOfRepeatCustomers },
            { what: 'Cases with a reputational threat', n: d.customers.threats },
          ]}
          rowKey={(r) => r.what}
          columns={[
            { key: 'what', header: 'Figure', rowHeader: true, cell: (r) => r.what },
            { key: 'n', header: 'Count', cell: (r) => r.n },
          ]}
        />
      </Card>
    </SimpleGrid>
  );
}
