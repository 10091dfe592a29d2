import { type Kysely, sql } from 'kysely';

/**
 * Durable background jobs for the embedded (SQLite) runner. The table is created on PostgreSQL too so
 * both schemas stay alike, but there pg-boss keeps its own tables and this one stays empty.
 */
export async function up(db: Kysely<unknown>, kind: 'sqlite' | 'postgres'): Promise<void> {
  const tsType = (kind === 'postgres' ? sql`timestamptz` : sql`text`) as unknown as 'text';
  await db.schema
    .createTable('jobs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull()) // JSON
    .addColumn('singleton_key', 'text')
    .addColumn('state', 'text', (c) => c.notNull()) // pending | done | failed
    .addColumn('run_at', tsType, (c) => c.notNull())
    // A claimed job is leased until this time; a worker that died mid-run loses the lease and the job runs again.
    .addColumn('locked_until', tsType)
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_error', 'text')
    .addColumn('created_at', tsType, (c) => c.notNull())
    .addColumn('finished_at', tsType)
    .execute();
  await db.schema.createIndex('jobs_due').on('jobs').columns(['state', 'run_at']).execute();
  // At most one waiting job per (name, singleton key): a second enqueue with the same key is ignored.
  await sql`create unique index jobs_singleton on jobs (name, singleton_key) where state = 'pending' and singleton_key is not null`.execute(
    db,
  );
}
