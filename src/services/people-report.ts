import { describeRule, evaluateRule, reachOf, windowStart } from '../domain/review-rules.js';
import { supportRequestCounts } from '../store/dashboard.js';
import { findEmployees } from '../store/people.js';
import { ruleFactsSince } from '../store/review-facts.js';
import { listTeams } from '../store/workspaces.js';
import { recordAccess } from './access-log.js';
import { requirePermission } from './authorization.js';
import type { ServiceContext } from './context.js';
import { type DashboardQuery, workspaceTimeZone } from './dashboard.js';
import { refreshRollups } from './dashboard-summaries.js';
import { conflictsOf } from './people-conflicts.js';
import { toRule, workspaceRules } from './review-rules.js';
import { type CompletionReport, completionReport } from './training-reports.js';

export type PeopleReport = {
  period: { from: string; to: string };
  /** Cases of the period per employee as their primary party, most first. */
  conflicts: { employeeId: string; name: string; team: string | null; cases: number; casesWithLoss: number }[];
  /** Who a review rule's count reaches today (whether or not HR has been flagged yet), rule by rule. */
  aboveThreshold: {
    ruleId: string;
    rule: string;
    description: string;
    employeeId: string;
    name: string;
    counted: number;
    threshold: number;
  }[];
  support: { kind: string | null; status: string; count: number }[];
  training: CompletionReport['overall'];
};

/**
 * HR's view of people: conflicts per employee, who is above a review rule's threshold, support
 * requests and training completion. HR data, so every read is written to the access log.
 */
export async function readPeopleReport(
  ctx: ServiceContext,
  query: Pick<DashboardQuery, 'from' | 'to' | 'teamId'>,
  options: { fromCases?: boolean } = {},
): Promise<PeopleReport> {
  requirePermission(ctx.actor, 'read', 'people_report');
  const ws = ctx.actor.workspaceId;
  const period = { from: query.from, to: query.to };
  if (!options.fromCases) await refreshRollups(ctx.db, ws, await workspaceTimeZone(ctx));
  const [conflicts, teams, rules, support, training] = await Promise.all([
    conflictsOf(ctx.db, { workspaceId: ws, ...period, teamId: query.teamId }, options),
    listTeams(ctx.db, ws),
    workspaceRules(ctx.db, ws, ctx.now),
    supportRequestCounts(ctx.db, ws, period),
    completionReport(ctx),
  ]);
  const teamName = new Map(teams.map((t) => [t.id, t.name]));
  const employees = new Map(
    (
      await findEmployees(
        ctx.db,
        ws,
        conflicts.map((c) => c.employee_id),
      )
    ).map((e) => [e.id, e]),
  );
  const aboveThreshold: PeopleReport['aboveThreshold'] = [];
  const enabled = rules.map(toRule).filter((r) => r.enabled);
  if (enabled.length > 0) {
    const since = windowStart(ctx.now, Math.max(...enabled.map((r) => r.windowMonths))).toISOString();
    // Every employee's cases since the longest window that a rule can weigh, read at once (not a
    // query per employee, and not the cases no rule counts).
    const factsBy = await ruleFactsSince(ctx.db, ws, since, undefined, reachOf(enabled));
    const names = new Map((await findEmployees(ctx.db, ws, [...factsBy.keys()])).map((e) => [e.id, e.name]));
    for (const [employeeId, facts] of factsBy) {
      for (const rule of enabled) {
        const outcome = evaluateRule(rule, facts, ctx.now);
        if (!outcome.flagged) continue;
        aboveThreshold.push({
          ruleId: rule.id,
          rule: rule.name,
          description: describeRule(rule),
          employeeId,
          name: names.get(employeeId) ?? '',
          counted: outcome.total,
          threshold: rule.threshold,
        });
      }
    }
  }
  await recordAccess(ctx, {
    action: 'read',
    resource: 'people_report',
    subjectId: ws,
    subjectLabel: `people ${period.from} to ${period.to}`,
  });
  return {
    period,
    conflicts: conflicts
      .flatMap((c) => {
        const e = employees.get(c.employee_id);
        if (!e) return [];
        const team = e.team_id ? (teamName.get(e.team_id) ?? null) : null;
        return [{ employeeId: c.employee_id, name: e.name, team, cases: c.cases, casesWithLoss: c.with_loss }];
      })
      .sort((a, b) => b.cases - a.cases || a.name.localeCompare(b.name)),
    aboveThreshold: aboveThreshold.sort((a, b) => a.name.localeCompare(b.name) || a.rule.localeCompare(b.rule)),
    support: support.map((s) => ({ kind: s.kind, status: s.status, count: s.n })),
    training: training.overall,
  };
}
