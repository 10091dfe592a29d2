import type { Kysely } from 'kysely';
import { sql } from 'kysely';

/**
 * The sweeps walk what is due in small batches by (due time, id), each batch starting after the
 * last one's key, so the partial indexes they read carry the id too: the next batch is one seek,
 * with no sort. The follow-up sweep gets a partial index of scheduled follow-ups alone.
 *
 * The (status, time) indexes of 0003 go: without planner statistics SQLite preferred them to the
 * partial indexes (an equality beats a range), and walked every open promise whose reminder was
 * long sent, then sorted them (56 ms of a held event loop at a million cases, issue 15). The
 * dashboard's overdue promises are read through the period's cases (`commitments_case`); a user's
 * follow-ups waiting for an answer get an index that leads with the workspace.
 * docs/ARCHITECTURE.md ("Indexes and the queries they serve") names what each serves.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`drop index commitments_to_remind`.execute(db);
  await sql`drop index commitments_to_escalate`.execute(db);
  await sql`drop index commitments_open_remind`.execute(db);
  await sql`drop index commitments_open_due`.execute(db);
  await sql`drop index follow_ups_status_due`.execute(db);
  await sql`create index commitments_to_remind on commitments (remind_at, id) where status = 'open' and reminded_at is null`.execute(db);
  await sql`create index commitments_to_escalate on commitments (due_at, id) where status = 'open' and escalated_at is null`.execute(db);
  await sql`create index follow_ups_to_send on follow_ups (due_at, id) where status = 'scheduled'`.execute(db);
  await sql`create index follow_ups_ws_status_due on follow_ups (workspace_id, status, due_at)`.execute(db);
}
