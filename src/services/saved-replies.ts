import { AppError, invalid, notFound } from '../domain/errors.js';
import { authorize, type Subject } from '../domain/permissions.js';
import { firstNameOf, renderTemplate, type TemplateVariable, templateProblems } from '../domain/saved-replies.js';
import type { SAVED_REPLY_STATUSES } from '../domain/saved-reply-statuses.js';
import { MAX_TAGS_PER_CASE } from '../domain/tags.js';
import { newId } from '../store/ids.js';
import { findCustomer } from '../store/people.js';
import { deleteSavedReply, findSavedReply, insertSavedReply, listSavedReplyRows, updateSavedReply } from '../store/saved-replies.js';
import type { CaseRow, Db, SavedReplyRow } from '../store/schema.js';
import { findTeam, findUser, findWorkspace } from '../store/workspaces.js';
import { forbidden, requirePermission } from './authorization.js';
import { loadCase } from './case-helpers.js';
import { inTransaction, type ServiceContext } from './context.js';

export type SavedReplyInput = {
  title: string;
  body: string;
  teamId: string | null;
  setStatus?: (typeof SAVED_REPLY_STATUSES)[number] | null | undefined;
  addTags?: string[] | undefined;
};

export type SavedReplyView = {
  id: string;
  teamId: string | null;
  title: string;
  body: string;
  setStatus: string | null;
  addTags: string[];
  updatedAt: string;
  canEdit: boolean;
};

const subjectOf = (teamId: string | null): Subject => ({ teamIds: [teamId] });

function toView(ctx: ServiceContext, row: SavedReplyRow): SavedReplyView {
  return {
    id: row.id,
    teamId: row.team_id,
    title: row.title,
    body: row.body,
    setStatus: row.set_status,
    addTags: JSON.parse(row.add_tags) as string[],
    updatedAt: row.updated_at,
    canEdit: authorize(ctx.actor, 'update', 'saved_reply', subjectOf(row.team_id)),
  };
}

/** The teams whose saved replies the caller sees beside the workspace's: their own (undefined: every team, for admins). */
const teamsSeen = (ctx: ServiceContext) =>
  authorize(ctx.actor, 'update', 'saved_reply', { teamIds: [null] }) ? undefined : ctx.actor.teamIds;

/** The saved replies the caller may insert or keep: the workspace's and their teams'. */
export async function listSavedReplies(ctx: ServiceContext): Promise<SavedReplyView[]> {
  requirePermission(ctx.actor, 'list', 'saved_reply');
  return (await listSavedReplyRows(ctx.db, ctx.actor.workspaceId, teamsSeen(ctx))).map((r) => toView(ctx, r));
}

async function checkInput(db: Db, ctx: ServiceContext, input: SavedReplyInput): Promise<void> {
  const problems = templateProblems(input.body);
  if (problems.length > 0)
    throw new AppError(
      'validation',
      `body: ${problems.join('; ')}`,
      problems.map((message) => ({ path: 'body', message })),
    );
  if (input.teamId !== null && !(await findTeam(db, ctx.actor.workspaceId, input.teamId)))
    throw invalid('teamId', 'no such team in this workspace');
  if ((input.addTags?.length ?? 0) > MAX_TAGS_PER_CASE) throw invalid('addTags', `at most ${MAX_TAGS_PER_CASE} tags`);
}

/** Keeps a new saved reply for the workspace (admins) or for one team (its supervisors). */
export async function createSavedReply(ctx: ServiceContext, input: SavedReplyInput): Promise<SavedReplyView> {
  // Another workspace's team reads as unknown, before anything is decided about it.
  if (input.teamId !== null && !(await findTeam(ctx.db, ctx.actor.workspaceId, input.teamId))) throw notFound('Team');
  if (!authorize(ctx.actor, 'create', 'saved_reply', subjectOf(input.teamId))) throw forbidden(ctx.actor, 'create', 'saved_reply');
  return inTransaction(ctx.db, async (db) => {
    await checkInput(db, ctx, input);
    const at = ctx.now.toISOString();
    const row: SavedReplyRow = {
      id: newId(),
      workspace_id: ctx.actor.workspaceId,
      team_id: input.teamId,
      title: input.title,
      body: input.body,
      set_status: input.setStatus ?? null,
      add_tags: JSON.stringify([...new Set(input.addTags ?? [])].sort()),
      created_by: ctx.actor.userId,
      created_at: at,
      updated_at: at,
    };
    await insertSavedReply(db, row);
    return toView(ctx, row);
  });
}

