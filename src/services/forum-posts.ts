import { AppError, notFound } from '../domain/errors.js';
import { isEditable } from '../domain/forum.js';
import { authorize } from '../domain/permissions.js';
import { insertOutboxEvents } from '../store/event-outbox.js';
import {
  findOpeningPost,
  findPost,
  findThread,
  insertPost,
  insertReport,
  listPostRows,
  refreshThreadText,
  updatePost,
  updateThread,
} from '../store/forum.js';
import { newId } from '../store/ids.js';
import type { Db, ForumPostRow } from '../store/schema.js';
import { forbidden } from './authorization.js';
import { inTransaction, type ServiceContext } from './context.js';
import { loadThread } from './forum-threads.js';
import { decodeOffset, encodeOffset, newPostRow, type PostView, toPostViews } from './forum-views.js';

async function view(ctx: ServiceContext, db: Db, post: ForumPostRow): Promise<PostView> {
  const opening = await findOpeningPost(db, post.workspace_id, post.thread_id);
  const [v] = await toPostViews(db, ctx.actor, [post], opening?.id ?? null, ctx.now);
  return v as PostView;
}

/** A post of a thread the actor may read, or 404. */
async function loadPost(db: Db, ctx: ServiceContext, id: string): Promise<ForumPostRow> {
  const post = await findPost(db, ctx.actor.workspaceId, id);
  if (!post || !authorize(ctx.actor, 'read', 'forum_thread', {})) throw notFound('Post');
  return post;
}

/** A thread's posts, oldest first; the first is the opening post. */
export async function listPosts(
  ctx: ServiceContext,
  threadId: string,
  query: { limit?: number | undefined; cursor?: string | undefined },
): Promise<{ items: PostView[]; nextCursor: string | null }> {
  const thread = await loadThread(ctx.db, ctx, threadId);
  const limit = query.limit ?? 50;
  const offset = decodeOffset('posts', query.cursor);
  const rows = await listPostRows(ctx.db, thread.workspace_id, thread.id, offset, limit);
  const opening = await findOpeningPost(ctx.db, thread.workspace_id, thread.id);
  const items = await toPostViews(ctx.db, ctx.actor, rows.slice(0, limit), opening?.id ?? null, ctx.now);
  return { items, nextCursor: rows.length > limit ? encodeOffset('posts', offset + limit) : null };
}

/** Replies in a thread. */
export function addPost(
  ctx: ServiceContext,
  threadId: string,
  input: { body: string; asColleague?: boolean | undefined },
): Promise<PostView> {
  return inTransaction(ctx.db, async (db) => {
    const thread = await loadThread(db, ctx, threadId, true);
    if (thread.status === 'merged') throw new AppError('conflict', 'This thread was merged into another; reply there');
    const at = ctx.now.toISOString();
    const post = newPostRow(ctx.actor, thread.id, input.body, input.asColleague, at);
    await insertPost(db, post);
    await updateThread(db, thread.workspace_id, thread.id, { last_activity_at: at });
    await refreshThreadText(db, thread);
    await insertOutboxEvents(db, [
      {
        workspaceId: thread.workspace_id,
        kind: 'forum_post_added',
        caseId: null,
        actorId: ctx.actor.userId,
        at,
        data: { threadId: thread.id, postId: post.id },
      },
    ]);
    return view(ctx, db, post);
  });
}

/**
 * Corrects one's own post within the edit window. The earlier text is kept with the post, so a
 * discussion can never be rewritten after others have read and answered it.
 */
export function editPost(ctx: ServiceContext, id: string, body: string): Promise<PostView> {
  return inTransaction(ctx.db, async (db) => {
    const post = await loadPost(db, ctx, id);
    if (!authorize(ctx.actor, 'update', 'forum_post', { ownerUserId: post.author_id })) throw forbidden(ctx.actor, 'update', 'forum_post');
    if (post.hidden_at !== null) throw new AppError('conflict', 'A moderator hid this post; it can no longer be edited');
    if (!isEditable(post.created_at, ctx.now))
      throw new AppError('conflict', 'Posts can be edited for 15 minutes after posting; this one is kept as written');
    if (body === post.body) return view(ctx, db, post);
    const at = ctx.now.toISOString();
    const revisions = [...(JSON.parse(post.revisions) as { body: string; replacedAt: string }[]), { body: post.body, replacedAt: at }];
    const patch = { body, revisions: JSON.stringify(revisions), edited_at: at };
    await updatePost(db, post.workspace_id, post.id, patch);
    const thread = await findThread(db, post.workspace_id, post.thread_id);
    if (thread) await refreshThreadText(db, thread);
    return view(ctx, db, { ...post, ...patch });
  });
}

/** Reports a post to the moderators, once per person; reporting it again changes nothing. */
export function reportPost(ctx: ServiceContext, id: string, reason: string): Promise<PostView> {
  return inTransaction(ctx.db, async (db) => {
    const post = await loadPost(db, ctx, id);
    if (post.author_id === ctx.actor.userId)
      throw new AppError('validation', 'You cannot report your own post; edit it, or ask a moderator', []);
    if (post.hidden_at !== null) throw new AppError('conflict', 'A moderator has already hidden this post');
    const at = ctx.now.toISOString();
    const added = await insertReport(db, {
      id: newId(),
      workspace_id: post.workspace_id,
      post_id: post.id,
      reporter_id: ctx.actor.userId,
      reason,
      created_at: at,
    });
    if (added)
      await insertOutboxEvents(db, [
        {
          workspaceId: post.workspace_id,
          kind: 'forum_post_reported',
          caseId: null,
          actorId: ctx.actor.userId,
          at,
          data: { threadId: post.thread_id, postId: post.id },
        },
      ]);
    return view(ctx, db, post);
  });
}

/** Hides a post from everyone but the moderators; its text is kept, and the thread's search forgets it. */
export function hidePost(ctx: ServiceContext, id: string, reason: string): Promise<PostView> {
  return inTransaction(ctx.db, async (db) => {
    const post = await loadPost(db, ctx, id);
    if (!authorize(ctx.actor, 'delete', 'forum_post', {})) throw forbidden(ctx.actor, 'delete', 'forum_post');
    if (post.hidden_at !== null) return view(ctx, db, post);
    const at = ctx.now.toISOString();
    const patch = { hidden_at: at, hidden_by: ctx.actor.userId, hidden_reason: reason };
    await updatePost(db, post.workspace_id, post.id, patch);
    const thread = await findThread(db, post.workspace_id, post.thread_id);
    if (thread) await refreshThreadText(db, thread);
    await insertOutboxEvents(db, [
      {
        workspaceId: post.workspace_id,
        kind: 'forum_post_hidden',
        caseId: null,
        actorId: ctx.actor.userId,
        at,
        data: { threadId: post.thread_id, postId: post.id },
      },
    ]);
    return view(ctx, db, { ...post, ...patch });
  });
}
