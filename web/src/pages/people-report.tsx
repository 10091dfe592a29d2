import { Paper, SegmentedControl, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { reportCsvUrl, usePeopleReport } from '../api/dashboard.js';
import { useCurrentUser } from '../app/me-context.js';
import { CsvButtons } from '../components/dashboard/csv-buttons.js';
import { percent } from '../components/dashboard/headline.js';
import { DataTable } from '../components/data-table.js';
import { PageHeader } from '../components/page-header.js';
import { QueryState } from '../components/query-state.js';
import { RequireAbility } from '../components/require-ability.js';
import { PRESET_LABEL, PRESETS, type Preset, periodOf } from '../lib/dashboard-range.js';

export function PeopleReportPage() {
  return (
    <RequireAbility ability="readPeopleReport">
      <PeopleReportView />
    </RequireAbility>
  );
}

/** HR's view: the dashboard for people. Every read is written to the access log. */
function PeopleReportView() {
  const me = useCurrentUser();
  const [preset, setPreset] = useState<Preset>('90d');
  const query = periodOf(preset, new Date(), me.workspace.timeZone);
  const report = usePeopleReport(query);
  return (
    <Stack gap="md">
      <PageHeader
        title="People report"
        description="Conflicts per employee, who is above a review rule, requests for support and training. Opening or exporting this page is written to the access log."
        actions={
          <CsvButtons downloads={[{ label: 'Export (CSV)', file: 'people.csv', href: (bom) => reportCsvUrl('people', query, bom) }]} />
        }
      />
      <SegmentedControl
        value={preset}
        onChange={(v) => setPreset(v as Preset)}
        data={PRESETS.filter((p) => p !== 'custom').map((p) => ({ value: p, label: PRESET_LABEL[p] }))}
        aria-label="Period"
        style={{ alignSelf: 'flex-start' }}
      />
      <QueryState query={report} label="Loading the report" rows={4}>
        {(r) => (
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
            <Paper withBorder radius="md" p="md">
              <DataTable
                framed={false}
                caption="Cases per employee as primary party"
                rows={r.conflicts}
                rowKey={(c) => c.employeeId}
                empty="No cases with a primary party in this period."
                columns={[
                  { key: 'name', header: 'Employee', rowHeader: true, cell: (c) => c.name },
                  { key: 'team', header: 'Team', cell: (c) => c.team ?? '—' },
                  { key: 'cases', header: 'Cases', cell: (c) => c.cases },
                  { key: 'loss', header: 'With a loss', cell: (c) => c.casesWithLoss },
                ]}
              />
            </Paper>
            <Paper withBorder radius="md" p="md">
              <DataTable
                framed={false}
                caption="Above a review rule's threshold today"
                rows={r.aboveThreshold}
                rowKey={(a) => `${a.ruleId}-${a.employeeId}`}
                empty="Nobody is above a review rule's threshold."
                columns={[
                  { key: 'name', header: 'Employee', rowHeader: true, cell: (a) => a.name },
                  { key: 'rule', header: 'Rule', cell: (a) => a.description },
                  { key: 'counted', header: 'Counted', cell: (a) => `${a.counted} of ${a.threshold}` },
                ]}
              />
            </Paper>
            <Paper withBorder radius="md" p="md">
              <DataTable
                framed={false}
                caption="Requests for support made in the period"
                rows={r.support}
                rowKey={(s) => `${s.kind}-${s.status}`}
                empty="No requests for support in this period."
                columns={[
                  { key: 'kind', header: 'Kind', rowHeader: true, cell: (s) => s.kind ?? 'not chosen yet' },
                  { key: 'status', header: 'Status', cell: (s) => s.status },
                  { key: 'count', header: 'Requests', cell: (s) => s.count },
                ]}
              />
            </Paper>
            <Paper withBorder radius="md" p="md" component="section" aria-label="Training">
              <Title order={3} size="h5">
                Training
              </Title>
              <Text size="sm">
                {r.training.done} of {r.training.assigned} assignments done ({percent(r.training.completion)}), {r.training.overdue}{' '}
                overdue; {r.training.passed} of {r.training.sessions} sessions passed ({percent(r.training.passRate)}).
              </Text>
            </Paper>
          </SimpleGrid>
        )}
      </QueryState>
    </Stack>
  );
}
