import { type Kysely, sql } from 'kysely';

/**
 * Themes: recurring problems mined from cases (and later forum posts), the documents in each, and
 * the mining runs with their progress. People's edits live on these rows — a custom label, a lock,
 * a merge (merged_into), a document pinned to a theme — so every re-mine can honour them. And the
 * improvement backlog that grows from them: process changes with their links to themes, cases and
 * forum threads.
 */
export async function up(db: Kysely<unknown>, kind: 'sqlite' | 'postgres'): Promise<void> {
  const tsType = (kind === 'postgres' ? sql`timestamptz` : sql`text`) as unknown as 'text';
  const real = (kind === 'postgres' ? sql`double precision` : sql`real`) as unknown as 'real';

  await db.schema
    .createTable('themes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    // The mined label, and the one a person gave it (shown instead when set).
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('custom_label', 'text')
    .addColumn('phrases', 'text', (c) => c.notNull()) // JSON string[]
    .addColumn('centroid', 'text', (c) => c.notNull()) // JSON [feature, weight][]
    .addColumn('floor', real, (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    // 'mined' (born in a run) or 'person' (split off by someone).
    .addColumn('origin', 'text', (c) => c.notNull())
    // 'active', 'merged' (into merged_into) or 'retired' (no run found it again).
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('merged_into', 'text')
    .addColumn('locked', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('trend', 'text', (c) => c.notNull().defaultTo('steady'))
    .addColumn('emerging_since', tsType)
    .addColumn('created_at', tsType, (c) => c.notNull())
    .addColumn('updated_at', tsType, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('themes_workspace').on('themes').columns(['workspace_id', 'status']).execute();

  await db.schema
    .createTable('theme_members')
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    // A document's id with its kind, e.g. "case:0190…"; case_id is set for cases.
    .addColumn('doc_id', 'text', (c) => c.notNull())
    .addColumn('doc_kind', 'text', (c) => c.notNull())
    .addColumn('case_id', 'text')
    // When the document's story happened (a case's report time): the weekly trend counts by it.
    .addColumn('doc_at', tsType, (c) => c.notNull())
    .addColumn('theme_id', 'text', (c) => c.notNull().references('themes.id'))
    .addColumn('score', real, (c) => c.notNull())
    .addColumn('phrases', 'text', (c) => c.notNull()) // JSON string[]: what put it in its theme
    // 1 when a person put it there (moved, split off): every re-mine keeps it there.
    .addColumn('pinned', 'integer', (c) => c.notNull().defaultTo(0))
    // 'mined', 'placed' (joined between runs) or 'person'.
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('assigned_at', tsType, (c) => c.notNull())
    .addPrimaryKeyConstraint('theme_members_pk', ['workspace_id', 'doc_id'])
    .execute();
  await db.schema.createIndex('theme_members_theme').on('theme_members').columns(['workspace_id', 'theme_id']).execute();
  await db.schema.createIndex('theme_members_case').on('theme_members').columns(['workspace_id', 'case_id']).execute();

  await db.schema
    .createTable('theme_runs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    // 'queued', 'running', 'done' or 'failed'
    .addColumn('state', 'text', (c) => c.notNull())
    // 'nightly', 'person', 'cli' or 'demo'
    .addColumn('trigger', 'text', (c) => c.notNull())
    .addColumn('requested_by', 'text')
    .addColumn('requested_at', tsType, (c) => c.notNull())
    .addColumn('started_at', tsType)
    .addColumn('finished_at', tsType)
    .addColumn('progress', real, (c) => c.notNull().defaultTo(0))
    .addColumn('step', 'text')
    .addColumn('documents', 'integer')
    .addColumn('themes', 'integer')
    .addColumn('born', 'integer')
    .addColumn('error', 'text')
    // JSON ThemeModel of the latest finished run: what placing a new case between runs needs.
    .addColumn('model', 'text')
    .execute();
  await db.schema.createIndex('theme_runs_workspace').on('theme_runs').columns(['workspace_id', 'requested_at']).execute();

  await db.schema
    .createTable('improvements')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'text')
    // 'proposed', 'planned', 'in_progress', 'done' or 'dropped'
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('drop_reason', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', tsType, (c) => c.notNull())
    .addColumn('updated_at', tsType, (c) => c.notNull())
    .addColumn('done_at', tsType)
    .execute();
  await db.schema.createIndex('improvements_workspace').on('improvements').columns(['workspace_id', 'status']).execute();
  await db.schema
    .createTable('improvement_links')
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('improvement_id', 'text', (c) => c.notNull().references('improvements.id'))
    // 'case', 'theme' or 'forum_thread'
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('target_id', 'text', (c) => c.notNull())
    .addColumn('created_at', tsType, (c) => c.notNull())
    .addPrimaryKeyConstraint('improvement_links_pk', ['improvement_id', 'kind', 'target_id'])
    .execute();
  await db.schema.createIndex('improvement_links_target').on('improvement_links').columns(['workspace_id', 'kind', 'target_id']).execute();
}
