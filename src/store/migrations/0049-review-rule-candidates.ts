import type { Kysely } from 'kysely';
import { sql } from 'kysely';

/**
 * HR's people report checks every employee against the review rules, and a rule weighs only a case
 * with a loss, an unhappy customer follow-up or a broken promise. It read every primary party's
 * case of the last twelve months (333,000 at a million cases) to find those; these indexes hand it
 * the few cases that have one (store/review-facts.ts, candidateCases). The partial conditions are
 * spelled as the query spells them (2 is UNHAPPY_AT_MOST, domain/follow-through.ts).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create index cases_ws_loss on cases (workspace_id, reported_at, impact_amount_minor)
    where impact_amount_minor is not null`.execute(db);
  await sql`create index resolutions_ws_cost on resolutions (workspace_id, cost_minor)`.execute(db);
  await sql`create index follow_ups_unhappy on follow_ups (workspace_id, case_id)
    where party = 'customer' and satisfaction <= 2`.execute(db);
  await sql`create index commitments_broken on commitments (workspace_id, case_id, owner_id) where status = 'broken'`.execute(db);
}
