import { themeTrend } from '../insights/theme-trend.js';
import type { Db } from '../store/schema.js';
import { caseHeadlines } from '../store/theme-documents.js';
import { countMembersBetween, listMemberRows, listThemeRows, updateThemeRow } from '../store/themes.js';
import { supervisorsOf } from '../store/users.js';
import { notifyPeople } from './notifications.js';

const DAY = 86_400_000;

/** What a theme is called: the name a person gave it, else the mined label. */
export const themeName = (t: { label: string; custom_label: string | null }): string => t.custom_label ?? t.label;

/**
 * Recomputes the trend of the workspace's active themes (or the ones named) by the rule in
 * insights/theme-trend.ts, against the pace of all themed cases. A theme that has just become emerging raises an in-app alert to the
 * supervisors of the teams its recent cases came from (the admins when a team has none), once per
 * rise: it is not raised again until the theme has stopped emerging.
 */
export async function refreshThemeTrends(db: Db, workspaceId: string, now: Date, themeIds?: readonly string[]): Promise<void> {
  const themes = (await listThemeRows(db, workspaceId)).filter((t) => !themeIds || themeIds.includes(t.id));
  const members = await listMemberRows(
    db,
    workspaceId,
    themes.map((t) => t.id),
  );
  const iso = (days: number) => new Date(now.getTime() - days * DAY).toISOString();
  const overall = {
    recent: await countMembersBetween(db, workspaceId, iso(14), now.toISOString()),
    before: await countMembersBetween(db, workspaceId, iso(56), iso(14)),
  };
  const byTheme = new Map<string, typeof members>();
  for (const m of members) byTheme.set(m.theme_id, [...(byTheme.get(m.theme_id) ?? []), m]);
  for (const theme of themes) {
    const list = byTheme.get(theme.id) ?? [];
    const { trend, recent, expected } = themeTrend(
      list.map((m) => m.doc_at),
      now,
      overall,
    );
    const emergingSince = trend === 'emerging' ? (theme.emerging_since ?? now.toISOString()) : null;
    if (trend === theme.trend && emergingSince === theme.emerging_since) continue;
    await updateThemeRow(db, workspaceId, theme.id, { trend, emerging_since: emergingSince }, now);
    if (trend !== 'emerging' || theme.emerging_since !== null) continue;
    const recentCases = list.filter((m) => m.case_id && now.getTime() - Date.parse(m.doc_at) < 14 * DAY).map((m) => m.case_id as string);
    const teams = new Set((await caseHeadlines(db, workspaceId, recentCases)).map((c) => c.team_id));
    const people = (await Promise.all([...teams].map((t) => supervisorsOf(db, workspaceId, t)))).flat();
    await notifyPeople(
      db,
      people,
      {
        kind: 'theme_emerging',
        caseId: null,
        title: `Emerging theme: ${themeName(theme)}`,
        body: `${recent} cases in the last 14 days, against about ${expected} in a usual fortnight before. Open Themes to see them.`,
      },
      now,
    );
  }
}
