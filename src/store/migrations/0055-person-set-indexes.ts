import type { Kysely } from 'kysely';
import { sql } from 'kysely';

/**
 * PostgreSQL: one person's cases and the cases that may need attention, read from indexes alone.
 * Every PostgreSQL index points at a heap row, not at the id, so the set of a person's cases read
 * the case row of each case they reported (`cases_ws_reporter` held no id) and the party row of
 * each case naming them (`case_parties_employee` held no workspace): 9,500 rows read one by one
 * for an employee at a million cases, 40 to 60 ms of a list's 140. Both now hold what the set reads.
 * `cases_ws_status_ids` holds each case's status, team and id: the reopened cases of Needs
 * attention (with the team a supervisor's scope checks) and a person's open cases counted against
 * their set, without a case row read (store/cases.ts). SQLite's indexes already hold the rowid
 * its sets read, and SQLite keeps them as they are.
 */
export async function up(db: Kysely<unknown>, kind: 'sqlite' | 'postgres'): Promise<void> {
  if (kind === 'sqlite') return;
  await sql`drop index cases_ws_reporter`.execute(db);
  await sql`create index cases_ws_reporter on cases (workspace_id, reporter_id, id)`.execute(db);
  await sql`drop index case_parties_employee`.execute(db);
  await sql`create index case_parties_employee on case_parties (employee_id, workspace_id, case_id)`.execute(db);
  await sql`create index cases_ws_status_ids on cases (workspace_id, status, team_id, id) include (merged_into_id)`.execute(db);
}
