import { sql } from 'kysely';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { describeEachDatabase, openTestDatabase, type TestDatabase } from '../../test/databases.js';
import { prepared } from './prepared.js';
import type { Db } from './schema.js';

describeEachDatabase('prepared statements', (kind) => {
  let database: TestDatabase;
  beforeEach(async () => {
    database = await openTestDatabase(kind);
    await database.db
      .insertInto('workspaces')
      .values(['w1', 'w2', 'w3'].map((id) => ({ id, name: id, slug: id, created_at: '2026-01-01T00:00:00.000Z' }) as never))
      .execute();
  });
  afterEach(() => database.dispose());

  const insertCounter = prepared((db: Db, v: { workspaceId: string; year: number; lastSeq: number }) =>
    db.insertInto('case_counters').values({ workspace_id: v.workspaceId, year: v.year, last_seq: v.lastSeq }),
  );
  const counterOf = prepared((db: Db, v: { workspaceId: string; year: number }) =>
    db.selectFrom('case_counters').select('last_seq').where('workspace_id', '=', v.workspaceId).where('year', '=', v.year),
  );

  it('runs one compiled statement with each call’s own values', async () => {
    await insertCounter(database.db, { workspaceId: 'w1', year: 2025, lastSeq: 7 });
    await insertCounter(database.db, { workspaceId: 'w2', year: 2026, lastSeq: 9 });
    expect((await counterOf(database.db, { workspaceId: 'w1', year: 2025 })).rows).toEqual([{ last_seq: 7 }]);
    expect((await counterOf(database.db, { workspaceId: 'w2', year: 2026 })).rows).toEqual([{ last_seq: 9 }]);
    expect((await counterOf(database.db, { workspaceId: 'w2', year: 2025 })).rows).toEqual([]);
  });

  it('runs inside the caller’s transaction', async () => {
    await expect(
      database.db.transaction().execute(async (trx) => {
        await insertCounter(trx, { workspaceId: 'w3', year: 2025, lastSeq: 1 });
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect((await counterOf(database.db, { workspaceId: 'w3', year: 2025 })).rows).toEqual([]);
  });

  it('refuses a statement whose values would become SQL text', async () => {
    const byColumn = prepared((db: Db, v: { column: string }) => db.selectFrom('case_counters').select(sql.ref(v.column).as('x')));
    await expect(byColumn(database.db, { column: 'year' })).rejects.toThrow('did not compile to a parameter');
  });
});
