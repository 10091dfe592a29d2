import { type Kysely, sql } from 'kysely';

/**
 * Counters that every app instance shares: the per-address request limits and the per-account
 * sign-in lockout. One row per key, bumped by a single atomic upsert, so a limit holds however
 * many instances answer. They replace `sign_in_failures`, whose count-then-record could be raced.
 */
export async function up(db: Kysely<unknown>, kind: 'sqlite' | 'postgres'): Promise<void> {
  const tsType = (kind === 'postgres' ? sql`timestamptz` : sql`text`) as unknown as 'text';
  await db.schema
    .createTable('shared_counters')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('hits', 'integer', (c) => c.notNull())
    .addColumn('resets_at', tsType, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('shared_counters_resets').on('shared_counters').column('resets_at').execute();
  await db.schema.dropTable('sign_in_failures').execute();
}
