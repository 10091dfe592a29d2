import type { Kysely } from 'kysely';
import { sql } from 'kysely';

/**
 * PostgreSQL: Needs attention's checks on a walked list read their follow-ups from indexes alone.
 * Walking the sort index, the planner checks "a customer's unhappy answer" and "an employee asked
 * for help" against every such follow-up at once (a hashed set), and both checks also ask that the
 * follow-up was answered (and by whom): with only workspace and case in these partial indexes it
 * read each of the 10,000 unhappy answers' rows, 8,600 pages cold, most of the page's time at a
 * million cases. The columns the checks read are added; the indexes keep their names and what
 * else they serve (the review rules read the unhappy answers by workspace and case). SQLite
 * probes these per case and keeps them as they are.
 */
export async function up(db: Kysely<unknown>, kind: 'sqlite' | 'postgres'): Promise<void> {
  if (kind === 'sqlite') return;
  await sql`drop index follow_ups_unhappy`.execute(db);
  await sql`create index follow_ups_unhappy on follow_ups (workspace_id, case_id, status)
    where party = 'customer' and satisfaction <= 2`.execute(db);
  await sql`drop index follow_ups_wants_help`.execute(db);
  await sql`create index follow_ups_wants_help on follow_ups (workspace_id, case_id, party, status) where wants_help = 1`.execute(db);
}
