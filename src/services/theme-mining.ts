import { mineThemesStepwise, type PreviousTheme, type ThemeModel } from '../insights/mine-themes.js';
import type { Db, ThemeMemberRow, ThemeRunRow } from '../store/schema.js';
import { knownNames } from '../store/theme-documents.js';
import {
  failStaleRuns,
  findRunRow,
  insertRunRow,
  insertThemeRow,
  latestRunRow,
  listMemberRows,
  listThemeRows,
  pruneOldModels,
  queuedRunRows,
  replaceMemberRows,
  updateRunRow,
  updateThemeRow,
  workspacesToMine,
} from '../store/themes.js';
import { requirePermission } from './authorization.js';
import { inTransaction, type ServiceContext } from './context.js';
import { loadThemeDocuments } from './theme-documents.js';
import { refreshThemeTrends } from './theme-trends.js';

export type ThemeRunView = {
  id: string;
  state: ThemeRunRow['state'];
  trigger: ThemeRunRow['trigger'];
  requestedAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  /** 0–1 */
  progress: number;
  step: string | null;
  documents: number | null;
  themes: number | null;
  born: number | null;
  error: string | null;
};

export const toRunView = (r: Omit<ThemeRunRow, 'model'>): ThemeRunView => ({
  id: r.id,
  state: r.state,
  trigger: r.trigger,
  requestedAt: r.requested_at,
  startedAt: r.started_at,
  finishedAt: r.finished_at,
  progress: Math.round(r.progress * 100) / 100,
  step: r.step,
  documents: r.documents,
  themes: r.themes,
  born: r.born,
  error: r.error,
});

/** Asks for a full re-mine; while one is waiting or running, that one is the answer. The mining job picks it up. */
export async function requestThemeMining(ctx: ServiceContext): Promise<ThemeRunView> {
  requirePermission(ctx.actor, 'create', 'theme');
  await failStaleRuns(ctx.db, staleBefore(ctx.now), ctx.now);
  const pending = await latestRunRow(ctx.db, ctx.actor.workspaceId, ['queued', 'running']);
  if (pending) return toRunView(pending);
  return toRunView(
    await insertRunRow(ctx.db, { workspace_id: ctx.actor.workspaceId, trigger: 'person', requested_by: ctx.actor.userId }, ctx.now),
  );
}

