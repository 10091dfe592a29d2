import { AppError, invalid, notFound } from '../domain/errors.js';
import { authorize } from '../domain/permissions.js';
import { centroidOfTexts } from '../insights/place-document.js';
import { caseDocumentRows } from '../store/theme-documents.js';
import { findMemberRow, findThemeRow, insertThemeRow, listMemberRows, updateThemeRow, upsertMemberRow } from '../store/themes.js';
import { loadCase } from './case-helpers.js';
import { inTransaction, type ServiceContext } from './context.js';
import { loadPlacer } from './place-theme.js';
import { caseDocId, caseDocument } from './theme-documents.js';
import { refreshThemeTrends, themeName } from './theme-trends.js';
import { getTheme, loadActiveTheme, type ThemeView } from './themes.js';

/**
 * People steer themes, and every re-mine honours what they did (see insights/match-themes.ts):
 * a name they gave stays; a locked theme keeps its label and every case in it; a merged theme's
 * cases are pinned to the theme it went into and whatever the mine finds like it follows them; a
 * case moved or split off is pinned where they put it.
 */

/** Renames a theme (null: back to the mined label) and/or locks or unlocks it. */
export async function updateTheme(
  ctx: ServiceContext,
  id: string,
  patch: { label?: string | null | undefined; locked?: boolean | undefined },
): Promise<ThemeView> {
  await inTransaction(ctx.db, async (db) => {
    const theme = await loadActiveTheme({ ...ctx, db }, id);
    const label = patch.label === undefined ? undefined : patch.label?.trim() || null;
    await updateThemeRow(
      db,
      ctx.actor.workspaceId,
      theme.id,
      { ...(label !== undefined ? { custom_label: label } : {}), ...(patch.locked !== undefined ? { locked: patch.locked ? 1 : 0 } : {}) },
      ctx.now,
    );
  });
  return getTheme(ctx, id);
}

/** Merges a theme into another: its cases move there, pinned, and re-mines send its look-alikes after them. */
export async function mergeThemes(ctx: ServiceContext, id: string, intoId: string): Promise<ThemeView> {
  if (id === intoId) throw invalid('into', 'choose another theme to merge into');
  await inTransaction(ctx.db, async (db) => {
    const sctx = { ...ctx, db };
    const from = await loadActiveTheme(sctx, id);
    const into = await loadActiveTheme(sctx, intoId).catch((error: unknown) => {
      throw error instanceof AppError && error.code === 'not_found' ? invalid('into', 'no such theme') : error;
    });
    const ws = ctx.actor.workspaceId;
    const members = await listMemberRows(db, ws, [from.id, into.id]);
    // A merge is a person's word that these cases belong together: they are pinned to the theme they went into.
    for (const m of members.filter((m) => m.theme_id === from.id))
      await upsertMemberRow(db, { ...m, theme_id: into.id, pinned: 1, source: 'person', assigned_at: ctx.now.toISOString() });
    // The merged centroid weighs each side by its size, so placing new cases sees both.
    const sizeFrom = members.filter((m) => m.theme_id === from.id).length;
    const sizeInto = members.length - sizeFrom;
    const combined = new Map<string, number>();
    for (const [t, w] of JSON.parse(into.centroid) as [string, number][]) combined.set(t, w * Math.max(1, sizeInto));
    for (const [t, w] of JSON.parse(from.centroid) as [string, number][])
      combined.set(t, (combined.get(t) ?? 0) + w * Math.max(1, sizeFrom));
    const norm = Math.sqrt([...combined.values()].reduce((a, w) => a + w * w, 0)) || 1;
    const centroid = [...combined]
      .map(([t, w]) => [t, Math.round((w / norm) * 1e5) / 1e5] as [string, number])
      .sort((a, b) => b[1] - a[1])
      .slice(0, 200);
    await updateThemeRow(
      db,
      ws,
      into.id,
      { centroid: JSON.stringify(centroid), floor: Math.min(into.floor, from.floor), size: members.length },
      ctx.now,
    );
    await updateThemeRow(db, ws, from.id, { status: 'merged', merged_into: into.id, size: 0 }, ctx.now);
    await refreshThemeTrends(db, ws, ctx.now, [into.id]);
  });
  return getTheme(ctx, intoId);
}

