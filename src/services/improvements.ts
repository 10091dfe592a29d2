import { AppError, invalid, notFound } from '../domain/errors.js';
import { canMoveImprovement, type ImprovementStatus, nextImprovementStatuses } from '../domain/improvement.js';
import { authorize } from '../domain/permissions.js';
import { type ImprovementEffect, improvementEffect } from '../insights/improvement-effect.js';
import { insertOutboxEvents } from '../store/event-outbox.js';
import {
  caseDatesOfTeams,
  findImprovementRow,
  insertImprovementRow,
  listImprovementRows,
  listLinkRows,
  setLinks,
  updateImprovementRow,
} from '../store/improvements.js';
import type { Db, ImprovementLinkRow, ImprovementRow, ThemeRow } from '../store/schema.js';
import { caseHeadlines, casesInScope } from '../store/theme-documents.js';
import { listMemberRows, listThemeRows } from '../store/themes.js';
import { findUser, listUsers } from '../store/workspaces.js';
import { caseScopeOf, listScope, requirePermission } from './authorization.js';
import { loadCase } from './case-helpers.js';
import { inTransaction, type ServiceContext } from './context.js';
import { themeName } from './theme-trends.js';

export type ImprovementView = {
  id: string;
  title: string;
  description: string;
  status: ImprovementStatus;
  dropReason: string | null;
  owner: { id: string; name: string } | null;
  createdAt: string;
  updatedAt: string;
  doneAt: string | null;
  themes: { id: string; label: string }[];
  /** Linked cases the reader may open; `hiddenCases` counts the others. */
  cases: { ref: string; title: string }[];
  hiddenCases: number;
  forumThreadIds: string[];
  nextStatuses: ImprovementStatus[];
  /** Once done and linked to a theme: its conflicts before and after, per 100 cases of the same teams. */
  effect: ImprovementEffect | null;
  can: { update: boolean };
};

export type ImprovementInput = {
  title?: string | undefined;
  description?: string | undefined;
  ownerId?: string | null | undefined;
  themeIds?: string[] | undefined;
  caseRefs?: string[] | undefined;
  forumThreadIds?: string[] | undefined;
};

export async function listImprovements(
  ctx: ServiceContext,
  query: { status?: ImprovementStatus | undefined; themeId?: string | undefined },
): Promise<{ items: ImprovementView[]; nextCursor: null }> {
  requirePermission(ctx.actor, 'list', 'improvement');
  const rows = await listImprovementRows(ctx.db, ctx.actor.workspaceId, query.status ? [query.status] : undefined);
  let views = await viewsOf(ctx, rows);
  if (query.themeId) views = views.filter((v) => v.themes.some((t) => t.id === query.themeId));
  return { items: views, nextCursor: null };
}

export async function getImprovement(ctx: ServiceContext, id: string): Promise<ImprovementView> {
  requirePermission(ctx.actor, 'read', 'improvement');
  const row = await findImprovementRow(ctx.db, ctx.actor.workspaceId, id);
  if (!row) throw notFound('Improvement');
  return (await viewsOf(ctx, [row]))[0] as ImprovementView;
}

/** Proposes an improvement, from a theme, cases or forum threads (or none: an idea of its own). */
export async function createImprovement(
  ctx: ServiceContext,
  input: ImprovementInput & { title: string; description: string },
): Promise<ImprovementView> {
  requirePermission(ctx.actor, 'create', 'improvement');
  const id = await inTransaction(ctx.db, async (db) => {
    const ws = ctx.actor.workspaceId;
    await checkOwner(db, ws, input.ownerId);
    const row = await insertImprovementRow(
      db,
      {
        workspace_id: ws,
        title: input.title.trim(),
        description: input.description.trim(),
        owner_id: input.ownerId ?? null,
        created_by: ctx.actor.userId,
      },
      ctx.now,
    );
    await writeLinks({ ...ctx, db }, row.id, input);
    return row.id;
  });
  return getImprovement(ctx, id);
}

/** Changes an improvement: its words, owner, links, or status (dropping needs a reason). */
export async function updateImprovement(
  ctx: ServiceContext,
  id: string,
  input: ImprovementInput & { status?: ImprovementStatus | undefined; reason?: string | undefined },
): Promise<ImprovementView> {
  requirePermission(ctx.actor, 'update', 'improvement');
  await inTransaction(ctx.db, async (db) => {
    const ws = ctx.actor.workspaceId;
    const row = await findImprovementRow(db, ws, id);
    if (!row) throw notFound('Improvement');
    const set: Partial<ImprovementRow> = {};
    if (input.title !== undefined) set.title = input.title.trim();
    if (input.description !== undefined) set.description = input.description.trim();
    if (input.ownerId !== undefined) {
      await checkOwner(db, ws, input.ownerId);
      set.owner_id = input.ownerId;
    }
    if (input.status !== undefined && input.status !== row.status) {
      if (!canMoveImprovement(row.status, input.status))
        throw new AppError(
          'illegal_transition',
          `An improvement that is ${row.status.replace('_', ' ')} cannot become ${input.status.replace('_', ' ')}`,
        );
      if (input.status === 'dropped' && !input.reason?.trim()) throw invalid('reason', 'say why it is dropped');
      set.status = input.status;
      set.drop_reason = input.status === 'dropped' ? (input.reason?.trim() ?? null) : null;
      set.done_at = input.status === 'done' ? ctx.now.toISOString() : null;
    }
    await updateImprovementRow(db, ws, id, set, ctx.now);
    await writeLinks({ ...ctx, db }, id, input);
    if (set.status) {
      // Whoever voted for a linked forum thread hears that the fix moved (the notifications processor).
      await insertOutboxEvents(db, [
        {
          workspaceId: ws,
          kind: 'improvement_status_changed',
          caseId: null,
          actorId: ctx.actor.userId,
          at: ctx.now.toISOString(),
          data: { improvementId: id, title: set.title ?? row.title, from: row.status, to: set.status, reason: set.drop_reason ?? null },
        },
      ]);
    }
  });
  return getImprovement(ctx, id);
}

