import { type Kysely, sql } from 'kysely';

/**
 * The event outbox: every domain event (each case timeline event, and other things worth reacting to)
 * is written here in the transaction that made it, and processors (notifications, live updates…) read
 * it in order, each keeping its own cursor.
 *
 * Order is (tx, position). SQLite commits one writer at a time, so position alone is commit order and
 * tx stays 0. On PostgreSQL a sequence value is taken before commit, so a row with a lower position can
 * become visible after a higher one; readers therefore only read rows whose transaction is older than
 * every transaction still running (`pg_snapshot_xmin`), ordered by that transaction id first. A cursor
 * can then never step over a row that commits later.
 */
export async function up(db: Kysely<unknown>, kind: 'sqlite' | 'postgres'): Promise<void> {
  if (kind === 'postgres') {
    await sql`create table event_outbox (
      position bigint generated always as identity primary key,
      tx bigint not null default (pg_current_xact_id()::text::bigint),
      workspace_id text not null,
      kind text not null,
      case_id text,
      user_id text,
      actor_id text,
      at timestamptz not null,
      data text not null
    )`.execute(db);
    await sql`create index event_outbox_order on event_outbox (tx, position)`.execute(db);
  } else {
    await sql`create table event_outbox (
      position integer primary key autoincrement,
      tx integer not null default 0,
      workspace_id text not null,
      kind text not null,
      case_id text,
      user_id text,
      actor_id text,
      at text not null,
      data text not null
    )`.execute(db);
  }
  const tsType = (kind === 'postgres' ? sql`timestamptz` : sql`text`) as unknown as 'text';
  // One row per processor: its cursor (the last event it finished), its lease (one instance at a time
  // runs a processor, which keeps events in order), and its retry state after a failure.
  await db.schema
    .createTable('event_processors')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('cursor_tx', 'bigint', (c) => c.notNull())
    .addColumn('cursor_position', 'bigint', (c) => c.notNull())
    .addColumn('lease_owner', 'text')
    .addColumn('lease_until', tsType)
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('retry_at', tsType)
    .addColumn('last_error', 'text')
    .addColumn('processed', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('updated_at', tsType, (c) => c.notNull())
    .execute();
  // Events a processor gave up on after its retries, kept for a person to look at; the processor moved on.
  await db.schema
    .createTable('event_processor_failures')
    .addColumn('processor', 'text', (c) => c.notNull())
    .addColumn('position', 'bigint', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('error', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('failed_at', tsType, (c) => c.notNull())
    .addPrimaryKeyConstraint('event_processor_failures_pk', ['processor', 'position'])
    .execute();
}
