import type { Kysely } from 'kysely';
import { sql } from 'kysely';

/**
 * The hourly review-rule pass (services/review-flags.ts) walks a workspace's employees 50 at a time
 * by id (store/review-facts.ts, employeeIdsAfter). Employees are keyed by id alone, so each batch
 * would read the ids of every workspace's employees after the last one; this index reads the
 * workspace's own.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create index employees_ws on employees (workspace_id, id)`.execute(db);
}
