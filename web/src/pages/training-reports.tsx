import { Badge, Paper, Stack, Tabs, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useCalibration, useCompletionReport, useTrainingEffect } from '../api/training-assignments.js';
import type { CompletionReport } from '../api/types.js';
import { type DataColumn, DataTable } from '../components/data-table.js';
import { PageHeader } from '../components/page-header.js';
import { QueryState } from '../components/query-state.js';
import { RequireAbility } from '../components/require-ability.js';
import { SCORE_PART_LABEL } from '../lib/coach-labels.js';

const pct = (x: number) => `${Math.round(x * 100)}%`;
const signed = (n: number | null) => (n === null ? '—' : n > 0 ? `+${n}` : String(n));

type RateRow = CompletionReport['overall'];
const rateColumns = <T extends RateRow>(): DataColumn<T>[] => [
  { key: 'assigned', header: 'Assigned', cell: (r) => r.assigned },
  { key: 'done', header: 'Done', cell: (r) => r.done },
  { key: 'overdue', header: 'Overdue', cell: (r) => r.overdue },
  { key: 'completion', header: 'Completion', cell: (r) => pct(r.completion) },
  { key: 'sessions', header: 'Sessions', cell: (r) => r.sessions },
  { key: 'passRate', header: 'Pass rate', cell: (r) => pct(r.passRate) },
];

/** Training reports: completion and pass rates, the effect on real replies, and calibration of the coach against supervisors. */
export function TrainingReportsPage() {
  return (
    <RequireAbility ability="readTrainingReports">
      <Stack gap="md">
        <PageHeader
          title="Training reports"
          description="How training is going in the teams you look after, and whether it shows in real replies."
        />
        <Tabs defaultValue="completion" keepMounted={false}>
          <Tabs.List mb="md">
            <Tabs.Tab value="completion">Completion</Tabs.Tab>
            <Tabs.Tab value="effect">Effect on replies</Tabs.Tab>
            <Tabs.Tab value="calibration">Calibration</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="completion">
            <Completion />
          </Tabs.Panel>
          <Tabs.Panel value="effect">
            <Effect />
          </Tabs.Panel>
          <Tabs.Panel value="calibration">
            <Calibration />
          </Tabs.Panel>
        </Tabs>
      </Stack>
    </RequireAbility>
  );
}

function Completion() {
  const report = useCompletionReport();
  return (
    <QueryState query={report} label="Loading completion" rows={4}>
      {(r) => (
        <Stack gap="md">
          <Text size="sm" data-testid="completion-overall">
            Overall: {r.overall.done} of {r.overall.assigned} assignments done ({pct(r.overall.completion)}), {r.overall.overdue} overdue;{' '}
            {r.overall.passed} of {r.overall.sessions} sessions passed ({pct(r.overall.passRate)}).
          </Text>
          <Title order={2} size="h4">
            Per team
          </Title>
          <DataTable
            rows={r.byTeam}
            rowKey={(t) => t.id}
            empty={<Text size="sm">No training in these teams yet.</Text>}
            columns={[{ key: 'name', header: 'Team', rowHeader: true, cell: (t) => t.name }, ...rateColumns<(typeof r.byTeam)[number]>()]}
          />
          <Title order={2} size="h4">
            Per scenario
          </Title>
          <DataTable
            rows={r.byScenario}
            rowKey={(s) => s.key}
            rowTestId="completion-scenario"
            empty={<Text size="sm">No scenario practised yet.</Text>}
            columns={[
              { key: 'title', header: 'Scenario', rowHeader: true, cell: (s) => s.title },
              ...rateColumns<(typeof r.byScenario)[number]>(),
            ]}
          />
        </Stack>
      )}
    </QueryState>
  );
}

function Effect() {
  const effect = useTrainingEffect();
  return (
    <QueryState query={effect} label="Loading the effect" rows={4}>
      {(e) => (
        <Stack gap="sm">
          <Text size="sm">
            Coach scores of replies sent on real cases, 60 days before and after someone finished their first assignment ({e.trainedPeople}{' '}
            trained), beside the same change for colleagues not yet trained ({e.untrainedPeople}) around the same time: low scorers drift up
            a little on their own, so the difference is what training adds.
          </Text>
          <DataTable
            rows={e.parts}
            rowKey={(p) => p.part}
            rowTestId="effect-part"
            columns={[
              { key: 'part', header: 'Part', rowHeader: true, cell: (p) => SCORE_PART_LABEL[p.part] },
              { key: 'tb', header: 'Trained: before → after', cell: (p) => `${p.trained.before ?? '—'} → ${p.trained.after ?? '—'}` },
              { key: 'tc', header: 'Change', cell: (p) => signed(p.trained.change) },
              {
                key: 'ub',
                header: 'Not yet trained: before → after',
                cell: (p) => `${p.untrained.before ?? '—'} → ${p.untrained.after ?? '—'}`,
              },
              { key: 'uc', header: 'Change', cell: (p) => signed(p.untrained.change) },
              {
                key: 'diff',
                header: 'Training adds',
                cell: (p) => (
                  <Badge variant="light" color={p.difference === null ? 'gray' : p.difference > 0 ? 'teal' : 'orange'}>
                    {signed(p.difference)}
                  </Badge>
                ),
              },
            ]}
          />
        </Stack>
      )}
    </QueryState>
  );
}

function Calibration() {
  const cal = useCalibration();
  return (
    <QueryState query={cal} label="Loading calibration" rows={4}>
      {(c) => (
        <Stack gap="sm">
          <Paper withBorder radius="md" p="md">
            <Text size="sm" data-testid="calibration-overall">
              {c.overall.reviewed} session{c.overall.reviewed === 1 ? '' : 's'} reviewed. Supervisors score{' '}
              {signed(c.overall.meanDifference)} on average against the coach (typically {c.overall.meanAbsoluteDifference} apart); pass or
              fail stayed the same in {pct(c.overall.verdictAgreement)}.
            </Text>
          </Paper>
          <DataTable
            rows={c.byScenario}
            rowKey={(s) => s.key}
            empty={<Text size="sm">No session has been reviewed yet. A supervisor reviews one from its page.</Text>}
            columns={[
              { key: 'title', header: 'Scenario', rowHeader: true, cell: (s) => s.title },
              { key: 'n', header: 'Reviewed', cell: (s) => s.reviewed },
              { key: 'md', header: 'Supervisor − coach', cell: (s) => signed(s.meanDifference) },
              { key: 'agree', header: 'Same verdict', cell: (s) => pct(s.verdictAgreement) },
            ]}
          />
          <DataTable
            rows={c.items}
            rowKey={(i) => i.sessionId}
            rowTestId="calibration-item"
            columns={[
              {
                key: 'session',
                header: 'Session',
                rowHeader: true,
                cell: (i) => (
                  <Link to="/training/sessions/$id" params={{ id: i.sessionId }}>
                    {i.user}: {i.scenario}
                  </Link>
                ),
              },
              { key: 'coach', header: 'Coach', cell: (i) => i.coach },
              { key: 'sup', header: 'Supervisor', cell: (i) => i.supervisor },
              { key: 'by', header: 'Reviewed by', cell: (i) => i.reviewer },
            ]}
          />
        </Stack>
      )}
    </QueryState>
  );
}
