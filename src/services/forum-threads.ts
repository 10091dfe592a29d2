import { AppError, notFound } from '../domain/errors.js';
import { findSimilarThreads, type ThreadSort } from '../domain/forum.js';
import { authorize } from '../domain/permissions.js';
import { insertOutboxEvents } from '../store/event-outbox.js';
import {
  copyVotes,
  deleteVote,
  findThread,
  insertPost,
  insertThread,
  insertVote,
  listMergedInto,
  listThreadDrafts,
  listThreadRows,
  recountVotes,
  updateThread,
} from '../store/forum.js';
import { newId } from '../store/ids.js';
import type { Db, ForumThreadRow } from '../store/schema.js';
import { forbidden } from './authorization.js';
import { inTransaction, type ServiceContext } from './context.js';
import { decodeOffset, encodeOffset, isModerator, newPostRow, type ThreadSummaryView, toThreadSummaries } from './forum-views.js';

export type ThreadView = ThreadSummaryView & {
  mergedInto: { id: string; title: string } | null;
  merged: { id: string; title: string }[];
  can: { vote: boolean; reply: boolean; review: boolean; merge: boolean; moderate: boolean };
};

/** A thread of the actor's workspace, or 404 (another workspace's thread is as missing as one that never was). */
export async function loadThread(db: Db, ctx: Pick<ServiceContext, 'actor'>, id: string, forUpdate = false): Promise<ForumThreadRow> {
  const row = await findThread(db, ctx.actor.workspaceId, id, forUpdate);
  if (!row || !authorize(ctx.actor, 'read', 'forum_thread', {})) throw notFound('Thread');
  return row;
}

const requireOpen = (row: ForumThreadRow) => {
  if (row.status === 'merged') throw new AppError('conflict', 'This thread was merged into another; continue there');
};

/** Forum events are workspace events outside any case: themes and notifications read them from the outbox. */
const forumEvent = (ctx: ServiceContext, kind: string, data: Record<string, unknown>) => ({
  workspaceId: ctx.actor.workspaceId,
  kind,
  caseId: null,
  actorId: ctx.actor.userId,
  at: ctx.now.toISOString(),
  data,
});

export type ThreadListQuery = {
  q?: string | undefined;
  sort?: ThreadSort | undefined;
  reported?: boolean | undefined;
  limit?: number | undefined;
  cursor?: string | undefined;
};

/** One page of threads (merged ones are left out: they live on in the thread they were merged into). */
export async function listThreads(
  ctx: ServiceContext,
  query: ThreadListQuery,
): Promise<{ items: ThreadSummaryView[]; nextCursor: string | null }> {
  const limit = query.limit ?? 20;
  const offset = decodeOffset('threads', query.cursor);
  if (query.reported && !isModerator(ctx.actor))
    throw new AppError('forbidden', 'Only moderators (supervisors and admins) see reported posts');
  const rows = await listThreadRows(ctx.db, {
    workspaceId: ctx.actor.workspaceId,
    q: query.q?.trim() || undefined,
    sort: query.sort ?? 'votes',
    offset,
    limit,
    reported: query.reported ?? false,
  });
  const items = await toThreadSummaries(ctx.db, ctx.actor, rows.slice(0, limit));
  return { items, nextCursor: rows.length > limit ? encodeOffset('threads', offset + limit) : null };
}

/** A thread with what the reader may do with it. */
export async function getThread(ctx: ServiceContext, id: string): Promise<ThreadView> {
  const row = await loadThread(ctx.db, ctx, id);
  return threadView(ctx, row);
}

async function threadView(ctx: ServiceContext, row: ForumThreadRow): Promise<ThreadView> {
  const [summary] = await toThreadSummaries(ctx.db, ctx.actor, [row]);
  const into = row.merged_into_id ? await findThread(ctx.db, row.workspace_id, row.merged_into_id) : undefined;
  const live = row.status !== 'merged';
  return {
    ...(summary as ThreadSummaryView),
    mergedInto: into ? { id: into.id, title: into.title } : null,
    merged: await listMergedInto(ctx.db, row.workspace_id, row.id),
    can: {
      vote: live && authorize(ctx.actor, 'annotate', 'forum_thread'),
      reply: live && authorize(ctx.actor, 'create', 'forum_post'),
      review: live && authorize(ctx.actor, 'approve', 'forum_thread'),
      merge: live && authorize(ctx.actor, 'update', 'forum_thread'),
      moderate: isModerator(ctx.actor),
    },
  };
}

export type NewThread = { title: string; body: string; asColleague?: boolean | undefined };