async function checkOwner(db: Db, workspaceId: string, ownerId: string | null | undefined): Promise<void> {
  if (!ownerId) return;
  const user = await findUser(db, workspaceId, ownerId);
  if (!user || user.deactivated_at !== null) throw invalid('ownerId', 'no such active user in this workspace');
}

/** Replaces the links given (each kind only when named); cases must be ones the actor may open. */
async function writeLinks(ctx: ServiceContext, improvementId: string, input: ImprovementInput): Promise<void> {
  const ws = ctx.actor.workspaceId;
  if (input.themeIds) {
    const known = new Set((await listThemeRows(ctx.db, ws, ['active', 'merged', 'retired'])).map((t) => t.id));
    const unknown = input.themeIds.find((t) => !known.has(t));
    if (unknown) throw invalid('themeIds', `no theme ${unknown} in this workspace`);
    await setLinks(ctx.db, ws, improvementId, 'theme', input.themeIds, ctx.now);
  }
  if (input.caseRefs) {
    const ids: string[] = [];
    for (const ref of input.caseRefs) {
      const kase = await loadCase(ctx.db, ctx.actor, ref).then(
        (c) => c.row,
        () => undefined,
      );
      if (!kase) throw invalid('caseRefs', `no case ${ref} that you may open`);
      ids.push(kase.id);
    }
    await setLinks(ctx.db, ws, improvementId, 'case', ids, ctx.now);
  }
  if (input.forumThreadIds) await setLinks(ctx.db, ws, improvementId, 'forum_thread', input.forumThreadIds, ctx.now);
}

async function viewsOf(ctx: ServiceContext, rows: readonly ImprovementRow[]): Promise<ImprovementView[]> {
  const ws = ctx.actor.workspaceId;
  const [links, users, themes] = await Promise.all([
    listLinkRows(
      ctx.db,
      ws,
      rows.map((r) => r.id),
    ),
    listUsers(ctx.db, ws),
    listThemeRows(ctx.db, ws, ['active', 'merged', 'retired']),
  ]);
  const userName = new Map(users.map((u) => [u.id, u.name]));
  const themeById = new Map(themes.map((t) => [t.id, t]));
  const caseIds = links.filter((l) => l.kind === 'case').map((l) => l.target_id);
  const [headlines, visible] = await Promise.all([
    caseHeadlines(ctx.db, ws, caseIds),
    casesInScope(ctx.db, ws, caseScopeOf(listScope(ctx.actor, 'case')), caseIds),
  ]);
  const caseById = new Map(headlines.map((c) => [c.id, c]));
  const canUpdate = authorize(ctx.actor, 'update', 'improvement');
  const views: ImprovementView[] = [];
  for (const row of rows) {
    const mine = links.filter((l) => l.improvement_id === row.id);
    const of = (kind: ImprovementLinkRow['kind']) => mine.filter((l) => l.kind === kind).map((l) => l.target_id);
    // A merged theme is shown as the theme it went into: that is where its cases are now.
    const themeIds = [...new Set(of('theme').map((id) => followMerges(id, themeById)))];
    const linkedCases = of('case').filter((id) => caseById.has(id));
    views.push({
      id: row.id,
      title: row.title,
      description: row.description,
      status: row.status,
      dropReason: row.drop_reason,
      owner: row.owner_id ? { id: row.owner_id, name: userName.get(row.owner_id) ?? 'Former user' } : null,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      doneAt: row.done_at,
      themes: themeIds.flatMap((id) => {
        const t = themeById.get(id);
        return t ? [{ id, label: themeName(t) }] : [];
      }),
      cases: linkedCases
        .filter((id) => visible.has(id))
        .map((id) => ({ ref: caseById.get(id)?.ref as string, title: caseById.get(id)?.title as string })),
      hiddenCases: linkedCases.filter((id) => !visible.has(id)).length,
      forumThreadIds: of('forum_thread'),
      nextStatuses: [...nextImprovementStatuses(row.status)],
      effect: row.status === 'done' && row.done_at && themeIds.length ? await effectOf(ctx, themeIds, row.done_at) : null,
      can: { update: canUpdate },
    });
  }
  return views;
}

function followMerges(id: string, themes: Map<string, ThemeRow>): string {
  let at = id;
  for (let hops = 0; hops < 20; hops++) {
    const t = themes.get(at);
    if (t?.status !== 'merged' || !t.merged_into) return at;
    at = t.merged_into;
  }
  return at;
}

/** The conflicts of the themes before and after done, per 100 cases of the teams those conflicts came from. */
async function effectOf(ctx: ServiceContext, themeIds: readonly string[], doneAt: string): Promise<ImprovementEffect | null> {
  const ws = ctx.actor.workspaceId;
  const members = await listMemberRows(ctx.db, ws, themeIds);
  const caseIds = members.map((m) => m.case_id).filter((id): id is string => id !== null);
  const teams = [...new Set((await caseHeadlines(ctx.db, ws, caseIds)).map((c) => c.team_id).filter((t): t is string => t !== null))];
  const from = new Date(Date.parse(doneAt) - 17 * 7 * 86_400_000).toISOString();
  return improvementEffect({
    doneAt,
    now: ctx.now,
    themeDates: members.map((m) => m.doc_at),
    teamCaseDates: await caseDatesOfTeams(ctx.db, ws, teams, from),
  });
}
