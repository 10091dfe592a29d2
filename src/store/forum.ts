import { sql } from 'kysely';
import type { ThreadSort } from '../domain/forum.js';
import { isEmptySearch, parseSearchQuery } from '../domain/search-query.js';
import { toFtsQuery, toTsQuery } from './cases.js';
import { isPostgres } from './db.js';
import type { Db, ForumPostRow, ForumReportRow, ForumThreadRow } from './schema.js';

export async function insertThread(db: Db, row: ForumThreadRow): Promise<void> {
  await db.insertInto('forum_threads').values(row).execute();
}

/** A thread of the workspace; `forUpdate` locks it on PostgreSQL so counts and status change one writer at a time. */
export function findThread(db: Db, workspaceId: string, id: string, forUpdate = false): Promise<ForumThreadRow | undefined> {
  return db
    .selectFrom('forum_threads')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .$if(forUpdate && isPostgres(db), (q) => q.forUpdate())
    .executeTakeFirst();
}

export async function updateThread(db: Db, workspaceId: string, id: string, patch: Partial<ForumThreadRow>): Promise<void> {
  await db.updateTable('forum_threads').set(patch).where('workspace_id', '=', workspaceId).where('id', '=', id).execute();
}

export type ThreadQuery = {
  workspaceId: string;
  q?: string | undefined;
  sort: ThreadSort;
  offset: number;
  limit: number;
  reported?: boolean;
};

/**
 * Threads that are not merged into another, in the order asked: most votes, newest, or not yet
 * reviewed first (then most votes). Asks for limit + 1 rows so the caller knows whether more follow.
 */
export async function listThreadRows(db: Db, query: ThreadQuery): Promise<ForumThreadRow[]> {
  let qb = db
    .selectFrom('forum_threads')
    .selectAll('forum_threads')
    .where('forum_threads.workspace_id', '=', query.workspaceId)
    .where('forum_threads.status', '!=', 'merged');
  if (query.q) {
    const search = parseSearchQuery(query.q);
    qb = isEmptySearch(search)
      ? qb.where(sql<boolean>`1 = 0`)
      : isPostgres(db)
        ? qb.where(sql<boolean>`forum_threads.search_vector @@ (${toTsQuery(search)})`)
        : qb.where(
            sql<boolean>`forum_threads.rowid in (select rowid from forum_threads_fts where forum_threads_fts match ${toFtsQuery(search)})`,
          );
  }
  if (query.reported)
    qb = qb.where('forum_threads.id', 'in', (eb) =>
      eb
        .selectFrom('forum_reports')
        .innerJoin('forum_posts', 'forum_posts.id', 'forum_reports.post_id')
        .select('forum_posts.thread_id')
        .where('forum_reports.workspace_id', '=', query.workspaceId)
        .where('forum_posts.hidden_at', 'is', null),
    );
  if (query.sort === 'unreviewed') qb = qb.orderBy(sql`case when forum_threads.status = 'open' then 0 else 1 end`);
  if (query.sort !== 'newest') qb = qb.orderBy('forum_threads.vote_count', 'desc');
  return qb
    .orderBy('forum_threads.created_at', 'desc')
    .orderBy('forum_threads.id', 'desc')
    .offset(query.offset)
    .limit(query.limit + 1)
    .execute();
}

/** Titles and opening posts of the threads a new one could duplicate (the most recent first). */
export function listThreadDrafts(db: Db, workspaceId: string, max = 2000) {
  return db
    .selectFrom('forum_threads')
    .innerJoin('forum_posts', (j) =>
      j
        .onRef('forum_posts.thread_id', '=', 'forum_threads.id')
        .on('forum_posts.id', '=', (eb) =>
          eb
            .selectFrom('forum_posts as first')
            .select('first.id')
            .whereRef('first.thread_id', '=', 'forum_threads.id')
            .orderBy('first.created_at')
            .orderBy('first.id')
            .limit(1),
        ),
    )
    .select(['forum_threads.id', 'forum_threads.title', 'forum_posts.body'])
    .where('forum_threads.workspace_id', '=', workspaceId)
    .where('forum_threads.status', '!=', 'merged')
    .orderBy('forum_threads.created_at', 'desc')
    .limit(max)
    .execute();
}

export async function insertPost(db: Db, row: ForumPostRow): Promise<void> {
  await db.insertInto('forum_posts').values(row).execute();
}

export function findPost(db: Db, workspaceId: string, id: string): Promise<ForumPostRow | undefined> {
  return db.selectFrom('forum_posts').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
}

export async function updatePost(db: Db, workspaceId: string, id: string, patch: Partial<ForumPostRow>): Promise<void> {
  await db.updateTable('forum_posts').set(patch).where('workspace_id', '=', workspaceId).where('id', '=', id).execute();
}

const postsInOrder = (db: Db, workspaceId: string, threadId: string) =>
  db
    .selectFrom('forum_posts')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('thread_id', '=', threadId)
    .orderBy('created_at')
    .orderBy('id');

/** A thread's posts, oldest first (the opening post is the first), paged by offset. */
export function listPostRows(db: Db, workspaceId: string, threadId: string, offset: number, limit: number): Promise<ForumPostRow[]> {
  return postsInOrder(db, workspaceId, threadId)
    .offset(offset)
    .limit(limit + 1)
    .execute();
}

