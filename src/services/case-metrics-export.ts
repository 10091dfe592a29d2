import { csvLine, UTF8_BOM } from '../domain/csv-cells.js';
import { minutesBetween } from '../domain/dashboard-metrics.js';
import { answeredFollowUpsOf, caseMetricPage, type DashboardFilter } from '../store/dashboard.js';
import { listTeams, listUsers } from '../store/workspaces.js';
import { recordAccess } from './access-log.js';
import type { ServiceContext } from './context.js';
import { type DashboardQuery, filterFor } from './dashboard.js';

/** The columns of the per-case export, in order. */
export const CASE_METRIC_COLUMNS = [
  'ref',
  'reportedAt',
  'status',
  'team',
  'handler',
  'channel',
  'severity',
  'rootCause',
  'minutesToAcknowledge',
  'minutesToResolve',
  'acknowledgeBreached',
  'resolveBreached',
  'customerSatisfaction',
  'employeeFeltSupported',
  'impactKind',
  'impactAmount',
  'impactCurrency',
] as const;

const PAGE = 5000;

const average = (values: number[]) =>
  values.length === 0 ? null : Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 100) / 100;

/**
 * One CSV row per case of the period the reader may list, with its metrics, oldest first. Read a page
 * at a time and yielded as it goes, so a million rows never sit in memory. The reader's right to the
 * filters is checked, and the export access-logged, before this resolves: a refusal is an answer,
 * not a stream broken after its headers.
 */
export async function caseMetricsCsv(
  ctx: ServiceContext,
  query: DashboardQuery,
  options: { bom?: boolean | undefined } = {},
): Promise<AsyncGenerator<string>> {
  const filter = await filterFor(ctx, query, { from: query.from, to: query.to });
  const ws = ctx.actor.workspaceId;
  const [teams, users] = await Promise.all([listTeams(ctx.db, ws), listUsers(ctx.db, ws)]);
  const teamName = new Map(teams.map((t) => [t.id, t.name]));
  const userName = new Map(users.map((u) => [u.id, u.name]));
  await recordAccess(ctx, {
    action: 'export',
    resource: 'dashboard',
    subjectId: ws,
    subjectLabel: `cases reported ${query.from} to ${query.to}`,
  });
  return rowsOf(ctx, filter, teamName, userName, options.bom ?? false);
}

async function* rowsOf(
  ctx: ServiceContext,
  filter: DashboardFilter,
  teamName: Map<string, string>,
  userName: Map<string, string>,
  bom: boolean,
): AsyncGenerator<string> {
  const ws = ctx.actor.workspaceId;
  yield (bom ? UTF8_BOM : '') + csvLine(CASE_METRIC_COLUMNS);
  let after: { reportedAt: string; id: string } | undefined;
  for (;;) {
    const page = await caseMetricPage(ctx.db, filter, after, PAGE);
    if (page.length === 0) return;
    const answers = await answeredFollowUpsOf(
      ctx.db,
      ws,
      page.map((c) => c.id),
    );
    const customer = new Map<string, number[]>();
    const employee = new Map<string, number[]>();
    for (const a of answers) {
      if (a.party === 'customer' && a.satisfaction !== null)
        customer.set(a.case_id, [...(customer.get(a.case_id) ?? []), Number(a.satisfaction)]);
      const felt = a.party === 'employee' && a.answer ? (JSON.parse(a.answer) as { feltSupported?: number }).feltSupported : undefined;
      if (typeof felt === 'number') employee.set(a.case_id, [...(employee.get(a.case_id) ?? []), felt]);
    }
    let chunk = '';
    for (const c of page) {
      chunk += csvLine([
        c.ref,
        c.reported_at,
        c.status,
        c.team_id ? (teamName.get(c.team_id) ?? null) : null,
        c.assignee_id ? (userName.get(c.assignee_id) ?? null) : null,
        c.channel,
        c.severity,
        c.root_cause_category,
        c.acknowledged_at ? minutesBetween(c.reported_at, c.acknowledged_at) : null,
        c.resolved_at ? minutesBetween(c.reported_at, c.resolved_at) : null,
        c.acknowledge_breached_at !== null,
        c.resolve_breached_at !== null,
        average(customer.get(c.id) ?? []),
        average(employee.get(c.id) ?? []),
        c.impact_kind,
        c.impact_amount_minor === null ? null : c.impact_amount_minor / 100,
        c.impact_currency,
      ]);
    }
    yield chunk;
    const last = page.at(-1);
    if (!last || page.length < PAGE) return;
    after = { reportedAt: last.reported_at, id: last.id };
  }
}
