import type { Kysely } from 'kysely';
import { sql } from 'kysely';

/**
 * Workspace defaults and SLA clocks that count business time:
 * - the workspace's currency (money fields start from it; EUR was what the forms assumed before),
 * - each team's opening hours and holidays, on its own zone or the workspace's,
 * - on each case, how its clocks count (calendar, business, regulated) and its pauses while it
 *   waits on the customer: the open one, and the finished ones as a JSON list of { from, to }.
 */
export async function up(db: Kysely<unknown>, kind: 'sqlite' | 'postgres'): Promise<void> {
  const tsType = (kind === 'postgres' ? sql`timestamptz` : sql`text`) as unknown as 'text';
  await db.schema
    .alterTable('workspaces')
    .addColumn('currency', 'text', (c) => c.notNull().defaultTo('EUR'))
    .execute();
  await db.schema
    .createTable('team_business_hours')
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('team_id', 'text', (c) => c.notNull().references('teams.id'))
    .addColumn('time_zone', 'text')
    .addColumn('week', 'text', (c) => c.notNull())
    .addColumn('holidays', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('updated_at', tsType, (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .addPrimaryKeyConstraint('team_business_hours_pk', ['workspace_id', 'team_id'])
    .execute();
  await db.schema
    .alterTable('cases')
    .addColumn('clock_basis', 'text', (c) => c.notNull().defaultTo('calendar'))
    .execute();
  await db.schema.alterTable('cases').addColumn('clock_paused_at', tsType).execute();
  await db.schema
    .alterTable('cases')
    .addColumn('clock_pauses', 'text', (c) => c.notNull().defaultTo('[]'))
    .execute();
}