/** Words of every known person's name: themes must be about problems, never about people. */
async function nameWords(db: Db, workspaceId: string): Promise<string[]> {
  const words = new Set<string>();
  for (const name of await knownNames(db, workspaceId))
    for (const w of name.toLowerCase().split(/[^a-z']+/)) if (w.length > 1) words.add(w.replace(/'s$/, ''));
  return [...words];
}

/**
 * Runs one queued mining run to the end: reads every document, mines with the earlier themes and
 * people's pins, and saves themes, memberships, the model and the trends in one transaction. Its
 * progress is written as it goes (outside that transaction, so the page can show it).
 */
export async function runThemeMining(db: Db, runId: string, now: () => Date): Promise<ThemeRunView> {
  const queued = await db.selectFrom('theme_runs').select(['id', 'workspace_id']).where('id', '=', runId).executeTakeFirst();
  if (!queued) throw new Error(`no theme run ${runId}`);
  const ws = queued.workspace_id;
  if (
    !(await updateRunRow(db, runId, { state: 'running', started_at: now().toISOString(), step: 'reading cases', progress: 0.01 }, 'queued'))
  )
    return toRunView((await findRunRow(db, ws, runId)) as Omit<ThemeRunRow, 'model'>);
  try {
    const [docs, themesBefore, members, names] = await Promise.all([
      loadThemeDocuments(db, ws),
      listThemeRows(db, ws, ['active', 'merged']),
      listMemberRows(db, ws),
      nameWords(db, ws),
    ]);
    const memberIds = new Map<string, string[]>();
    for (const m of members) memberIds.set(m.theme_id, [...(memberIds.get(m.theme_id) ?? []), m.doc_id]);
    const previous: PreviousTheme[] = themesBefore.map((t) => ({
      id: t.id,
      memberIds: memberIds.get(t.id) ?? [],
      centroid: JSON.parse(t.centroid) as [string, number][],
      mergedInto: t.status === 'merged' ? t.merged_into : null,
    }));
    // People's placements stand: documents they moved or split off, and every document of a locked theme.
    const locked = new Set(themesBefore.filter((t) => t.locked === 1 && t.status === 'active').map((t) => t.id));
    const pins = new Map(members.filter((m) => m.pinned === 1 || locked.has(m.theme_id)).map((m) => [m.doc_id, m.theme_id]));
    const steps = mineThemesStepwise(docs, { previous, pins, extraStopWords: names });
    let next = steps.next();
    while (!next.done) {
      await updateRunRow(db, runId, { progress: 0.05 + next.value.fraction * 0.85, step: next.value.step });
      next = steps.next();
    }
    const result = next.value;
    await updateRunRow(db, runId, { progress: 0.92, step: 'saving themes' });
    const at = now();
    const born = result.themes.filter((t) => t.id === null).length;
    await inTransaction(db, async (trx) => {
      const before = new Map(themesBefore.map((t) => [t.id, t]));
      const ids: string[] = [];
      for (const theme of result.themes) {
        const row = theme.id ? before.get(theme.id) : undefined;
        const facts = {
          phrases: JSON.stringify(theme.phrases),
          centroid: JSON.stringify(theme.centroid),
          floor: theme.floor,
          size: theme.memberIds.length,
        };
        if (row) {
          // A locked theme keeps its label; any other takes the newly mined one (a person's own label still shows).
          await updateThemeRow(
            trx,
            ws,
            row.id,
            { ...facts, status: 'active', merged_into: null, ...(row.locked ? {} : { label: theme.label }) },
            at,
          );
          ids.push(row.id);
        } else {
          const inserted = await insertThemeRow(
            trx,
            { workspace_id: ws, label: theme.label, origin: 'mined', status: 'active', trend: 'steady', ...facts },
            at,
          );
          ids.push(inserted.id);
        }
      }
      // An earlier theme no group continues is retired (its row stays, so links to it keep working).
      const kept = new Set(ids);
      for (const t of themesBefore)
        if (t.status === 'active' && !kept.has(t.id)) await updateThemeRow(trx, ws, t.id, { status: 'retired', size: 0 }, at);
      const pinnedBefore = new Map(members.filter((m) => m.pinned === 1).map((m) => [m.doc_id, m]));
      const rows: ThemeMemberRow[] = [];
      for (const doc of docs) {
        const a = result.assignments.get(doc.id);
        if (!a) continue;
        const themeId = ids[a.theme] as string;
        const pin = pinnedBefore.get(doc.id);
        const pinned = pin?.theme_id === themeId;
        rows.push({
          workspace_id: ws,
          doc_id: doc.id,
          doc_kind: doc.kind,
          case_id: doc.caseId,
          doc_at: doc.at,
          theme_id: themeId,
          score: a.score,
          phrases: JSON.stringify(a.phrases),
          pinned: pinned ? 1 : 0,
          source: pinned ? 'person' : 'mined',
          assigned_at: pinned && pin ? pin.assigned_at : at.toISOString(),
        });
      }
      await replaceMemberRows(trx, ws, rows);
      await updateRunRow(trx, runId, {
        state: 'done',
        finished_at: at.toISOString(),
        progress: 1,
        step: 'done',
        documents: docs.length,
        themes: result.themes.length,
        born,
        model: JSON.stringify(result.model satisfies ThemeModel),
      });
      await pruneOldModels(trx, ws, runId);
      await refreshThemeTrends(trx, ws, at);
    });
  } catch (error) {
    await updateRunRow(db, runId, {
      state: 'failed',
      finished_at: now().toISOString(),
      error: error instanceof Error ? error.message : String(error),
    });
    throw error;
  }
  return toRunView((await findRunRow(db, ws, runId)) as Omit<ThemeRunRow, 'model'>);
}

/** Mines a workspace's themes at once (the CLI and the demo): a run row, run to the end. */
export async function mineWorkspaceThemes(
  db: Db,
  workspaceId: string,
  trigger: ThemeRunRow['trigger'],
  now: () => Date,
): Promise<ThemeRunView> {
  const run = await insertRunRow(db, { workspace_id: workspaceId, trigger, requested_by: null }, now());
  return runThemeMining(db, run.id, now);
}

/** A run still running this long after it started was cut off; mining 100,000 cases takes well under a minute. */
const STALE_AFTER_MS = 30 * 60_000;
const staleBefore = (now: Date) => new Date(now.getTime() - STALE_AFTER_MS).toISOString();

/** The hour of the night (workspace time) when themes are re-mined. */
export const NIGHTLY_HOUR = 2;

/**
 * The mining job's pass: queues tonight's run for each workspace whose clock reads 02:00–02:59 and
 * whose themes were not mined in the last 20 hours (or ever), then runs the queued runs, oldest first.
 */
export async function runDueThemeMining(db: Db, now: () => Date): Promise<number> {
  const at = now();
  await failStaleRuns(db, staleBefore(at), at);
  for (const w of await workspacesToMine(db)) {
    const hour = Number(new Intl.DateTimeFormat('en-GB', { hour: '2-digit', hourCycle: 'h23', timeZone: w.timeZone }).format(at));
    const stale = w.lastMinedAt === null || at.getTime() - Date.parse(w.lastMinedAt) > 20 * 3_600_000;
    if (hour === NIGHTLY_HOUR && stale) await insertRunRow(db, { workspace_id: w.workspaceId, trigger: 'nightly', requested_by: null }, at);
  }
  let ran = 0;
  for (const run of await queuedRunRows(db)) {
    await runThemeMining(db, run.id, now);
    ran++;
  }
  return ran;
}
