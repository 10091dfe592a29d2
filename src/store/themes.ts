import { uuidv7 } from 'uuidv7';
import type { Db, ThemeMemberRow, ThemeRow, ThemeRunRow } from './schema.js';

/** Themes, their members and the mining runs; every function is scoped to one workspace. */

export async function listThemeRows(
  db: Db,
  workspaceId: string,
  statuses: readonly ThemeRow['status'][] = ['active'],
): Promise<ThemeRow[]> {
  return db
    .selectFrom('themes')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('status', 'in', [...statuses])
    .orderBy('size', 'desc')
    .orderBy('id')
    .execute();
}

export async function findThemeRow(db: Db, workspaceId: string, id: string): Promise<ThemeRow | undefined> {
  return db.selectFrom('themes').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
}

export type NewTheme = Omit<ThemeRow, 'id' | 'created_at' | 'updated_at' | 'custom_label' | 'locked' | 'merged_into' | 'emerging_since'> & {
  id?: string;
};

export async function insertThemeRow(db: Db, theme: NewTheme, now: Date): Promise<ThemeRow> {
  const row: ThemeRow = {
    custom_label: null,
    locked: 0,
    merged_into: null,
    emerging_since: null,
    ...theme,
    id: theme.id ?? uuidv7(),
    created_at: now.toISOString(),
    updated_at: now.toISOString(),
  };
  await db.insertInto('themes').values(row).execute();
  return row;
}

export async function updateThemeRow(
  db: Db,
  workspaceId: string,
  id: string,
  set: Partial<Omit<ThemeRow, 'id' | 'workspace_id' | 'created_at'>>,
  now: Date,
): Promise<void> {
  await db
    .updateTable('themes')
    .set({ ...set, updated_at: now.toISOString() })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .execute();
}

/** Members of the given themes (all themes when none are named). */
export async function listMemberRows(db: Db, workspaceId: string, themeIds?: readonly string[]): Promise<ThemeMemberRow[]> {
  if (themeIds && themeIds.length === 0) return [];
  let q = db.selectFrom('theme_members').selectAll().where('workspace_id', '=', workspaceId);
  if (themeIds) q = q.where('theme_id', 'in', [...themeIds]);
  return q.orderBy('score', 'desc').orderBy('doc_id').execute();
}

export async function findMemberRow(db: Db, workspaceId: string, docId: string): Promise<ThemeMemberRow | undefined> {
  return db.selectFrom('theme_members').selectAll().where('workspace_id', '=', workspaceId).where('doc_id', '=', docId).executeTakeFirst();
}

/** Puts one document in a theme (or moves it there), replacing where it was. */
export async function upsertMemberRow(db: Db, row: ThemeMemberRow): Promise<void> {
  await db
    .insertInto('theme_members')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['workspace_id', 'doc_id']).doUpdateSet({
        theme_id: row.theme_id,
        score: row.score,
        phrases: row.phrases,
        pinned: row.pinned,
        source: row.source,
        assigned_at: row.assigned_at,
        case_id: row.case_id,
        doc_at: row.doc_at,
      }),
    )
    .execute();
}

export async function deleteMemberRow(db: Db, workspaceId: string, docId: string): Promise<void> {
  await db.deleteFrom('theme_members').where('workspace_id', '=', workspaceId).where('doc_id', '=', docId).execute();
}

/** Replaces every membership of the workspace with the rows given (a full mine's result), in chunks. */
export async function replaceMemberRows(db: Db, workspaceId: string, rows: readonly ThemeMemberRow[]): Promise<void> {
  await db.deleteFrom('theme_members').where('workspace_id', '=', workspaceId).execute();
  for (let i = 0; i < rows.length; i += 500)
    await db
      .insertInto('theme_members')
      .values(rows.slice(i, i + 500))
      .execute();
}

/** How many documents each theme holds now. */
export async function countMembersByTheme(db: Db, workspaceId: string): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('theme_members')
    .select(['theme_id', db.fn.countAll<number | string>().as('n')])
    .where('workspace_id', '=', workspaceId)
    .groupBy('theme_id')
    .execute();
  return new Map(rows.map((r) => [r.theme_id, Number(r.n)]));
}

export async function insertRunRow(
  db: Db,
  run: Pick<ThemeRunRow, 'workspace_id' | 'trigger' | 'requested_by'> & { state?: ThemeRunRow['state'] },
  now: Date,
): Promise<ThemeRunRow> {
  const row: ThemeRunRow = {
    id: uuidv7(),
    state: 'queued',
    ...run,
    requested_at: now.toISOString(),
    started_at: null,
    finished_at: null,
    progress: 0,
    step: null,
    documents: null,
    themes: null,
    born: null,
    error: null,
    model: null,
  };
  await db.insertInto('theme_runs').values(row).execute();
  return row;
}

export async function findRunRow(db: Db, workspaceId: string, id: string): Promise<Omit<ThemeRunRow, 'model'> | undefined> {
  return db.selectFrom('theme_runs').select(RUN_COLUMNS).where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
}

const RUN_COLUMNS = [
  'id',
  'workspace_id',
  'state',
  'trigger',
  'requested_by',
  'requested_at',
  'started_at',
  'finished_at',
  'progress',
  'step',
  'documents',
  'themes',
  'born',
  'error',
] as const;

