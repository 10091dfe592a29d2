import type { Kysely } from 'kysely';
import { sql } from 'kysely';

/**
 * PostgreSQL: a case search names the customers whose name has a part starting with each word
 * (store/cases.ts customersNamed), and every search read every customer of the workspace to check
 * it: 20 to 50 ms at 25,000 customers, ten times that at a million cases. A trigram index over the
 * lower-cased name serves both of the rule's LIKE patterns (BitmapOr, 0.1 to 3 ms there), as SQLite's
 * trigram table of migration 0038 does. pg_trgm ships with PostgreSQL and is a trusted extension
 * (a database's owner may create it); it is made once per database, in `public` unless it is
 * already there in another schema, and the operator class is named with that schema, because a
 * connection's search_path may hold its own schema alone (the tests' do).
 */
export async function up(db: Kysely<unknown>, kind: 'sqlite' | 'postgres'): Promise<void> {
  if (kind === 'sqlite') return;
  await sql`create extension if not exists pg_trgm with schema public`.execute(db);
  const found = await sql<{ schema: string }>`select n.nspname as schema from pg_extension e
    join pg_namespace n on n.oid = e.extnamespace where e.extname = 'pg_trgm'`.execute(db);
  const schema = found.rows[0]?.schema ?? 'public';
  await sql`create index customers_name_trgm on customers using gin (lower(name) ${sql.id(schema)}.gin_trgm_ops)`.execute(db);
}