/** The opening post of a thread. */
export function findOpeningPost(db: Db, workspaceId: string, threadId: string): Promise<ForumPostRow | undefined> {
  return postsInOrder(db, workspaceId, threadId).limit(1).executeTakeFirst();
}

/** Rebuilds a thread's search text from its title and visible posts, and its reply count. */
export async function refreshThreadText(db: Db, thread: Pick<ForumThreadRow, 'workspace_id' | 'id' | 'title'>): Promise<void> {
  const posts = await postsInOrder(db, thread.workspace_id, thread.id).execute();
  const visible = posts.filter((p) => p.hidden_at === null).map((p) => p.body);
  await updateThread(db, thread.workspace_id, thread.id, {
    search_text: [thread.title, ...visible].join('\n'),
    reply_count: Math.max(0, posts.length - 1),
  });
}

/** Adds a vote unless the person has one; true when it was added. */
export async function insertVote(db: Db, vote: { workspaceId: string; threadId: string; userId: string; at: string }): Promise<boolean> {
  const result = await db
    .insertInto('forum_votes')
    .values({ workspace_id: vote.workspaceId, thread_id: vote.threadId, user_id: vote.userId, created_at: vote.at })
    .onConflict((oc) => oc.columns(['thread_id', 'user_id']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function deleteVote(db: Db, workspaceId: string, threadId: string, userId: string): Promise<boolean> {
  const result = await db
    .deleteFrom('forum_votes')
    .where('workspace_id', '=', workspaceId)
    .where('thread_id', '=', threadId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** Carries the votes of one thread over to another; a person who voted on both keeps one vote. */
export async function copyVotes(db: Db, workspaceId: string, fromId: string, toId: string, at: string): Promise<void> {
  const voters = await voterIds(db, workspaceId, fromId);
  for (const userId of voters) await insertVote(db, { workspaceId, threadId: toId, userId, at });
}

export async function voterIds(db: Db, workspaceId: string, threadId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('forum_votes')
    .select('user_id')
    .where('workspace_id', '=', workspaceId)
    .where('thread_id', '=', threadId)
    .orderBy('created_at')
    .execute();
  return rows.map((r) => r.user_id);
}

/** Sets the thread's vote count from its votes (never drifts from the rows). */
export async function recountVotes(db: Db, workspaceId: string, threadId: string): Promise<number> {
  const row = await db
    .selectFrom('forum_votes')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('workspace_id', '=', workspaceId)
    .where('thread_id', '=', threadId)
    .executeTakeFirstOrThrow();
  const n = Number(row.n);
  await updateThread(db, workspaceId, threadId, { vote_count: n });
  return n;
}

/** Which of these threads the user has voted on. */
export async function votedThreadIds(db: Db, workspaceId: string, userId: string, threadIds: readonly string[]): Promise<Set<string>> {
  if (threadIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('forum_votes')
    .select('thread_id')
    .where('workspace_id', '=', workspaceId)
    .where('user_id', '=', userId)
    .where('thread_id', 'in', threadIds)
    .execute();
  return new Set(rows.map((r) => r.thread_id));
}

/** Threads merged into this one (their titles, for the page). */
export function listMergedInto(db: Db, workspaceId: string, threadId: string) {
  return db
    .selectFrom('forum_threads')
    .select(['id', 'title'])
    .where('workspace_id', '=', workspaceId)
    .where('merged_into_id', '=', threadId)
    .orderBy('created_at')
    .execute();
}

/** Records a report once per person and post; false when this person had already reported it. */
export async function insertReport(db: Db, row: ForumReportRow): Promise<boolean> {
  const result = await db
    .insertInto('forum_reports')
    .values(row)
    .onConflict((oc) => oc.columns(['post_id', 'reporter_id']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** The reports of each of these posts, oldest first: who reported it and why. */
export async function reportsOf(
  db: Db,
  workspaceId: string,
  postIds: readonly string[],
): Promise<Map<string, { reason: string; reporterId: string }[]>> {
  const out = new Map<string, { reason: string; reporterId: string }[]>();
  if (postIds.length === 0) return out;
  const rows = await db
    .selectFrom('forum_reports')
    .select(['post_id', 'reason', 'reporter_id'])
    .where('workspace_id', '=', workspaceId)
    .where('post_id', 'in', postIds)
    .orderBy('created_at')
    .execute();
  for (const r of rows) out.set(r.post_id, [...(out.get(r.post_id) ?? []), { reason: r.reason, reporterId: r.reporter_id }]);
  return out;
}

/** Threads with reported posts still visible, per thread id. */
export async function openReportCounts(db: Db, workspaceId: string, threadIds: readonly string[]): Promise<Map<string, number>> {
  if (threadIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('forum_reports')
    .innerJoin('forum_posts', 'forum_posts.id', 'forum_reports.post_id')
    .select(['forum_posts.thread_id', (eb) => eb.fn.countAll<string | number>().as('n')])
    .where('forum_reports.workspace_id', '=', workspaceId)
    .where('forum_posts.hidden_at', 'is', null)
    .where('forum_posts.thread_id', 'in', threadIds)
    .groupBy('forum_posts.thread_id')
    .execute();
  return new Map(rows.map((r) => [r.thread_id, Number(r.n)]));
}

/** Names of these users of the workspace, by id. */
export async function userNames(db: Db, workspaceId: string, ids: readonly (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map();
  const rows = await db
    .selectFrom('users')
    .select(['id', 'name'])
    .where('workspace_id', '=', workspaceId)
    .where('id', 'in', wanted)
    .execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}