/** Loads a saved reply the caller may see; one of another team (for a non-admin) or workspace answers 404. */
async function visibleReply(db: Db, ctx: ServiceContext, id: string, alsoTeam?: string | null): Promise<SavedReplyRow> {
  const row = await findSavedReply(db, ctx.actor.workspaceId, id);
  const seen = teamsSeen(ctx);
  const visible =
    row && (row.team_id === null || seen === undefined || seen.includes(row.team_id) || (alsoTeam != null && row.team_id === alsoTeam));
  if (!row || !visible) throw notFound('Saved reply');
  return row;
}

/** Changes a saved reply; the team it belongs to is moved only by someone who may keep replies of both. */
export async function updateSavedReplyOf(ctx: ServiceContext, id: string, input: SavedReplyInput): Promise<SavedReplyView> {
  requirePermission(ctx.actor, 'list', 'saved_reply');
  return inTransaction(ctx.db, async (db) => {
    const row = await visibleReply(db, ctx, id);
    for (const teamId of new Set([row.team_id, input.teamId]))
      if (!authorize(ctx.actor, 'update', 'saved_reply', subjectOf(teamId))) throw forbidden(ctx.actor, 'update', 'saved_reply');
    await checkInput(db, ctx, input);
    const patch = {
      team_id: input.teamId,
      title: input.title,
      body: input.body,
      set_status: input.setStatus ?? null,
      add_tags: JSON.stringify([...new Set(input.addTags ?? [])].sort()),
      updated_at: ctx.now.toISOString(),
    };
    await updateSavedReply(db, row.workspace_id, row.id, patch);
    return toView(ctx, { ...row, ...patch });
  });
}

export async function deleteSavedReplyOf(ctx: ServiceContext, id: string): Promise<{ deleted: true }> {
  requirePermission(ctx.actor, 'list', 'saved_reply');
  return inTransaction(ctx.db, async (db) => {
    const row = await visibleReply(db, ctx, id);
    if (!authorize(ctx.actor, 'delete', 'saved_reply', subjectOf(row.team_id))) throw forbidden(ctx.actor, 'delete', 'saved_reply');
    await deleteSavedReply(db, row.workspace_id, row.id);
    return { deleted: true as const };
  });
}

/** A saved reply usable on this case: the workspace's, the case's team's, or one of the caller's teams'. */
export function usableReply(db: Db, ctx: ServiceContext, row: CaseRow, id: string): Promise<SavedReplyRow> {
  requirePermission(ctx.actor, 'read', 'saved_reply');
  return visibleReply(db, ctx, id, row.team_id);
}

/** The variables' values on one case, as the caller would send the reply. */
async function valuesFor(db: Db, ctx: ServiceContext, row: CaseRow): Promise<Partial<Record<TemplateVariable, string | null>>> {
  const [customer, handler, sender, workspace] = await Promise.all([
    row.customer_id ? findCustomer(db, row.workspace_id, row.customer_id) : undefined,
    row.assignee_id ? findUser(db, row.workspace_id, row.assignee_id) : undefined,
    findUser(db, row.workspace_id, ctx.actor.userId),
    findWorkspace(db, row.workspace_id),
  ]);
  return {
    'customer.firstName': firstNameOf(customer?.name),
    'customer.name': customer?.name ?? null,
    'case.reference': row.ref,
    'case.title': row.title,
    'handler.firstName': firstNameOf(handler?.name),
    'handler.name': handler?.name ?? null,
    'sender.firstName': firstNameOf(sender?.name),
    'sender.name': sender?.name ?? null,
    'workspace.name': workspace?.name ?? null,
  };
}

/** A saved reply filled in for one case, with the actions sending it would apply. */
export function renderSavedReply(
  ctx: ServiceContext,
  ref: string,
  id: string,
): Promise<{ text: string; unfilled: string[]; setStatus: string | null; addTags: string[]; title: string }> {
  return inTransaction(ctx.db, async (db) => {
    const { row } = await loadCase(db, ctx.actor, ref, 'annotate');
    const reply = await usableReply(db, ctx, row, id);
    const { text, unfilled } = renderTemplate(reply.body, await valuesFor(db, ctx, row));
    return { text, unfilled, setStatus: reply.set_status, addTags: JSON.parse(reply.add_tags) as string[], title: reply.title };
  });
}
