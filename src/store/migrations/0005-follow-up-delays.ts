import type { Kysely } from 'kysely';

/** How long after resolution each side is asked how it went, per workspace (defaults: customer 3 days, employee 2). */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('workspaces')
    .addColumn('follow_up_customer_minutes', 'integer', (c) => c.notNull().defaultTo(3 * 24 * 60))
    .execute();
  await db.schema
    .alterTable('workspaces')
    .addColumn('follow_up_employee_minutes', 'integer', (c) => c.notNull().defaultTo(2 * 24 * 60))
    .execute();
}
