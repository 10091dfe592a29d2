import { AppError, notFound } from '../domain/errors.js';
import { authorize } from '../domain/permissions.js';
import { themeTrend, type Volume, type WeeklyCount } from '../insights/theme-trend.js';
import type { CaseListScope } from '../store/cases.js';
import type { Db, ThemeRow } from '../store/schema.js';
import { casesInScope } from '../store/theme-documents.js';
import { countMembersBetween, findRunRow, latestRunRow, listMemberFacts, listThemeRows, type MemberFactsRow } from '../store/themes.js';
import { listTeams } from '../store/workspaces.js';
import { caseScopeOf, listScope, requirePermission } from './authorization.js';
import type { ServiceContext } from './context.js';
import { type ThemeRunView, toRunView } from './theme-mining.js';
import { themeName } from './theme-trends.js';

export type ThemeExample = { ref: string; title: string; status: string; reportedAt: string; phrases: string[]; pinned: boolean };

export type ThemeDetail = {
  weekly: WeeklyCount[];
  /** Cases in the last 14 days, and the usual count of a fortnight in the six weeks before. */
  recent: number;
  expected: number;
  teams: { teamId: string | null; name: string; count: number }[];
  channels: { channel: string; count: number }[];
  rootCauses: { category: string; count: number }[];
  /** Agreed resolution costs (else reported financial impact), summed per currency, in major units. */
  cost: { amount: number; currency: string }[];
};

export type ThemeView = {
  id: string;
  label: string;
  minedLabel: string;
  customLabel: string | null;
  phrases: string[];
  /** Documents of the theme (within the filters), counted across the workspace. */
  size: number;
  trend: ThemeRow['trend'];
  emergingSince: string | null;
  locked: boolean;
  origin: ThemeRow['origin'];
  /** Present for readers who may see a theme's figures (supervisors, HR, admins). */
  detail?: ThemeDetail;
  /** Its most typical cases, only those the reader may open. */
  examples: ThemeExample[];
  can: { update: boolean };
};

export type ThemeQuery = { since?: string | undefined; teamId?: string | undefined };

/** How much a reader gets: the figures or not, and which cases (undefined scope: every case). */
export type ThemeReader = { detail: boolean; caseScope: CaseListScope | undefined | 'none'; canUpdate: boolean; examples: number };

/** The themes of the workspace, largest first, with the last finished and the pending mining run. */
export async function listThemes(
  ctx: ServiceContext,
  query: ThemeQuery,
): Promise<{ items: ThemeView[]; nextCursor: null; lastRun: ThemeRunView | null; pendingRun: ThemeRunView | null }> {
  requirePermission(ctx.actor, 'list', 'theme');
  const ws = ctx.actor.workspaceId;
  const [items, last, pending] = await Promise.all([
    themeViews(ctx.db, ws, query, readerOf(ctx, 3), ctx.now),
    latestRunRow(ctx.db, ws, ['done', 'failed']),
    latestRunRow(ctx.db, ws, ['queued', 'running']),
  ]);
  return { items, nextCursor: null, lastRun: last ? toRunView(last) : null, pendingRun: pending ? toRunView(pending) : null };
}

/** One theme with more of its typical cases. A merged theme answers with the theme it went into. */
export async function getTheme(ctx: ServiceContext, id: string): Promise<ThemeView> {
  requirePermission(ctx.actor, 'read', 'theme');
  const views = await themeViews(ctx.db, ctx.actor.workspaceId, {}, readerOf(ctx, 12), ctx.now, id);
  const view = views[0];
  if (!view) throw notFound('Theme');
  return view;
}

export async function getThemeRun(ctx: ServiceContext, id: string): Promise<ThemeRunView> {
  requirePermission(ctx.actor, 'read', 'theme');
  const row = await findRunRow(ctx.db, ctx.actor.workspaceId, id);
  if (!row) throw notFound('Mining run');
  return toRunView(row);
}

function readerOf(ctx: ServiceContext, examples: number): ThemeReader {
  return {
    detail: authorize(ctx.actor, 'read', 'theme_detail'),
    caseScope: caseScopeOf(listScope(ctx.actor, 'case')),
    canUpdate: authorize(ctx.actor, 'update', 'theme'),
    examples,
  };
}

