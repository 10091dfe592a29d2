import { Group, MultiSelect, Paper, SegmentedControl, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { type Dashboard, reportCsvUrl, useDashboard } from '../api/dashboard.js';
import { useEmployees, useTeams } from '../api/directory.js';
import { useDeadlineSettings } from '../api/settings.js';
import { useUsers } from '../api/users.js';
import { useCurrentUser } from '../app/me-context.js';
import { type ChartBar, ChartCard } from '../components/dashboard/chart-card.js';
import { CsvButtons } from '../components/dashboard/csv-buttons.js';
import { Definitions } from '../components/dashboard/definitions.js';
import { FigureTables } from '../components/dashboard/figure-tables.js';
import { Headline } from '../components/dashboard/headline.js';
import { Heatmap } from '../components/dashboard/heatmap.js';
import { PageHeader } from '../components/page-header.js';
import { QueryState } from '../components/query-state.js';
import { RequireAbility } from '../components/require-ability.js';
import { type DashboardFilters, drillDown, filterQuery, PRESET_LABEL, PRESETS, type Preset, periodOf } from '../lib/dashboard-range.js';
import { CHANNEL_LABEL, CHANNELS, ROOT_CAUSE_LABEL, SEVERITY_LABEL } from '../lib/labels.js';

export function DashboardPage() {
  return (
    <RequireAbility ability="readDashboard">
      <DashboardView />
    </RequireAbility>
  );
}

const label = <K extends string>(labels: Record<K, string>, key: string) => labels[key as K] ?? key;

/** The supervisor's and admin's home: how the business is doing, for a period and filters, every figure opening its cases. */
function DashboardView() {
  const me = useCurrentUser();
  const [preset, setPreset] = useState<Preset>('30d');
  const [custom, setCustom] = useState({ from: '', to: '' });
  const [filters, setFilters] = useState<DashboardFilters>({});
  const teams = useTeams();
  const settings = useDeadlineSettings();
  const period = periodOf(preset, new Date(), me.workspace.timeZone, custom);
  const query = { ...period, ...filterQuery(filters) };
  const dashboard = useDashboard(query);
  // A supervisor's dashboard counts their own teams; offering another team would only be refused.
  const teamOptions = (teams.data ?? [])
    .filter((t) => me.role !== 'supervisor' || me.teamIds.includes(t.id))
    .map((t) => ({ value: t.id, label: t.name }));
  const caseTypes = settings.data?.caseTypes ?? [];
  const handlers = (useUsers().data ?? []).map((u) => ({ value: u.id, label: u.name }));
  const parties = (useEmployees().data ?? []).map((e) => ({ value: e.id, label: e.name }));

  return (
    <Stack gap="md">
      <PageHeader
        title="Dashboard"
        description="How conflicts are going: how many, where, how fast you respond, and how customers and employees feel afterwards."
        actions={
          <CsvButtons
            downloads={[
              { label: 'Export figures (CSV)', file: 'dashboard.csv', href: (bom) => reportCsvUrl('dashboard', query, bom) },
              { label: 'Export cases with metrics (CSV)', file: 'case-metrics.csv', href: (bom) => reportCsvUrl('cases', query, bom) },
            ]}
          />
        }
      />
      <Paper withBorder radius="md" p="sm" component="form" aria-label="Period and filters" onSubmit={(e) => e.preventDefault()}>
        <Group gap="sm" align="flex-end" wrap="wrap">
          <SegmentedControl
            value={preset}
            onChange={(v) => setPreset(v as Preset)}
            data={PRESETS.map((p) => ({ value: p, label: PRESET_LABEL[p] }))}
            aria-label="Period"
          />
          {preset === 'custom' ? (
            <>
              <TextInput
                type="date"
                label="From"
                value={custom.from}
                onChange={(e) => setCustom({ ...custom, from: e.currentTarget.value })}
              />
              <TextInput
                type="date"
                label="To (included)"
                value={custom.to}
                onChange={(e) => setCustom({ ...custom, to: e.currentTarget.value })}
              />
            </>
          ) : null}
          <Select
            label="Team"
            placeholder="All your teams"
            clearable
            data={teamOptions}
            value={filters.teamId ?? null}
            onChange={(v) => setFilters({ ...filters, teamId: v ?? undefined })}
          />
          <MultiSelect
            label="Channel"
            placeholder="Any"
            data={CHANNELS.map((c) => ({ value: c, label: CHANNEL_LABEL[c] }))}
            value={filters.channel ?? []}
            onChange={(v) => setFilters({ ...filters, channel: v })}
          />
          <MultiSelect
            label="Severity"
            placeholder="Any"
            data={[1, 2, 3, 4].map((s) => ({ value: String(s), label: SEVERITY_LABEL[s] ?? String(s) }))}
            value={(filters.severity ?? []).map(String)}
            onChange={(v) => setFilters({ ...filters, severity: v.map(Number) })}
          />
          <Select
            label="Handler"
            placeholder="Anyone"
            clearable
            searchable
            data={handlers}
            value={filters.assigneeId ?? null}
            onChange={(v) => setFilters({ ...filters, assigneeId: v ?? undefined })}
          />
          <Select
            label="Employee involved"
            placeholder="Anyone"
            clearable
            searchable
            data={parties}
            value={filters.employeeId ?? null}
            onChange={(v) => setFilters({ ...filters, employeeId: v ?? undefined })}
          />
          {caseTypes.length > 0 ? (
            <Select
              label="Case type"
              placeholder="Any"
              clearable
              data={caseTypes.map((t) => ({ value: t.id, label: t.name }))}
              value={filters.caseTypeId ?? null}
              onChange={(v) => setFilters({ ...filters, caseTypeId: v ?? undefined })}
            />
          ) : null}
        </Group>
      </Paper>
      <QueryState query={dashboard} label="Loading the dashboard" rows={6}>
        {(d) => <Figures d={d} filters={filters} />}
      </QueryState>
      <Definitions />
    </Stack>
  );
}

function Figures({ d, filters }: { d: Dashboard; filters: DashboardFilters }) {
  const drill = (narrow: Parameters<typeof drillDown>[2] = {}) => drillDown(d.period, filters, narrow);
  const bars = (
    items: Dashboard['volume']['byTeam'],
    narrow: (key: string) => Parameters<typeof drillDown>[2] | undefined,
    name = (l: string) => l,
  ) =>
    items.map((b): ChartBar => {
      const n = narrow(b.key);
      return { key: b.key, label: name(b.label), value: b.count, drill: n ? drill(n) : undefined };
    });
  // Each score opens the cases whose customer (or employee) answered with it.
  const stars = (rating: Dashboard['satisfaction']['customer'], side: 'satisfaction' | 'supported'): ChartBar[] =>
    rating.distribution.map((value, i) => ({
      key: String(i + 1),
      label: `${i + 1} of 5`,
      value,
      drill: drill({ [side]: [i + 1] }),
    }));
  return (
    <Stack gap="md">
      <Headline headline={d.headline} />
      <ChartCard
        title="Cases over time"
        description={`Cases reported per ${d.bucket} (${d.timeZone} time).`}
        shape="columns"
        bars={d.volume.overTime.map((b) => ({
          key: b.bucket,
          label: b.bucket,
          value: b.count,
          drill: drillDown({ from: b.from, to: b.to }, filters),
        }))}
      />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <ChartCard
          title="Cases by team"
          description="Cases reported in the period, per team."
          bars={bars(d.volume.byTeam, (key) => (key === 'none' ? undefined : { teamId: key }))}
        />
        <ChartCard
          title="Cases by channel"
          description="Where the conflict came in."
          bars={bars(
            d.volume.byChannel,
            (key) => ({ channel: [key] }),
            (l) => label(CHANNEL_LABEL, l),
          )}
        />
        <ChartCard
          title="Cases by severity"
          description="1 is critical, 4 is low."
          bars={bars(
            d.volume.bySeverity,
            (key) => ({ severity: [Number(key)] }),
            (l) => l.replace(/Severity (\d)/, (_, s) => SEVERITY_LABEL[Number(s)] ?? s),
          )}
        />
        <ChartCard
          title="Cases by root cause"
          description="Closed cases, by the root cause recorded when closing."
          bars={bars(
            d.volume.byRootCause,
            (key) => ({ rootCause: [key] }),
            (l) => label(ROOT_CAUSE_LABEL, l),
          )}
        />
        <ChartCard
          title="Deadline breaches by severity"
          description={`Cases that missed a deadline: ${d.response.breaches.count} of ${d.headline.cases.current ?? 0}.`}
          bars={d.response.breaches.bySeverity.map((s) => ({
            key: String(s.severity),
            label: SEVERITY_LABEL[s.severity] ?? String(s.severity),
            value: s.breached,
            drill: drill({ severity: [s.severity], breached: true }),
          }))}
        />
        <ChartCard
          title="Backlog"
          description="Cases open at the end of each day."
          shape="line"
          bars={d.backlog.map((b) => ({ key: b.date, label: b.date, value: b.open }))}
        />
        <ChartCard
          title="Customer satisfaction after follow-up"
          description={`Answers ${d.satisfaction.customer.answered} of ${d.satisfaction.customer.asked} asked; mean ${d.satisfaction.customer.mean ?? '—'}. Click a score to see its cases.`}
          bars={stars(d.satisfaction.customer, 'satisfaction')}
          unit="answers"
        />
        <ChartCard
          title="Employees felt supported after follow-up"
          description={`Answers ${d.satisfaction.employee.answered} of ${d.satisfaction.employee.asked} asked; mean ${d.satisfaction.employee.mean ?? '—'}. Click a score to see its cases.`}
          bars={stars(d.satisfaction.employee, 'supported')}
          unit="answers"
        />
      </SimpleGrid>
      <FigureTables d={d} />
      <Heatmap cells={d.heatmap} timeZone={d.timeZone} />
    </Stack>
  );
}
