import type { ThemeModel } from '../insights/mine-themes.js';
import { createPlacer, type Placer } from '../insights/place-document.js';
import type { Db } from '../store/schema.js';
import { caseDocumentRows } from '../store/theme-documents.js';
import { findMemberRow, latestModel, listThemeRows, upsertMemberRow } from '../store/themes.js';
import { caseDocId, caseDocument } from './theme-documents.js';
import { refreshThemeTrends } from './theme-trends.js';

type Cached = { key: string; placer: Placer; model: ThemeModel };
/** The placer of each workspace, rebuilt when a run finishes or a theme changes (the key says which). */
const cache = new Map<string, Cached>();

/** The workspace's placer over its active themes and newest model; none before the first mine. */
export async function loadPlacer(db: Db, workspaceId: string): Promise<Cached | undefined> {
  const themes = await listThemeRows(db, workspaceId);
  if (themes.length === 0) return undefined;
  const head = await db
    .selectFrom('theme_runs')
    .select(['id'])
    .where('workspace_id', '=', workspaceId)
    .where('state', '=', 'done')
    .where('model', 'is not', null)
    .orderBy('finished_at', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst();
  if (!head) return undefined;
  const key = `${head.id}|${themes.map((t) => `${t.id}@${t.updated_at}`).join(',')}`;
  const hit = cache.get(workspaceId);
  if (hit?.key === key) return hit;
  const stored = await latestModel(db, workspaceId);
  if (!stored) return undefined;
  const model = JSON.parse(stored.model) as ThemeModel;
  const placer = createPlacer(
    model,
    themes.map((t) => ({ id: t.id, centroid: JSON.parse(t.centroid) as [string, number][], floor: t.floor })),
  );
  const entry = { key, placer, model };
  cache.set(workspaceId, entry);
  if (cache.size > 100) cache.delete(cache.keys().next().value as string);
  return entry;
}

/**
 * Places one case in a theme between full mines (new cases, and closed ones with their root cause):
 * into its nearest theme when it is close enough (insights/place-document.ts), else it stays
 * unthemed until the next mine. A case a person placed is left where they put it. Returns the
 * theme it is in afterwards.
 */
export async function placeCaseInTheme(db: Db, workspaceId: string, caseId: string, now: Date): Promise<string | null> {
  const docId = caseDocId(caseId);
  const current = await findMemberRow(db, workspaceId, docId);
  if (current?.pinned === 1) return current.theme_id;
  const loaded = await loadPlacer(db, workspaceId);
  const [row] = await caseDocumentRows(db, workspaceId, [caseId]);
  if (!loaded || !row) return current?.theme_id ?? null;
  const doc = caseDocument(row);
  const placed = loaded.placer.place(doc.text);
  if (!placed.themeId) return current?.theme_id ?? null;
  await upsertMemberRow(db, {
    workspace_id: workspaceId,
    doc_id: docId,
    doc_kind: doc.kind,
    case_id: caseId,
    doc_at: doc.at,
    theme_id: placed.themeId,
    score: placed.score,
    phrases: JSON.stringify(placed.phrases),
    pinned: 0,
    source: current?.source === 'mined' && current.theme_id === placed.themeId ? 'mined' : 'placed',
    assigned_at: now.toISOString(),
  });
  await refreshThemeTrends(db, workspaceId, now, [placed.themeId]);
  return placed.themeId;
}
