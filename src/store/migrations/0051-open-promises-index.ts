import type { Kysely } from 'kysely';
import { sql } from 'kysely';

/**
 * The dashboard's "overdue now" (store/dashboard.ts, overduePromiseRows) starts from a workspace's
 * open promises past due, which stay few however many cases there are (about 1,400 at a million),
 * and looks each one's case up by id. Without this index it either probed every case of the period
 * or, turned round, read every promise. The partial condition is spelled as the query spells it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create index commitments_open_ws_due on commitments (workspace_id, due_at) where status = 'open'`.execute(db);
}
