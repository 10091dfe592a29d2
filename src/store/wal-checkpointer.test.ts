import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'kysely';
import { afterEach, expect, it } from 'vitest';
import { openSqlite } from './db.js';

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Writes enough to fill the WAL well past a default checkpoint (1,000 pages). */
async function writeMuch(db: ReturnType<typeof openSqlite>['db']) {
  await sql`create table t (id integer primary key, body text)`.execute(db);
  for (let i = 0; i < 40; i++)
    await db.transaction().execute(async (trx) => {
      for (let j = 0; j < 25; j++) await sql`insert into t (body) values (${'x'.repeat(4_000)})`.execute(trx);
    });
}

it('copies the WAL into the database file from its own thread, the writer never checkpointing', async () => {
  dir = mkdtempSync(join(tmpdir(), 'defuse-wal-'));
  const file = join(dir, 'defuse.db');
  const database = openSqlite(file, undefined, true);
  await writeMuch(database.db);
  const before = statSync(file).size;
  await sleep(800);
  // The pages now sit in the database file, copied by the checkpointer while this thread slept.
  expect(statSync(file).size).toBeGreaterThan(before + 3_000_000);
  await database.close();
});

it('leaves the writer checkpointing by itself without the option', async () => {
  dir = mkdtempSync(join(tmpdir(), 'defuse-wal-'));
  const file = join(dir, 'defuse.db');
  const database = openSqlite(file);
  await writeMuch(database.db);
  // The writer's own automatic checkpoints already moved most pages into the file.
  expect(statSync(file).size).toBeGreaterThan(3_000_000);
  await database.close();
});
