import type { Kysely } from 'kysely';
import { sql } from 'kysely';

/**
 * Indexes for the inbox views, list scopes, reports and sweeps at a million cases, and the SQLite
 * full-text index kept at write time. docs/ARCHITECTURE.md ("Indexes and the queries they serve")
 * names the query each index serves. Partial indexes are matched by SQLite only when the query
 * spells the same condition with literals, so the queries they serve write those literals inline.
 */
export async function up(db: Kysely<unknown>, kind: 'sqlite' | 'postgres'): Promise<void> {
  // List scopes: "cases I reported", "cases I handle", "cases naming me" (caseInScope).
  await sql`create index cases_ws_reporter on cases (workspace_id, reporter_id)`.execute(db);
  await sql`drop index cases_ws_assignee`.execute(db);
  // "Assigned to me" and "Unassigned", soonest due first; also the scope's handler branch.
  await sql`create index cases_ws_assignee_due on cases (workspace_id, assignee_id, next_due_at, id)`.execute(db);
  await sql`create index case_parties_employee on case_parties (employee_id, case_id)`.execute(db);
  await sql`create index employees_user on employees (user_id)`.execute(db);

  // "Needs attention": each reason's cases found from a small partial index, not by a probe per case.
  await sql`create index commitments_escalated_open on commitments (workspace_id, case_id)
    where status = 'open' and escalated_at is not null`.execute(db);
  await sql`create index commitments_case_status on commitments (case_id, status)`.execute(db);
  await sql`create index follow_ups_wants_help on follow_ups (workspace_id, case_id) where wants_help = 1`.execute(db);

  // /reports/coaching and other reports over a workspace's events of one kind in a period.
  await sql`create index case_events_kind_at on case_events (workspace_id, kind, at)`.execute(db);

  // The sweeps read only what is still to do, by due time: running SLA clocks not marked yet of open
  // cases, and open promises not yet reminded or escalated; what is done leaves the index.
  await sql`create index cases_acknowledge_running on cases (acknowledge_due_at, id)
    where acknowledged_at is null and acknowledge_breached_at is null and status not in ('resolved', 'following_up', 'closed')`.execute(db);
  await sql`create index cases_resolve_running on cases (resolve_due_at, id)
    where resolved_at is null and resolve_breached_at is null and status not in ('resolved', 'following_up', 'closed')`.execute(db);
  await sql`create index commitments_to_remind on commitments (remind_at) where status = 'open' and reminded_at is null`.execute(db);
  await sql`create index commitments_to_escalate on commitments (due_at) where status = 'open' and escalated_at is null`.execute(db);

  if (kind === 'postgres') return;
  // The full-text index follows every insert, update and delete of a case in the writer's own
  // transaction, so a search never writes and never waits for indexing after a bulk load.
  await sql`drop trigger cases_fts_delete`.execute(db);
  await sql`drop trigger cases_fts_update`.execute(db);
  await sql`insert into cases_fts (rowid, search_text)
    select rowid, search_text from cases where rowid > (select last_rowid from cases_fts_state) order by rowid`.execute(db);
  await sql`drop table cases_fts_state`.execute(db);
  await sql`create trigger cases_fts_insert after insert on cases begin
    insert into cases_fts(rowid, search_text) values (new.rowid, new.search_text); end`.execute(db);
  await sql`create trigger cases_fts_delete after delete on cases begin
    insert into cases_fts(cases_fts, rowid, search_text) values ('delete', old.rowid, old.search_text); end`.execute(db);
  await sql`create trigger cases_fts_update after update of search_text on cases begin
    insert into cases_fts(cases_fts, rowid, search_text) values ('delete', old.rowid, old.search_text);
    insert into cases_fts(rowid, search_text) values (new.rowid, new.search_text); end`.execute(db);
}
