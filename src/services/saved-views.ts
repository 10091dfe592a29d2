import type { z } from 'zod';
import type { ZViewFilters } from '../contracts/saved-views.js';
import { notFound } from '../domain/errors.js';
import { authorize } from '../domain/permissions.js';
import { newId } from '../store/ids.js';
import { deleteSavedView, findSavedView, insertSavedView, listSavedViewRows } from '../store/saved-views.js';
import type { SavedViewRow } from '../store/schema.js';
import { findTeam } from '../store/workspaces.js';
import { forbidden, requirePermission } from './authorization.js';
import { inTransaction, type ServiceContext } from './context.js';

type Filters = z.infer<typeof ZViewFilters>;

export type SavedViewView = {
  id: string;
  name: string;
  filters: Filters;
  teamId: string | null;
  teamName: string | null;
  ownerName: string | null;
  mine: boolean;
  canDelete: boolean;
};

const viewSubject = (row: Pick<SavedViewRow, 'owner_id' | 'team_id'>) => ({ ownerUserId: row.owner_id, teamIds: [row.team_id] });

/** Whether the caller may delete a view: their own, or one shared with a team they may share with. */
function mayDelete(ctx: ServiceContext, row: Pick<SavedViewRow, 'owner_id' | 'team_id'>): boolean {
  return (
    authorize(ctx.actor, 'delete', 'saved_view', { ownerUserId: row.owner_id }) ||
    (row.team_id !== null && authorize(ctx.actor, 'update', 'saved_view', { teamIds: [row.team_id] }))
  );
}

/** The caller's own views and those shared with their teams (admins: every shared view), by name. */
export async function listSavedViews(ctx: ServiceContext): Promise<SavedViewView[]> {
  requirePermission(ctx.actor, 'list', 'saved_view');
  const everyTeam = authorize(ctx.actor, 'list', 'saved_view', { teamIds: [null], ownerUserId: null });
  const rows = await listSavedViewRows(ctx.db, ctx.actor.workspaceId, ctx.actor.userId, everyTeam ? undefined : ctx.actor.teamIds);
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    filters: JSON.parse(r.filters) as Filters,
    teamId: r.team_id,
    teamName: r.team_name,
    ownerName: r.owner_name,
    mine: r.owner_id === ctx.actor.userId,
    canDelete: mayDelete(ctx, r),
  }));
}

/**
 * Saves the inbox's current filters as a view: the caller's own, or shared with a team they lead.
 * A view of the same name in the same place (theirs, or that team's) is replaced.
 */
export async function saveView(
  ctx: ServiceContext,
  input: { name: string; filters: Filters; teamId?: string | null | undefined },
): Promise<SavedViewView> {
  const teamId = input.teamId ?? null;
  // Another workspace's team reads as unknown, before anything is decided about it.
  if (teamId !== null && !(await findTeam(ctx.db, ctx.actor.workspaceId, teamId))) throw notFound('Team');
  requirePermission(ctx.actor, 'create', 'saved_view', { ownerUserId: ctx.actor.userId });
  if (teamId !== null && !authorize(ctx.actor, 'update', 'saved_view', { teamIds: [teamId] }))
    throw forbidden(ctx.actor, 'update', 'saved_view');
  return inTransaction(ctx.db, async (db) => {
    const ws = ctx.actor.workspaceId;
    const team = teamId === null ? undefined : await findTeam(db, ws, teamId);
    const same = (await listSavedViewRows(db, ws, ctx.actor.userId, teamId === null ? [] : [teamId])).filter(
      (v) =>
        v.team_id === teamId && v.name.toLowerCase() === input.name.toLowerCase() && (teamId !== null || v.owner_id === ctx.actor.userId),
    );
    for (const v of same) await deleteSavedView(db, ws, v.id);
    const row: SavedViewRow = {
      id: newId(),
      workspace_id: ws,
      owner_id: ctx.actor.userId,
      team_id: teamId,
      name: input.name,
      filters: JSON.stringify(input.filters),
      created_at: ctx.now.toISOString(),
    };
    await insertSavedView(db, row);
    return {
      id: row.id,
      name: row.name,
      filters: input.filters,
      teamId,
      teamName: team?.name ?? null,
      ownerName: null,
      mine: true,
      canDelete: true,
    };
  });
}

/** Deletes a view: the owner's, or a shared one by whoever may share with its team; one the caller cannot see answers 404. */
export async function deleteView(ctx: ServiceContext, id: string): Promise<void> {
  requirePermission(ctx.actor, 'list', 'saved_view');
  return inTransaction(ctx.db, async (db) => {
    const row = await findSavedView(db, ctx.actor.workspaceId, id);
    if (!row || !authorize(ctx.actor, 'read', 'saved_view', viewSubject(row))) throw notFound('View');
    if (!mayDelete(ctx, row)) throw forbidden(ctx.actor, 'delete', 'saved_view');
    await deleteSavedView(db, row.workspace_id, row.id);
  });
}
