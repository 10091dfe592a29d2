import type { Kysely } from 'kysely';
import { sql } from 'kysely';

/**
 * `/reports/commitments` reads a workspace's promises made since a date; without this index it
 * scanned every commitment of every workspace (docs/ARCHITECTURE.md, "Indexes and the queries they serve").
 * Partial on a condition every date range implies, so SQLite never takes it for a query without
 * one (the "Needs attention" reasons keep their own partial indexes).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create index commitments_ws_created on commitments (workspace_id, created_at) where created_at is not null`.execute(db);
}
