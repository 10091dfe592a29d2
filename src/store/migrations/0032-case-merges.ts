import { type Kysely, sql } from 'kysely';

/**
 * A case merged into another (the same incident reported twice) keeps its own row and timeline and
 * points at the case kept, so its reference still leads somewhere and the inbox can leave it out.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('cases')
    .addColumn('merged_into_id', 'text', (c) => c.references('cases.id'))
    .execute();
  await db.schema.alterTable('cases').addColumn('merged_into_ref', 'text').execute();
  // Partial, so the inbox's "not merged" condition (true of nearly every case) never leads a planner to it.
  await db.schema
    .createIndex('cases_merged_into')
    .on('cases')
    .columns(['workspace_id', 'merged_into_id'])
    .where(sql.ref('merged_into_id'), 'is not', null)
    .execute();
}
