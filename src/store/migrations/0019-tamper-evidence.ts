import type { Kysely } from 'kysely';
import { sql } from 'kysely';

/**
 * The record an insider cannot quietly rewrite: the access log chained per workspace (its head in
 * audit_heads), customers' details committed to with a salt kept apart (personal_data_salts, so an
 * erasure destroys the salt and leaves the commitment), and signed checkpoints over every chain head
 * (audit_checkpoints) with the per-case event counts each one pinned (audit_frontier, only what changed).
 */
export async function up(db: Kysely<unknown>, kind: 'sqlite' | 'postgres'): Promise<void> {
  const tsType = (kind === 'postgres' ? sql`timestamptz` : sql`text`) as unknown as 'text';
  await db.schema.alterTable('access_log').addColumn('seq', 'integer').execute();
  await db.schema.alterTable('access_log').addColumn('prev_hash', 'text').execute();
  await db.schema.alterTable('access_log').addColumn('hash', 'text').execute();
  await db.schema
    .createTable('audit_heads')
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('stream', 'text', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('head', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('audit_heads_pk', ['workspace_id', 'stream'])
    .execute();

  await db.schema.alterTable('customers').addColumn('details_digest', 'text').execute();
  await db.schema.alterTable('customers').addColumn('erased_at', tsType).execute();
  await db.schema
    .createTable('personal_data_salts')
    .addColumn('subject_id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('subject_kind', 'text', (c) => c.notNull())
    .addColumn('salt', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('audit_checkpoints')
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('at', tsType, (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .addColumn('signature', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('audit_checkpoints_pk', ['workspace_id', 'seq'])
    .execute();
  await db.schema
    .createTable('audit_frontier')
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('checkpoint_seq', 'integer', (c) => c.notNull())
    .addColumn('events', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('audit_frontier_pk', ['workspace_id', 'kind', 'subject_id', 'checkpoint_seq'])
    .execute();
}
