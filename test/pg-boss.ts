import { sql } from 'kysely';
import pg from 'pg';
import type { Db } from '../src/store/schema.js';

export const PG_URL = process.env.TEST_DATABASE_URL ?? '';

/** The schema a test database lives in (its search_path), so a child process can open the same one. */
export async function currentSchema(db: Db): Promise<string> {
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db);
  const schema = rows[0]?.schema;
  if (!schema) throw new Error('no current schema');
  return schema;
}

/** A pg-boss schema of this test's own (pg-boss names: letters, digits and underscores, at most 50). */
export async function bossSchemaFor(db: Db): Promise<string> {
  return `${await currentSchema(db)}_boss`.slice(0, 50);
}

export async function dropSchema(schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: PG_URL });
  await client.connect();
  await client.query(`drop schema if exists ${schema} cascade`);
  await client.end();
}