/** Builds the views of the active themes (or of one, following merges) for a reader. */
export async function themeViews(
  db: Db,
  workspaceId: string,
  query: ThemeQuery,
  reader: ThemeReader,
  now: Date,
  onlyId?: string,
): Promise<ThemeView[]> {
  let themes = await listThemeRows(db, workspaceId, onlyId ? ['active', 'merged', 'retired'] : ['active']);
  if (onlyId) {
    let theme = themes.find((t) => t.id === onlyId);
    for (let hops = 0; theme?.status === 'merged' && theme.merged_into && hops < 20; hops++) {
      const into: string = theme.merged_into;
      theme = themes.find((t) => t.id === into);
    }
    themes = theme ? [theme] : [];
  }
  if (themes.length === 0) return [];
  const facts = await listMemberFacts(db, workspaceId, onlyId ? themes[0]?.id : undefined);
  const inFilter = facts.filter((m) => (!query.since || m.doc_at >= query.since) && (!query.teamId || m.team_id === query.teamId));
  const byTheme = new Map<string, MemberFactsRow[]>();
  for (const m of inFilter) byTheme.set(m.theme_id, [...(byTheme.get(m.theme_id) ?? []), m]);
  const teamNames = new Map((await listTeams(db, workspaceId)).map((t) => [t.id, t.name]));
  // The pace of the whole workspace, as the stored trend was judged by (see theme-trends.ts).
  const iso = (days: number) => new Date(now.getTime() - days * 86_400_000).toISOString();
  const overall: Volume = {
    recent: await countMembersBetween(db, workspaceId, iso(14), now.toISOString()),
    before: await countMembersBetween(db, workspaceId, iso(56), iso(14)),
  };
  // Example cases: the most typical members the reader may open.
  const candidates = themes.flatMap((t) =>
    (byTheme.get(t.id) ?? [])
      .filter((m) => m.case_id)
      .slice(0, reader.examples * 8)
      .map((m) => m.case_id as string),
  );
  const visible = reader.caseScope === 'none' ? new Set<string>() : await casesInScope(db, workspaceId, reader.caseScope, candidates);
  const views: ThemeView[] = [];
  for (const t of themes) {
    const members = byTheme.get(t.id) ?? [];
    if (members.length === 0 && (query.since || query.teamId || !onlyId)) continue;
    const view: ThemeView = {
      id: t.id,
      label: themeName(t),
      minedLabel: t.label,
      customLabel: t.custom_label,
      phrases: JSON.parse(t.phrases) as string[],
      size: members.length,
      trend: t.trend,
      emergingSince: t.emerging_since,
      locked: t.locked === 1,
      origin: t.origin,
      examples: members
        .filter((m) => m.case_id && visible.has(m.case_id))
        .slice(0, reader.examples)
        .map((m) => ({
          ref: m.ref as string,
          title: m.title as string,
          status: m.status as string,
          reportedAt: m.doc_at,
          phrases: JSON.parse(m.phrases) as string[],
          pinned: m.pinned === 1,
        })),
      can: { update: reader.canUpdate && t.status === 'active' },
    };
    if (reader.detail) view.detail = detailOf(members, teamNames, now, overall);
    views.push(view);
  }
  return views.sort((a, b) => b.size - a.size || a.label.localeCompare(b.label));
}

function detailOf(members: readonly MemberFactsRow[], teamNames: Map<string, string>, now: Date, overall: Volume): ThemeDetail {
  const count = <K>(pick: (m: MemberFactsRow) => K | null) => {
    const out = new Map<K, number>();
    for (const m of members) {
      const k = pick(m);
      if (k !== null) out.set(k, (out.get(k) ?? 0) + 1);
    }
    return [...out].sort((a, b) => b[1] - a[1]);
  };
  const cost = new Map<string, number>();
  for (const m of members) {
    const c =
      m.cost_minor !== null && m.cost_currency
        ? [m.cost_minor, m.cost_currency]
        : m.impact_amount_minor !== null && m.impact_currency
          ? [m.impact_amount_minor, m.impact_currency]
          : null;
    if (c) cost.set(c[1] as string, (cost.get(c[1] as string) ?? 0) + (c[0] as number));
  }
  const { weekly, recent, expected } = themeTrend(
    members.map((m) => m.doc_at),
    now,
    overall,
  );
  return {
    weekly,
    recent,
    expected,
    teams: count((m) => (m.case_id ? (m.team_id ?? '') : null)).map(([id, n]) => ({
      teamId: id || null,
      name: id ? (teamNames.get(id) ?? 'Unknown team') : 'No team',
      count: n,
    })),
    channels: count((m) => m.channel).map(([channel, n]) => ({ channel, count: n })),
    rootCauses: count((m) => m.root_cause_category).map(([category, n]) => ({ category, count: n })),
    cost: [...cost].map(([currency, minor]) => ({ currency, amount: minor / 100 })).sort((a, b) => b.amount - a.amount),
  };
}

/** A theme the actor may change, or 404; a theme that is no longer active (merged, retired) answers 409. */
export async function loadActiveTheme(ctx: ServiceContext, id: string): Promise<ThemeRow> {
  requirePermission(ctx.actor, 'update', 'theme');
  const row = (await listThemeRows(ctx.db, ctx.actor.workspaceId, ['active', 'merged', 'retired'])).find((t) => t.id === id);
  if (!row) throw notFound('Theme');
  if (row.status !== 'active') throw new AppError('conflict', `This theme was ${row.status}; change the theme it lives on in instead`);
  return row;
}
