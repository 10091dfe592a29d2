import { type Kysely, sql } from 'kysely';

/**
 * The two facts of an answer that the "needs attention" view filters on, as columns: the customer's
 * satisfaction and whether an employee asked for help. The whole answer stays in `answer` (JSON).
 */
export async function up(db: Kysely<unknown>, kind: 'sqlite' | 'postgres'): Promise<void> {
  await db.schema.alterTable('follow_ups').addColumn('satisfaction', 'integer').execute();
  await db.schema.alterTable('follow_ups').addColumn('wants_help', 'integer').execute();
  if (kind === 'postgres') {
    await sql`update follow_ups set satisfaction = (answer::json->>'satisfaction')::int
      where party = 'customer' and answer is not null`.execute(db);
    await sql`update follow_ups set wants_help = case when answer::json->>'wantsHelp' = 'true' then 1 else 0 end
      where party = 'employee' and answer is not null`.execute(db);
  } else {
    await sql`update follow_ups set satisfaction = json_extract(answer, '$.satisfaction')
      where party = 'customer' and answer is not null`.execute(db);
    await sql`update follow_ups set wants_help = case when json_extract(answer, '$.wantsHelp') = 1 then 1 else 0 end
      where party = 'employee' and answer is not null`.execute(db);
  }
  await db.schema.createIndex('follow_ups_case_signals').on('follow_ups').columns(['case_id', 'satisfaction', 'wants_help']).execute();
}
