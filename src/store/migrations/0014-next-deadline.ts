import type { Kysely } from 'kysely';
import { sql } from 'kysely';

/**
 * Each case keeps the deadline it must meet next (the earlier open clock; far in the future when
 * none runs), written with every change to its clocks, so "most urgent first" is an indexed sort.
 */
export async function up(db: Kysely<unknown>, kind: 'sqlite' | 'postgres'): Promise<void> {
  const tsType = (kind === 'postgres' ? sql`timestamptz` : sql`text`) as unknown as 'text';
  await db.schema.alterTable('cases').addColumn('next_due_at', tsType).execute();
  const none = kind === 'postgres' ? sql`'9999-12-31T23:59:59.999Z'::timestamptz` : sql`'9999-12-31T23:59:59.999Z'`;
  const least = kind === 'postgres' ? sql.raw('least') : sql.raw('min');
  await sql`update cases set next_due_at = case
      when acknowledged_at is null and resolved_at is null then ${least}(acknowledge_due_at, resolve_due_at)
      when acknowledged_at is null then acknowledge_due_at
      when resolved_at is null then resolve_due_at
      else ${none} end`.execute(db);
  // Serves the inbox's default view: most urgent first within a workspace.
  await sql`create index cases_next_due on cases (workspace_id, next_due_at, id)`.execute(db);
}
