import { type Kysely, sql } from 'kysely';

/**
 * The staff forum: threads about processes that frustrate customers, their posts (the opening post is
 * the thread's body), one vote per person per thread, reports of posts to moderators. Notifications
 * gain a link, since a forum notification points at a thread rather than a case.
 */
export async function up(db: Kysely<unknown>, kind: 'sqlite' | 'postgres'): Promise<void> {
  const tsType = (kind === 'postgres' ? sql`timestamptz` : sql`text`) as unknown as 'text';

  await db.schema
    .createTable('forum_threads')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('author_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('status', 'text', (c) => c.notNull()) // open | reviewed | merged
    .addColumn('review_answer', 'text')
    .addColumn('reviewed_by', 'text', (c) => c.references('users.id'))
    .addColumn('reviewed_at', tsType)
    .addColumn('merged_into_id', 'text', (c) => c.references('forum_threads.id'))
    .addColumn('vote_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('reply_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', tsType, (c) => c.notNull())
    .addColumn('last_activity_at', tsType, (c) => c.notNull())
    // Title and the text of every visible post, for search.
    .addColumn('search_text', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('forum_threads_ws_created').on('forum_threads').columns(['workspace_id', 'created_at']).execute();

  if (kind === 'postgres') {
    await sql`alter table forum_threads add column search_vector tsvector
      generated always as (to_tsvector('english', search_text)) stored`.execute(db);
    await sql`create index forum_threads_search on forum_threads using gin (search_vector)`.execute(db);
  } else {
    // Threads are few and written by hand, so the index is kept in step by triggers (cases batch theirs).
    await sql`create virtual table forum_threads_fts using fts5(search_text, content='forum_threads', content_rowid='rowid', tokenize='porter unicode61')`.execute(
      db,
    );
    await sql`create trigger forum_threads_fts_insert after insert on forum_threads begin
      insert into forum_threads_fts(rowid, search_text) values (new.rowid, new.search_text); end`.execute(db);
    await sql`create trigger forum_threads_fts_delete after delete on forum_threads begin
      insert into forum_threads_fts(forum_threads_fts, rowid, search_text) values ('delete', old.rowid, old.search_text); end`.execute(db);
    await sql`create trigger forum_threads_fts_update after update of search_text on forum_threads begin
      insert into forum_threads_fts(forum_threads_fts, rowid, search_text) values ('delete', old.rowid, old.search_text);
      insert into forum_threads_fts(rowid, search_text) values (new.rowid, new.search_text); end`.execute(db);
  }

  await db.schema
    .createTable('forum_posts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('thread_id', 'text', (c) => c.notNull().references('forum_threads.id'))
    .addColumn('author_id', 'text', (c) => c.notNull().references('users.id'))
    // 1: other employees see "a colleague" instead of the author's name.
    .addColumn('as_colleague', 'integer', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    // JSON [{ body, replacedAt }]: every earlier text, oldest first; posts are never rewritten silently.
    .addColumn('revisions', 'text', (c) => c.notNull())
    .addColumn('created_at', tsType, (c) => c.notNull())
    .addColumn('edited_at', tsType)
    .addColumn('hidden_at', tsType)
    .addColumn('hidden_by', 'text', (c) => c.references('users.id'))
    .addColumn('hidden_reason', 'text')
    .execute();
  await db.schema.createIndex('forum_posts_thread').on('forum_posts').columns(['thread_id', 'created_at', 'id']).execute();

  await db.schema
    .createTable('forum_votes')
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('thread_id', 'text', (c) => c.notNull().references('forum_threads.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', tsType, (c) => c.notNull())
    .addPrimaryKeyConstraint('forum_votes_pk', ['thread_id', 'user_id'])
    .execute();

  await db.schema
    .createTable('forum_reports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('post_id', 'text', (c) => c.notNull().references('forum_posts.id'))
    .addColumn('reporter_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('created_at', tsType, (c) => c.notNull())
    .addUniqueConstraint('forum_reports_once', ['post_id', 'reporter_id'])
    .execute();

  await db.schema.alterTable('notifications').addColumn('link', 'text').execute();
}
