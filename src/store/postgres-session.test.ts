import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openEmptyTestDatabase, type TestDatabase } from '../../test/databases.js';

const PG_URL = process.env.TEST_DATABASE_URL;

let database: TestDatabase;
beforeAll(async () => {
  if (PG_URL) database = await openEmptyTestDatabase('postgres');
});
afterAll(async () => {
  await database?.dispose();
});

it.skipIf(!PG_URL)('runs every pooled PostgreSQL connection with JIT off and in its own schema', async () => {
  // Several at once, so more than one connection of the pool answers.
  const rows = await Promise.all(
    Array.from({ length: 4 }, () =>
      database.db.transaction().execute(async (trx) => {
        const jit = await sql<{ jit: string }>`show jit`.execute(trx);
        const path = await sql<{ search_path: string }>`show search_path`.execute(trx);
        return { jit: jit.rows[0]?.jit, path: path.rows[0]?.search_path };
      }),
    ),
  );
  for (const r of rows) expect(r).toEqual({ jit: 'off', path: database.pgSchema });
});
