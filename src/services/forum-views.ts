import { AppError } from '../domain/errors.js';
import { EDIT_WINDOW_MINUTES, isEditable, type ThreadStatus } from '../domain/forum.js';
import { authorize } from '../domain/permissions.js';
import { findOpeningPost, openReportCounts, reportsOf, userNames, votedThreadIds } from '../store/forum.js';
import { newId } from '../store/ids.js';
import type { Db, ForumPostRow, ForumThreadRow } from '../store/schema.js';
import type { Actor } from './context.js';

export type ForumAuthor = { id: string | null; name: string | null; asColleague: boolean; isYou: boolean };
export type ThreadSummaryView = {
  id: string;
  title: string;
  status: ThreadStatus;
  author: ForumAuthor;
  excerpt: string | null;
  createdAt: string;
  lastActivityAt: string;
  votes: number;
  replies: number;
  voted: boolean;
  review: { answer: string; byName: string; at: string } | null;
  openReports: number | null;
};
export type PostView = {
  id: string;
  threadId: string;
  opening: boolean;
  author: ForumAuthor;
  body: string | null;
  createdAt: string;
  editedAt: string | null;
  revisions: { body: string; replacedAt: string }[];
  editableUntil: string | null;
  hidden: { at: string; reason: string | null } | null;
  reports: string[] | null;
  reportedByYou: boolean;
  can: { edit: boolean; report: boolean; hide: boolean };
};

/** Moderators (supervisors and admins) hide posts and see what was reported. */
export const isModerator = (actor: Actor): boolean => authorize(actor, 'delete', 'forum_post');

/**
 * The author as this reader may know them. A post "shown to colleagues as a colleague" carries no
 * name and no id to a reader the table does not let see its author (other employees): the name
 * never leaves the server for them, so it cannot be read from the API either.
 */
export function authorFor(actor: Actor, authorId: string, asColleague: boolean, names: Map<string, string>): ForumAuthor {
  const isYou = authorId === actor.userId;
  if (asColleague && !authorize(actor, 'read', 'forum_author', { ownerUserId: authorId }))
    return { id: null, name: null, asColleague, isYou };
  return { id: authorId, name: names.get(authorId) ?? 'Former colleague', asColleague, isYou };
}

const excerptOf = (body: string) => (body.length > 240 ? `${body.slice(0, 237).trimEnd()}…` : body);

/** Thread rows as this reader sees them (names, their own votes, reports for moderators). */
export async function toThreadSummaries(db: Db, actor: Actor, rows: readonly ForumThreadRow[]): Promise<ThreadSummaryView[]> {
  const ws = actor.workspaceId;
  const ids = rows.map((r) => r.id);
  const openings = await Promise.all(rows.map((r) => findOpeningPost(db, ws, r.id)));
  const names = await userNames(db, ws, [
    ...rows.flatMap((r) => [r.author_id, r.reviewed_by]),
    ...openings.map((p) => p?.author_id ?? null),
  ]);
  const voted = await votedThreadIds(db, ws, actor.userId, ids);
  const moderator = isModerator(actor);
  const reports = moderator ? await openReportCounts(db, ws, ids) : new Map<string, number>();
  return rows.map((r, i) => {
    const opening = openings[i];
    return {
      id: r.id,
      title: r.title,
      status: r.status as ThreadStatus,
      author: authorFor(actor, r.author_id, opening?.as_colleague === 1, names),
      excerpt: opening && (opening.hidden_at === null || moderator) ? excerptOf(opening.body) : null,
      createdAt: r.created_at,
      lastActivityAt: r.last_activity_at,
      votes: r.vote_count,
      replies: r.reply_count,
      voted: voted.has(r.id),
      review:
        r.review_answer !== null && r.reviewed_at !== null
          ? { answer: r.review_answer, byName: names.get(r.reviewed_by ?? '') ?? 'A moderator', at: r.reviewed_at }
          : null,
      openReports: moderator ? (reports.get(r.id) ?? 0) : null,
    };
  });
}

/** Post rows as this reader sees them: hidden text only for moderators, edit rights within the window. */
export async function toPostViews(
  db: Db,
  actor: Actor,
  rows: readonly ForumPostRow[],
  openingId: string | null,
  now: Date,
): Promise<PostView[]> {
  const ws = actor.workspaceId;
  const names = await userNames(
    db,
    ws,
    rows.map((r) => r.author_id),
  );
  const moderator = isModerator(actor);
  const reports = await reportsOf(
    db,
    ws,
    rows.map((r) => r.id),
  );
  return rows.map((r) => {
    const hidden = r.hidden_at !== null;
    const showText = !hidden || moderator;
    const mayEdit = !hidden && authorize(actor, 'update', 'forum_post', { ownerUserId: r.author_id }) && isEditable(r.created_at, now);
    const postReports = reports.get(r.id) ?? [];
    return {
      id: r.id,
      threadId: r.thread_id,
      opening: r.id === openingId,
      author: authorFor(actor, r.author_id, r.as_colleague === 1, names),
      body: showText ? r.body : null,
      createdAt: r.created_at,
      editedAt: r.edited_at,
      revisions: showText ? (JSON.parse(r.revisions) as { body: string; replacedAt: string }[]) : [],
      editableUntil: mayEdit ? new Date(Date.parse(r.created_at) + EDIT_WINDOW_MINUTES * 60_000).toISOString() : null,
      hidden: hidden ? { at: r.hidden_at as string, reason: moderator ? r.hidden_reason : null } : null,
      reports: moderator ? postReports.map((p) => p.reason) : null,
      reportedByYou: postReports.some((p) => p.reporterId === actor.userId),
      can: {
        edit: mayEdit,
        report: !hidden && r.author_id !== actor.userId && authorize(actor, 'annotate', 'forum_post'),
        hide: !hidden && moderator,
      },
    };
  });
}

type OffsetCursor = { k: 'threads' | 'posts'; o: number };

/** Lists are paged by position under their sort; the cursor is that position, opaque to clients. */
export const encodeOffset = (kind: OffsetCursor['k'], offset: number): string =>
  Buffer.from(JSON.stringify({ k: kind, o: offset } satisfies OffsetCursor)).toString('base64url');

/** Reads a cursor this API handed out for this list; anything else is a 400. */
export function decodeOffset(kind: OffsetCursor['k'], cursor: string | undefined): number {
  if (cursor === undefined) return 0;
  let payload: Partial<OffsetCursor> | null = null;
  try {
    payload = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Partial<OffsetCursor>;
  } catch {
    payload = null;
  }
  const o = payload?.o;
  if (payload?.k !== kind || typeof o !== 'number' || !Number.isInteger(o) || o < 0 || o > 1_000_000)
    throw new AppError('validation', 'cursor: not a cursor from this list; start again without it', [
      { path: 'cursor', message: 'invalid cursor' },
    ]);
  return o;
}

/** A new post by the actor in a thread, as stored: nothing edited, hidden or reported yet. */
export const newPostRow = (actor: Actor, threadId: string, body: string, asColleague: boolean | undefined, at: string): ForumPostRow => ({
  id: newId(),
  workspace_id: actor.workspaceId,
  thread_id: threadId,
  author_id: actor.userId,
  as_colleague: asColleague ? 1 : 0,
  body,
  revisions: '[]',
  created_at: at,
  edited_at: null,
  hidden_at: null,
  hidden_by: null,
  hidden_reason: null,
});