/** The newest run of the workspace in one of the given states, without its model. */
export async function latestRunRow(
  db: Db,
  workspaceId: string,
  states: readonly ThemeRunRow['state'][],
): Promise<Omit<ThemeRunRow, 'model'> | undefined> {
  return db
    .selectFrom('theme_runs')
    .select(RUN_COLUMNS)
    .where('workspace_id', '=', workspaceId)
    .where('state', 'in', [...states])
    .orderBy('requested_at', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst();
}

/** The model of the newest finished run (what placing a new document needs), with that run's id. */
export async function latestModel(db: Db, workspaceId: string): Promise<{ runId: string; model: string } | undefined> {
  const row = await db
    .selectFrom('theme_runs')
    .select(['id', 'model'])
    .where('workspace_id', '=', workspaceId)
    .where('state', '=', 'done')
    .where('model', 'is not', null)
    .orderBy('finished_at', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst();
  return row?.model ? { runId: row.id, model: row.model } : undefined;
}

/** Queued runs, oldest first, across workspaces (what the mining job picks up). */
export async function queuedRunRows(db: Db, limit = 5): Promise<Pick<ThemeRunRow, 'id' | 'workspace_id'>[]> {
  return db
    .selectFrom('theme_runs')
    .select(['id', 'workspace_id'])
    .where('state', '=', 'queued')
    .orderBy('requested_at')
    .orderBy('id')
    .limit(limit)
    .execute();
}

/** Moves a run from one state to the next only if it is still in the expected one; says whether it did. */
export async function updateRunRow(
  db: Db,
  id: string,
  set: Partial<Omit<ThemeRunRow, 'id' | 'workspace_id'>>,
  expectedState?: ThemeRunRow['state'],
): Promise<boolean> {
  let q = db.updateTable('theme_runs').set(set).where('id', '=', id);
  if (expectedState) q = q.where('state', '=', expectedState);
  const result = await q.executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Drops the models of older finished runs of the workspace: only the newest is ever read. */
export async function pruneOldModels(db: Db, workspaceId: string, keepRunId: string): Promise<void> {
  await db
    .updateTable('theme_runs')
    .set({ model: null })
    .where('workspace_id', '=', workspaceId)
    .where('id', '!=', keepRunId)
    .where('model', 'is not', null)
    .execute();
}

/** Workspaces that have cases, with when their themes were last mined (null: never). */
export async function workspacesToMine(db: Db): Promise<{ workspaceId: string; timeZone: string; lastMinedAt: string | null }[]> {
  const rows = await db
    .selectFrom('workspaces')
    .select(['workspaces.id', 'workspaces.time_zone'])
    .where((eb) => eb.exists(eb.selectFrom('cases').select('cases.id').whereRef('cases.workspace_id', '=', 'workspaces.id')))
    .execute();
  const last = await db
    .selectFrom('theme_runs')
    .select(['workspace_id', db.fn.max('requested_at').as('at')])
    .where('state', 'in', ['queued', 'running', 'done'])
    .groupBy('workspace_id')
    .execute();
  const at = new Map(last.map((r) => [r.workspace_id, r.at as string | null]));
  return rows.map((r) => ({ workspaceId: r.id, timeZone: r.time_zone, lastMinedAt: at.get(r.id) ?? null }));
}

/** A membership with the facts of its case (none for documents that are not cases). */
export type MemberFactsRow = ThemeMemberRow & {
  ref: string | null;
  title: string | null;
  status: string | null;
  team_id: string | null;
  channel: string | null;
  root_cause_category: string | null;
  impact_amount_minor: number | null;
  impact_currency: string | null;
  cost_minor: number | null;
  cost_currency: string | null;
};

/** Every membership of the workspace (or of one theme) with its case's facts, most typical first. */
export async function listMemberFacts(db: Db, workspaceId: string, themeId?: string): Promise<MemberFactsRow[]> {
  let q = db
    .selectFrom('theme_members')
    .leftJoin('cases', (j) =>
      j.onRef('cases.id', '=', 'theme_members.case_id').onRef('cases.workspace_id', '=', 'theme_members.workspace_id'),
    )
    .leftJoin('resolutions', (j) =>
      j.onRef('resolutions.case_id', '=', 'theme_members.case_id').onRef('resolutions.workspace_id', '=', 'theme_members.workspace_id'),
    )
    .selectAll('theme_members')
    .select([
      'cases.ref',
      'cases.title',
      'cases.status',
      'cases.team_id',
      'cases.channel',
      'cases.root_cause_category',
      'cases.impact_amount_minor',
      'cases.impact_currency',
      'resolutions.cost_minor',
      'resolutions.currency as cost_currency',
    ])
    .where('theme_members.workspace_id', '=', workspaceId);
  if (themeId) q = q.where('theme_members.theme_id', '=', themeId);
  const rows = await q.orderBy('theme_members.score', 'desc').orderBy('theme_members.doc_id').execute();
  return rows.map((r) => ({
    ...r,
    impact_amount_minor: r.impact_amount_minor === null ? null : Number(r.impact_amount_minor),
    cost_minor: r.cost_minor === null ? null : Number(r.cost_minor),
  }));
}

/** How many themed documents of the workspace happened in [from, to): the overall volume trends are scaled by. */
export async function countMembersBetween(db: Db, workspaceId: string, from: string, to: string): Promise<number> {
  const row = await db
    .selectFrom('theme_members')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('workspace_id', '=', workspaceId)
    .where('doc_at', '>=', from)
    .where('doc_at', '<', to)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Runs still marked running long after they started were cut off (the process stopped): they are failed. */
export async function failStaleRuns(db: Db, startedBefore: string, now: Date): Promise<number> {
  const result = await db
    .updateTable('theme_runs')
    .set({ state: 'failed', finished_at: now.toISOString(), error: 'interrupted: the process stopped before the run finished' })
    .where('state', '=', 'running')
    .where('started_at', '<', startedBefore)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