/** Opens a thread; its body is the thread's opening post. */
export function createThread(ctx: ServiceContext, input: NewThread): Promise<ThreadView> {
  return inTransaction(ctx.db, async (db) => {
    const at = ctx.now.toISOString();
    const thread: ForumThreadRow = {
      id: newId(),
      workspace_id: ctx.actor.workspaceId,
      title: input.title,
      author_id: ctx.actor.userId,
      status: 'open',
      review_answer: null,
      reviewed_by: null,
      reviewed_at: null,
      merged_into_id: null,
      vote_count: 0,
      reply_count: 0,
      created_at: at,
      last_activity_at: at,
      search_text: `${input.title}\n${input.body}`,
    };
    await insertThread(db, thread);
    await insertPost(db, newPostRow(ctx.actor, thread.id, input.body, input.asColleague, at));
    await insertOutboxEvents(db, [forumEvent({ ...ctx, db }, 'forum_thread_created', { threadId: thread.id, title: thread.title })]);
    return threadView({ ...ctx, db }, thread);
  });
}

/** Threads a draft probably duplicates, best first, each with the words they share. */
export async function similarThreads(
  ctx: ServiceContext,
  draft: { title: string; body?: string | undefined },
): Promise<{ items: { thread: ThreadSummaryView; score: number; sharedTerms: string[] }[] }> {
  const docs = await listThreadDrafts(ctx.db, ctx.actor.workspaceId);
  const similar = findSimilarThreads({ title: draft.title, body: draft.body ?? '' }, docs);
  const rows = (await Promise.all(similar.map((s) => findThread(ctx.db, ctx.actor.workspaceId, s.id)))).filter((r) => r !== undefined);
  const summaries = new Map((await toThreadSummaries(ctx.db, ctx.actor, rows)).map((s) => [s.id, s]));
  return {
    items: similar.flatMap((s) => {
      const thread = summaries.get(s.id);
      return thread ? [{ thread, score: s.score, sharedTerms: s.sharedTerms }] : [];
    }),
  };
}

/** Adds (up) or withdraws (down) the actor's one vote; asking twice changes nothing. */
export function setVote(ctx: ServiceContext, id: string, up: boolean): Promise<{ votes: number; voted: boolean }> {
  return inTransaction(ctx.db, async (db) => {
    const row = await loadThread(db, ctx, id, true);
    requireOpen(row);
    const ws = row.workspace_id;
    if (up) await insertVote(db, { workspaceId: ws, threadId: row.id, userId: ctx.actor.userId, at: ctx.now.toISOString() });
    else await deleteVote(db, ws, row.id, ctx.actor.userId);
    return { votes: await recountVotes(db, ws, row.id), voted: up };
  });
}

/** Marks a thread reviewed with a short answer (or changes the answer); voters and the author are told. */
export function reviewThread(ctx: ServiceContext, id: string, answer: string): Promise<ThreadView> {
  return inTransaction(ctx.db, async (db) => {
    const row = await loadThread(db, ctx, id, true);
    if (!authorize(ctx.actor, 'approve', 'forum_thread', {})) throw forbidden(ctx.actor, 'approve', 'forum_thread');
    requireOpen(row);
    const at = ctx.now.toISOString();
    const patch = { status: 'reviewed', review_answer: answer, reviewed_by: ctx.actor.userId, reviewed_at: at, last_activity_at: at };
    await updateThread(db, row.workspace_id, row.id, patch);
    await insertOutboxEvents(db, [forumEvent({ ...ctx, db }, 'forum_thread_reviewed', { threadId: row.id, title: row.title, answer })]);
    return threadView({ ...ctx, db }, { ...row, ...patch });
  });
}

/**
 * Merges a duplicate into another thread: the duplicate stays readable, marked as merged and pointing
 * there, and its votes are carried over; a person who voted on both keeps a single vote.
 */
export function mergeThread(ctx: ServiceContext, id: string, intoId: string): Promise<ThreadView> {
  return inTransaction(ctx.db, async (db) => {
    if (id === intoId)
      throw new AppError('validation', 'intoId: a thread cannot be merged into itself', [{ path: 'intoId', message: 'same thread' }]);
    const source = await loadThread(db, ctx, id, true);
    if (!authorize(ctx.actor, 'update', 'forum_thread', {})) throw forbidden(ctx.actor, 'update', 'forum_thread');
    requireOpen(source);
    const target = await findThread(db, ctx.actor.workspaceId, intoId, true);
    if (!target)
      throw new AppError('validation', 'intoId: no such thread in this workspace', [{ path: 'intoId', message: 'no such thread' }]);
    if (target.status === 'merged') throw new AppError('conflict', 'That thread was itself merged into another; merge into that one');
    const at = ctx.now.toISOString();
    await copyVotes(db, source.workspace_id, source.id, target.id, at);
    const votes = await recountVotes(db, target.workspace_id, target.id);
    await updateThread(db, source.workspace_id, source.id, { status: 'merged', merged_into_id: target.id, last_activity_at: at });
    await updateThread(db, target.workspace_id, target.id, { last_activity_at: at });
    await insertOutboxEvents(db, [forumEvent({ ...ctx, db }, 'forum_thread_merged', { threadId: source.id, intoId: target.id })]);
    return threadView({ ...ctx, db }, { ...target, vote_count: votes, last_activity_at: at });
  });
}