/** Splits the named cases off a theme into a new one with the label given; they are pinned there. */
export async function splitTheme(ctx: ServiceContext, id: string, input: { label: string; caseRefs: string[] }): Promise<ThemeView> {
  const label = input.label.trim();
  if (!label) throw invalid('label', 'name the new theme');
  const newId = await inTransaction(ctx.db, async (db) => {
    const sctx = { ...ctx, db };
    const theme = await loadActiveTheme(sctx, id);
    const ws = ctx.actor.workspaceId;
    const caseIds: string[] = [];
    for (const ref of new Set(input.caseRefs)) {
      // Only cases the actor may open; any other reads as not in the theme, so refs cannot be probed.
      const kase = await loadCase(db, ctx.actor, ref).then(
        (c) => c.row,
        () => undefined,
      );
      const member = kase ? await findMemberRow(db, ws, caseDocId(kase.id)) : undefined;
      if (!kase || member?.theme_id !== theme.id) throw invalid('caseRefs', `${ref} is not a case of this theme`);
      caseIds.push(kase.id);
    }
    if (caseIds.length === 0) throw invalid('caseRefs', 'name at least one case of this theme');
    const rows = await caseDocumentRows(db, ws, caseIds);
    const loaded = await loadPlacer(db, ws);
    if (!loaded) throw new AppError('conflict', 'Themes have not been mined yet');
    const docs = rows.map(caseDocument);
    const { centroid, floor } = centroidOfTexts(
      loaded.model,
      docs.map((d) => d.text),
    );
    const created = await insertThemeRow(
      db,
      {
        workspace_id: ws,
        label,
        origin: 'person',
        status: 'active',
        trend: 'steady',
        phrases: JSON.stringify([]),
        centroid: JSON.stringify(centroid),
        floor,
        size: docs.length,
      },
      ctx.now,
    );
    await updateThemeRow(db, ws, created.id, { custom_label: label }, ctx.now);
    for (const doc of docs) await pinCase(db, ws, doc, created.id, [], ctx.now);
    await refreshThemeTrends(db, ws, ctx.now, [theme.id, created.id]);
    return created.id;
  });
  return getTheme(ctx, newId);
}

/** Moves a case to a theme (a person's decision: it is pinned there through every re-mine). */
export async function moveCaseToTheme(ctx: ServiceContext, ref: string, themeId: string): Promise<CaseThemeView> {
  await inTransaction(ctx.db, async (db) => {
    const sctx = { ...ctx, db };
    const { row } = await loadCase(db, ctx.actor, ref);
    const theme = await loadActiveTheme(sctx, themeId).catch((error: unknown) => {
      throw error instanceof AppError && error.code === 'not_found' ? invalid('themeId', 'no such theme') : error;
    });
    const ws = ctx.actor.workspaceId;
    const [docRow] = await caseDocumentRows(db, ws, [row.id]);
    if (!docRow) throw notFound(`Case ${ref}`);
    const doc = caseDocument(docRow);
    const before = await findMemberRow(db, ws, doc.id);
    const loaded = await loadPlacer(db, ws);
    const phrases = loaded ? loaded.placer.explain(doc.text, theme.id).phrases : [];
    await pinCase(db, ws, doc, theme.id, phrases, ctx.now);
    await refreshThemeTrends(db, ws, ctx.now, [theme.id, ...(before ? [before.theme_id] : [])]);
  });
  return caseTheme(ctx, ref);
}

async function pinCase(
  db: ServiceContext['db'],
  workspaceId: string,
  doc: ReturnType<typeof caseDocument>,
  themeId: string,
  phrases: string[],
  now: Date,
): Promise<void> {
  await upsertMemberRow(db, {
    workspace_id: workspaceId,
    doc_id: doc.id,
    doc_kind: doc.kind,
    case_id: doc.caseId,
    doc_at: doc.at,
    theme_id: themeId,
    score: 1,
    phrases: JSON.stringify(phrases),
    pinned: 1,
    source: 'person',
    assigned_at: now.toISOString(),
  });
}

export type CaseThemeView = {
  theme: { id: string; label: string } | null;
  /** The phrases of the case that put it in its theme. */
  phrases: string[];
  /** Whether a person put it there (then re-mines leave it). */
  pinned: boolean;
  source: 'mined' | 'placed' | 'person' | null;
  can: { move: boolean };
};

/** The theme a case is in and the phrases that put it there. */
export async function caseTheme(ctx: ServiceContext, ref: string): Promise<CaseThemeView> {
  const { row } = await loadCase(ctx.db, ctx.actor, ref);
  const ws = ctx.actor.workspaceId;
  const member = await findMemberRow(ctx.db, ws, caseDocId(row.id));
  const can = { move: authorize(ctx.actor, 'update', 'theme') };
  if (!member) return { theme: null, phrases: [], pinned: false, source: null, can };
  const theme = await findThemeRow(ctx.db, ws, member.theme_id);
  return {
    theme: theme ? { id: theme.id, label: themeName(theme) } : null,
    phrases: JSON.parse(member.phrases) as string[],
    pinned: member.pinned === 1,
    source: member.source,
    can,
  };
}
