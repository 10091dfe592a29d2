import type { Kysely } from 'kysely';

/** The workspace's IANA time zone: "tomorrow at 3pm" in a reply means 3pm where the shop is. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('workspaces')
    .addColumn('time_zone', 'text', (c) => c.notNull().defaultTo('UTC'))
    .execute();
}
