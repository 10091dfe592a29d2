import type { Kysely } from 'kysely';
import { sql } from 'kysely';

/**
 * Saved replies (a workspace's or a team's wording with variables, and actions applied when sent)
 * and inbox views kept on the server (a person's own, or shared with a team they belong to).
 */
export async function up(db: Kysely<unknown>, kind: 'sqlite' | 'postgres'): Promise<void> {
  const tsType = (kind === 'postgres' ? sql`timestamptz` : sql`text`) as unknown as 'text';
  await db.schema
    .createTable('saved_replies')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('team_id', 'text', (c) => c.references('teams.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('set_status', 'text')
    .addColumn('add_tags', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', tsType, (c) => c.notNull())
    .addColumn('updated_at', tsType, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('saved_replies_ws_team').on('saved_replies').columns(['workspace_id', 'team_id', 'title']).execute();
  await db.schema
    .createTable('saved_views')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('owner_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('team_id', 'text', (c) => c.references('teams.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('filters', 'text', (c) => c.notNull())
    .addColumn('created_at', tsType, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('saved_views_owner').on('saved_views').columns(['workspace_id', 'owner_id']).execute();
  await db.schema.createIndex('saved_views_team').on('saved_views').columns(['workspace_id', 'team_id']).execute();
}
