import { isoWeekOf } from '../domain/iso-week.js';
import { authorize } from '../domain/permissions.js';
import { caseSignalRows, listDigestRows, themesOfCases } from '../store/digests.js';
import { listThemeRows } from '../store/themes.js';
import { listTeams } from '../store/workspaces.js';
import { agendaWindow } from './agendas.js';
import { listScope, requirePermission } from './authorization.js';
import type { ServiceContext } from './context.js';
import { parseSelection } from './digests.js';
import { themeName } from './theme-trends.js';

/**
 * The management summary (seed 001: the same exercise in management meetings, looking for what
 * repeats): over the teams the reader leads or oversees, the themes and root causes that more than
 * one team shares, with counts, so leaders can tell what is organisational from what is local.
 */

type TeamCount = { teamId: string; name: string; count: number };
type Shared = { total: number; teams: TeamCount[] };
export type ManagementSummary = {
  week: string;
  from: string;
  to: string;
  teams: { id: string; name: string; cases: number; agendaId: string | null; agendaStatus: string | null }[];
  sharedThemes: (Shared & { id: string; label: string })[];
  sharedRootCauses: (Shared & { category: string })[];
  /** Themes and root causes seen in one team only, counted. */
  localThemes: number;
  localRootCauses: number;
  rule: string;
};

export const SUMMARY_RULE =
  'Over the four weeks ending with the week: a theme or root cause is shared when cases of two or more teams have it; counts are cases.';

export async function managementSummary(ctx: ServiceContext, query: { week?: string | undefined }): Promise<ManagementSummary> {
  requirePermission(ctx.actor, 'read', 'management_summary');
  const week = query.week ?? isoWeekOf(ctx.now);
  const { from, to } = agendaWindow(week);
  const ws = ctx.actor.workspaceId;
  const scope = listScope(ctx.actor, 'management_summary');
  const teams = (await listTeams(ctx.db, ws)).filter((t) => scope.all || scope.teamIds.includes(t.id));
  const rows = await caseSignalRows(ctx.db, ws, { teamIds: teams.map((t) => t.id), from: from.toISOString(), to: to.toISOString() });
  const teamName = new Map(teams.map((t) => [t.id, t.name]));
  const members = await themesOfCases(
    ctx.db,
    ws,
    rows.map((r) => r.id),
  );
  const themes = new Map((await listThemeRows(ctx.db, ws, ['active'])).map((t) => [t.id, t]));
  const teamOfCase = new Map(rows.map((r) => [r.id, r.team_id as string]));

  const tally = (pairs: [string, string][]) => {
    const by = new Map<string, Map<string, number>>();
    for (const [key, team] of pairs) {
      const m = by.get(key) ?? new Map<string, number>();
      m.set(team, (m.get(team) ?? 0) + 1);
      by.set(key, m);
    }
    return [...by].map(([key, m]) => ({
      key,
      total: [...m.values()].reduce((a, b) => a + b, 0),
      teams: [...m].map(([teamId, count]) => ({ teamId, name: teamName.get(teamId) ?? 'a team', count })).sort((a, b) => b.count - a.count),
    }));
  };
  const themeTally = tally(members.filter((m) => themes.has(m.theme_id)).map((m) => [m.theme_id, teamOfCase.get(m.case_id) as string]));
  const causeTally = tally(rows.filter((r) => r.root_cause_category).map((r) => [r.root_cause_category as string, r.team_id as string]));
  const byTotal = <T extends { total: number }>(a: T, b: T) => b.total - a.total;
  const agendas = await listDigestRows(ctx.db, ws, { kind: 'team_meeting', period: week, teamIds: teams.map((t) => t.id) });
  return {
    week,
    from: from.toISOString(),
    to: to.toISOString(),
    teams: teams.map((t) => {
      const agenda = agendas.find((a) => a.team_id === t.id && authorize(ctx.actor, 'read', 'agenda', { teamIds: [t.id] }));
      return {
        id: t.id,
        name: t.name,
        cases: rows.filter((r) => r.team_id === t.id).length,
        agendaId: agenda?.id ?? null,
        agendaStatus: agenda
          ? agenda.status === 'approved'
            ? 'approved'
            : parseSelection(agenda).stories.length
              ? 'draft'
              : 'empty'
          : null,
      };
    }),
    sharedThemes: themeTally
      .filter((t) => t.teams.length > 1)
      .sort(byTotal)
      .map((t) => ({
        id: t.key,
        label: themeName(themes.get(t.key) as NonNullable<ReturnType<typeof themes.get>>),
        total: t.total,
        teams: t.teams,
      })),
    sharedRootCauses: causeTally
      .filter((c) => c.teams.length > 1)
      .sort(byTotal)
      .map((c) => ({ category: c.key, total: c.total, teams: c.teams })),
    localThemes: themeTally.filter((t) => t.teams.length === 1).length,
    localRootCauses: causeTally.filter((c) => c.teams.length === 1).length,
    rule: SUMMARY_RULE,
  };
}
