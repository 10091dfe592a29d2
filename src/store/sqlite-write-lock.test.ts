import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import { afterEach, expect, it } from 'vitest';
import { openSqlite } from './db.js';

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

// Another process on the same file (the CLI beside a running server) is a second connection.
it('holds the write lock from the start of a transaction, so a read-then-write is never refused midway', async () => {
  dir = mkdtempSync(join(tmpdir(), 'defuse-lock-'));
  const file = join(dir, 'defuse.db');
  const database = openSqlite(file);
  await sql`create table t (x integer)`.execute(database.db);
  const other = new SQLite(file);
  other.pragma('busy_timeout = 0');
  await database.db.transaction().execute(async (trx) => {
    await sql`select count(*) from t`.execute(trx);
    // A deferred transaction would let this commit, and then fail its own write below with SQLITE_BUSY.
    expect(() => other.prepare('insert into t values (2)').run()).toThrow(/database is locked/);
    await sql`insert into t values (1)`.execute(trx);
  });
  expect(other.prepare('select x from t').all()).toEqual([{ x: 1 }]);
  other.close();
  await database.close();
});
