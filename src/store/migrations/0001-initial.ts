import { type Kysely, sql } from 'kysely';

/** Every table carries workspace_id: no query may cross workspaces. Ids are UUIDv7 text. */
export async function up(db: Kysely<unknown>, kind: 'sqlite' | 'postgres'): Promise<void> {
  const ts = kind === 'postgres' ? sql`timestamptz` : sql`text`;
  const tsType = ts as unknown as 'text';

  await db.schema
    .createTable('workspaces')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', tsType, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('teams')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_at', tsType, (c) => c.notNull())
    .addUniqueConstraint('teams_name_unique', ['workspace_id', 'name'])
    .execute();

  await db.schema
    .createTable('users')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text')
    .addColumn('created_at', tsType, (c) => c.notNull())
    .addUniqueConstraint('users_email_unique', ['workspace_id', 'email'])
    .execute();

  await db.schema
    .createTable('api_tokens')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', tsType, (c) => c.notNull())
    .addColumn('last_used_at', tsType)
    .addColumn('revoked_at', tsType)
    .execute();

  await db.schema
    .createTable('employees')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('team_id', 'text', (c) => c.references('teams.id'))
    .addColumn('user_id', 'text', (c) => c.references('users.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('email', 'text')
    .addColumn('created_at', tsType, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('customers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('email', 'text')
    .addColumn('phone', 'text')
    .addColumn('created_at', tsType, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('sla_targets')
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('severity', 'integer', (c) => c.notNull())
    .addColumn('acknowledge_minutes', 'integer', (c) => c.notNull())
    .addColumn('resolve_minutes', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('sla_targets_pk', ['workspace_id', 'severity'])
    .execute();

  // One row per workspace and year; an upsert that increments it hands out references without gaps
  // or duplicates even when PostgreSQL serves many concurrent creators (the row lock serialises them).
  await db.schema
    .createTable('case_counters')
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('last_seq', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('case_counters_pk', ['workspace_id', 'year'])
    .execute();

  await db.schema
    .createTable('cases')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('ref', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('team_id', 'text', (c) => c.references('teams.id'))
    .addColumn('customer_id', 'text', (c) => c.references('customers.id'))
    .addColumn('reporter_id', 'text', (c) => c.references('users.id'))
    .addColumn('assignee_id', 'text', (c) => c.references('users.id'))
    .addColumn('severity', 'integer', (c) => c.notNull())
    .addColumn('customer_state', 'text', (c) => c.notNull())
    .addColumn('impact_amount_minor', 'bigint')
    .addColumn('impact_currency', 'text')
    .addColumn('impact_kind', 'text')
    .addColumn('risk_flags', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('occurred_at', tsType, (c) => c.notNull())
    .addColumn('reported_at', tsType, (c) => c.notNull())
    .addColumn('acknowledge_due_at', tsType, (c) => c.notNull())
    .addColumn('resolve_due_at', tsType, (c) => c.notNull())
    .addColumn('acknowledged_at', tsType)
    .addColumn('resolved_at', tsType)
    .addColumn('updated_at', tsType, (c) => c.notNull())
    .addColumn('search_text', 'text', (c) => c.notNull())
    .addColumn('event_count', 'integer', (c) => c.notNull())
    .addColumn('last_event_hash', 'text', (c) => c.notNull())
    .addUniqueConstraint('cases_ref_unique', ['workspace_id', 'ref'])
    .execute();
  for (const col of ['reported_at', 'updated_at', 'severity', 'resolve_due_at'] as const) {
    await db.schema.createIndex(`cases_ws_${col}`).on('cases').columns(['workspace_id', col, 'id']).execute();
  }
  await db.schema.createIndex('cases_ws_status').on('cases').columns(['workspace_id', 'status', 'reported_at']).execute();
  await db.schema.createIndex('cases_ws_assignee').on('cases').columns(['workspace_id', 'assignee_id']).execute();
  await db.schema.createIndex('cases_ws_team').on('cases').columns(['workspace_id', 'team_id']).execute();

  if (kind === 'postgres') {
    await sql`alter table cases add column search_vector tsvector
      generated always as (to_tsvector('english', search_text)) stored`.execute(db);
    await sql`create index cases_search on cases using gin (search_vector)`.execute(db);
  } else {
    // External-content FTS5 index over cases.search_text. New cases are indexed in batches just before
    // a search (store/cases.ts syncSearchIndex), not by an insert trigger: FTS5 writes a new index
    // segment per transaction, which made every case creation about a third slower. Rows already
    // indexed (rowid <= the marker) are kept in step by the update and delete triggers.
    await sql`create table cases_fts_state (id integer primary key check (id = 1), last_rowid integer not null)`.execute(db);
    await sql`insert into cases_fts_state (id, last_rowid) values (1, 0)`.execute(db);
    await sql`create virtual table cases_fts using fts5(search_text, content='cases', content_rowid='rowid', tokenize='porter unicode61')`.execute(
      db,
    );
    await sql`create trigger cases_fts_delete after delete on cases
      when old.rowid <= (select last_rowid from cases_fts_state) begin
      insert into cases_fts(cases_fts, rowid, search_text) values ('delete', old.rowid, old.search_text); end`.execute(db);
    await sql`create trigger cases_fts_update after update of search_text on cases
      when old.rowid <= (select last_rowid from cases_fts_state) begin
      insert into cases_fts(cases_fts, rowid, search_text) values ('delete', old.rowid, old.search_text);
      insert into cases_fts(rowid, search_text) values (new.rowid, new.search_text); end`.execute(db);
  }

  await db.schema
    .createTable('case_parties')
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('employee_id', 'text', (c) => c.notNull().references('employees.id'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('created_at', tsType, (c) => c.notNull())
    .addPrimaryKeyConstraint('case_parties_pk', ['case_id', 'employee_id'])
    .execute();

  await db.schema
    .createTable('statements')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('party', 'text', (c) => c.notNull())
    .addColumn('employee_id', 'text', (c) => c.references('employees.id'))
    .addColumn('author_name', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('taken_by', 'text', (c) => c.references('users.id'))
    .addColumn('taken_at', tsType, (c) => c.notNull())
    .addColumn('corrects_id', 'text', (c) => c.references('statements.id'))
    .execute();
  await db.schema.createIndex('statements_case').on('statements').columns(['case_id', 'taken_at']).execute();

  await db.schema
    .createTable('case_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('at', tsType, (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('prev_hash', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .addUniqueConstraint('case_events_seq_unique', ['case_id', 'seq'])
    .execute();
}
