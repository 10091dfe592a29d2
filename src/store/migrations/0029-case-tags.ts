import type { Kysely } from 'kysely';
import { sql } from 'kysely';

/**
 * Tags on cases. The case row keeps its tags (a sorted JSON array) so every view of a case can show
 * them without another read; `case_tags` holds one row per tag so the inbox's tag filter and the
 * workspace's list of tags use an index instead of reading every case.
 */
export async function up(db: Kysely<unknown>, kind: 'sqlite' | 'postgres'): Promise<void> {
  const tsType = (kind === 'postgres' ? sql`timestamptz` : sql`text`) as unknown as 'text';
  await db.schema
    .alterTable('cases')
    .addColumn('tags', 'text', (c) => c.notNull().defaultTo('[]'))
    .execute();
  await db.schema
    .createTable('case_tags')
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('tag', 'text', (c) => c.notNull())
    .addColumn('created_at', tsType, (c) => c.notNull())
    .addPrimaryKeyConstraint('case_tags_pk', ['case_id', 'tag'])
    .execute();
  await db.schema.createIndex('case_tags_by_tag').on('case_tags').columns(['workspace_id', 'tag', 'case_id']).execute();
}
