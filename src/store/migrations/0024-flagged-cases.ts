import type { Kysely } from 'kysely';
import { sql } from 'kysely';

/**
 * The inbox's "threat" filter: the few cases that carry a risk flag, and their customers. Without
 * it the filter walked every case of the workspace checking its flags (a minute at a million cases).
 * Partial, so it holds only flagged cases; the filter spells the same condition with the same literal.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create index cases_flagged on cases (workspace_id, customer_id) where risk_flags != '[]'`.execute(db);
}
