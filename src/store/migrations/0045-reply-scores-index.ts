import type { Kysely } from 'kysely';
import { sql } from 'kysely';

/**
 * SQLite: the coaching report and the training rules read every reply of a period with its stored
 * score, and each reply's row lay on its own page among the other events: 9,777 replies of 90 days
 * took 100 ms at a million cases to read. A partial index of replies alone, by time, carries what
 * those reads need (author, case, the data holding the score), so they read it in order and no
 * event row. PostgreSQL keeps `case_events_kind_at`: its index entries have a size limit a long
 * reply would pass.
 */
export async function up(db: Kysely<unknown>, kind: 'sqlite' | 'postgres'): Promise<void> {
  if (kind === 'postgres') return;
  await sql`create index case_events_replies on case_events (workspace_id, at, actor_id, case_id, data) where kind = 'reply'`.execute(db);
}
