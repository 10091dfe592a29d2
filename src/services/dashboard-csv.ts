import { type CsvValue, csvLine, UTF8_BOM } from '../domain/csv-cells.js';
import type { Dashboard } from './dashboard.js';
import type { PeopleReport } from './people-report.js';

/** One table of a report: a name, a header and its rows. */
export type ReportTable = { name: string; columns: string[]; rows: CsvValue[][] };

const money = (minor: number) => minor / 100;

/** The dashboard's tables: what each chart shows, with the previous period beside the headline. */
export function dashboardTables(d: Dashboard): ReportTable[] {
  return [
    {
      name: 'headline',
      columns: ['figure', 'current', 'previous', 'change'],
      rows: Object.entries(d.headline).map(([figure, c]) => [figure, c.current, c.previous, c.change]),
    },
    {
      name: 'volume over time',
      columns: ['bucket', 'from', 'to', 'cases'],
      rows: d.volume.overTime.map((b) => [b.bucket, b.from, b.to, b.count]),
    },
    { name: 'volume by team', columns: ['team', 'cases'], rows: d.volume.byTeam.map((b) => [b.label, b.count]) },
    { name: 'volume by channel', columns: ['channel', 'cases'], rows: d.volume.byChannel.map((b) => [b.label, b.count]) },
    { name: 'volume by severity', columns: ['severity', 'cases'], rows: d.volume.bySeverity.map((b) => [b.key, b.count]) },
    { name: 'volume by root cause', columns: ['root cause', 'cases'], rows: d.volume.byRootCause.map((b) => [b.label, b.count]) },
    {
      name: 'response times (minutes)',
      columns: ['clock', 'measured', 'median', 'p90'],
      rows: [
        ['acknowledge', d.response.acknowledge.count, d.response.acknowledge.median, d.response.acknowledge.p90],
        ['resolve', d.response.resolve.count, d.response.resolve.median, d.response.resolve.p90],
      ],
    },
    {
      name: 'breaches by severity',
      columns: ['severity', 'cases', 'breached', 'rate'],
      rows: d.response.breaches.bySeverity.map((s) => [s.severity, s.cases, s.breached, s.rate]),
    },
    {
      name: 'satisfaction after follow-up',
      columns: ['side', 'asked', 'answered', 'response rate', 'mean', 'share 4-5', '1', '2', '3', '4', '5'],
      rows: (['customer', 'employee'] as const).map((side) => {
        const r = d.satisfaction[side];
        return [side, r.asked, r.answered, r.responseRate, r.mean, r.goodShare, ...r.distribution];
      }),
    },
    {
      name: 'cost by kind',
      columns: ['kind', 'currency', 'amount', 'cases'],
      rows: d.cost.byKind.map((c) => [c.kind, c.currency, money(c.amountMinor), c.cases]),
    },
    {
      name: 'cost by team',
      columns: ['team', 'currency', 'amount', 'cases'],
      rows: d.cost.byTeam.map((c) => [c.label, c.currency, money(c.amountMinor), c.cases]),
    },
    {
      name: 'commitments by owner',
      columns: ['owner', 'closed', 'kept on time', 'broken', 'overdue now', 'rate'],
      rows: d.commitments.byOwner.map((t) => [t.label, t.closed, t.keptOnTime, t.broken, t.overdueNow, t.rate]),
    },
    { name: 'coach scores by part', columns: ['part', 'average'], rows: d.coaching.parts.map((p) => [p.part, p.average]) },
    {
      name: 'themes',
      columns: ['theme', 'cases', 'previous period', 'trend'],
      rows: d.themes.map((t) => [t.label, t.cases, t.previous, t.trend]),
    },
    { name: 'backlog', columns: ['date', 'open at day end'], rows: d.backlog.map((b) => [b.date, b.open]) },
    { name: 'when conflicts happen', columns: ['weekday', 'hour', 'cases'], rows: d.heatmap.map((h) => [h.weekday, h.hour, h.count]) },
  ];
}

/** Tables as one CSV file: each one headed by its name, a blank line between them; optionally with a BOM. */
export function tablesCsv(tables: readonly ReportTable[], bom = false): string {
  const parts = tables.map((t) => [csvLine([t.name]), csvLine(t.columns), ...t.rows.map(csvLine)].join(''));
  return (bom ? UTF8_BOM : '') + parts.join('\r\n');
}

/** HR's view of people as tables. */
export function peopleTables(r: PeopleReport): ReportTable[] {
  return [
    {
      name: 'conflicts per employee (primary party)',
      columns: ['employee', 'team', 'cases', 'cases with a loss'],
      rows: r.conflicts.map((c) => [c.name, c.team, c.cases, c.casesWithLoss]),
    },
    {
      name: 'above a review rule',
      columns: ['employee', 'rule', 'counted', 'threshold'],
      rows: r.aboveThreshold.map((a) => [a.name, a.rule, a.counted, a.threshold]),
    },
    { name: 'support requests', columns: ['kind', 'status', 'requests'], rows: r.support.map((s) => [s.kind, s.status, s.count]) },
    {
      name: 'training',
      columns: ['assigned', 'done', 'overdue', 'completion', 'sessions', 'passed', 'pass rate'],
      rows: [
        [
          r.training.assigned,
          r.training.done,
          r.training.overdue,
          r.training.completion,
          r.training.sessions,
          r.training.passed,
          r.training.passRate,
        ],
      ],
    },
  ];
}
