import type { Kysely } from 'kysely';
import { sql } from 'kysely';

/**
 * The hourly retention pass (services/retention.ts) grouped every case of the workspace by customer
 * in one statement to find the customers due for erasure: seconds at a million cases, with SQLite's
 * one thread held throughout. It now walks the customers still on file 50 at a time by id
 * (store/data-rights.ts, customersForRetention) and reads each batch's cases by customer. This index
 * hands it those customers in id order, past the erased and merged ones it never looks at again.
 * The partial condition is spelled as the query spells it (SQLite uses a partial index only then).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create index customers_on_file on customers (workspace_id, id)
    where erased_at is null and merged_into_id is null`.execute(db);
}
