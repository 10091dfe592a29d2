import { sql } from 'kysely';
import type { Db } from './schema.js';

/**
 * Sets every case's customer chain (migration 0042: the reported times of the customer's one and
 * two cases before it) from the cases themselves, for rows written with the triggers set aside (a
 * bulk load) or written before the columns existed. One statement over a window of each customer's
 * cases; of one workspace, or of all.
 */
export async function rebuildCustomerChain(db: Db, workspaceId?: string): Promise<void> {
  const ws = workspaceId === undefined ? sql`` : sql`and workspace_id = ${workspaceId}`;
  const chain = sql`select id, lag(reported_at, 1) over w as p1, lag(reported_at, 2) over w as p2 from cases
    where customer_id is not null ${ws} window w as (partition by workspace_id, customer_id order by reported_at, id)`;
  await sql`update cases set customer_prev_at = chain.p1, customer_prev2_at = chain.p2 from (${chain}) as chain
    where cases.id = chain.id and (cases.customer_prev_at is distinct from chain.p1 or cases.customer_prev2_at is distinct from chain.p2)`.execute(
    db,
  );
  // A case whose customer was taken away by a write that bypassed the triggers keeps no chain.
  await sql`update cases set customer_prev_at = null, customer_prev2_at = null
    where customer_id is null and customer_prev_at is not null ${ws}`.execute(db);
}
