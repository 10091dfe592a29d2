import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { describe } from 'vitest';
import { type Database, type DatabaseKind, openDatabase } from '../src/store/db.js';
import { migrateToLatest } from '../src/store/migrate.js';

const PG_URL = process.env.TEST_DATABASE_URL;

/** A test database; `pgSchema` names its PostgreSQL schema, which migrations need to be told. */
export type TestDatabase = Database & { pgSchema?: string; dispose(): Promise<void> };

/** A fresh, migrated database of the given kind: a temp SQLite file, or a new PostgreSQL schema. */
export async function openTestDatabase(kind: DatabaseKind): Promise<TestDatabase> {
  const database = await openEmptyTestDatabase(kind);
  await migrateToLatest(database, database.pgSchema);
  return database;
}

/** A fresh database of the given kind with no tables yet, for tests that run the migrations themselves. */
export async function openEmptyTestDatabase(kind: DatabaseKind): Promise<TestDatabase> {
  if (kind === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'defuse-test-'));
    const database = openDatabase({ dataDir: dir });
    const dispose = async () => {
      await database.close();
      rmSync(dir, { recursive: true, force: true });
    };
    return { ...database, dispose };
  }
  if (!PG_URL) throw new Error('TEST_DATABASE_URL is not set');
  const schema = `t_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const database = openDatabase({ dataDir: '', databaseUrl: PG_URL, pgSchema: schema, poolSize: 12 });
  return {
    ...database,
    pgSchema: schema,
    dispose: async () => {
      await database.close();
      const c = new pg.Client({ connectionString: PG_URL });
      await c.connect();
      await c.query(`drop schema ${schema} cascade`);
      await c.end();
    },
  };
}

/** Runs the same suite on SQLite and, when TEST_DATABASE_URL is set, on PostgreSQL (Kysely's own test style). */
export function describeEachDatabase(name: string, suite: (kind: DatabaseKind) => void): void {
  describe(`${name} [sqlite]`, () => suite('sqlite'));
  describe.skipIf(!PG_URL)(`${name} [postgres]`, () => suite('postgres'));
}
