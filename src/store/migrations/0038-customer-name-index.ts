import type { Kysely } from 'kysely';
import { sql } from 'kysely';

/**
 * A search by customer name read every customer of the workspace with LIKE (seconds at 250,000
 * customers). On SQLite a trigram index over the names (FTS5, external content, kept by triggers
 * in the writer's transaction like cases_fts) names the few customers whose name holds each word;
 * the search's own rule is then checked on those alone (store/cases.ts customersNamed).
 * PostgreSQL keeps its plan: a trigram index there needs the pg_trgm extension.
 */
export async function up(db: Kysely<unknown>, kind: 'sqlite' | 'postgres'): Promise<void> {
  if (kind === 'postgres') return;
  await sql`create virtual table customers_names using fts5(name, content='customers', content_rowid='rowid', tokenize='trigram')`.execute(
    db,
  );
  await sql`insert into customers_names(customers_names) values ('rebuild')`.execute(db);
  await sql`create trigger customers_names_insert after insert on customers begin
    insert into customers_names(rowid, name) values (new.rowid, new.name); end`.execute(db);
  await sql`create trigger customers_names_delete after delete on customers begin
    insert into customers_names(customers_names, rowid, name) values ('delete', old.rowid, old.name); end`.execute(db);
  await sql`create trigger customers_names_update after update of name on customers begin
    insert into customers_names(customers_names, rowid, name) values ('delete', old.rowid, old.name);
    insert into customers_names(rowid, name) values (new.rowid, new.name); end`.execute(db);
}
