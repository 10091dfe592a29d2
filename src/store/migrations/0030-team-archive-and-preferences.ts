import type { Kysely } from 'kysely';

/** Archived teams keep their cases and history but take no new work. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('teams').addColumn('archived_at', 'text').execute();
}
