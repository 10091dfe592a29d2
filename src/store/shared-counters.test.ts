import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase, openTestDatabase, type TestDatabase } from '../../test/databases.js';
import { clearCounter, hitCounter, pruneCounters } from './shared-counters.js';

describeEachDatabase('shared counters', (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
  });
  afterAll(async () => database.dispose());

  it('gives every one of many concurrent hits its own count', async () => {
    const now = new Date('2026-03-02T10:00:00.000Z');
    const hits = await Promise.all(Array.from({ length: 40 }, () => hitCounter(database.db, 'race', 60_000, now)));
    expect(hits.map((h) => h.hits).sort((a, b) => a - b)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    expect(new Set(hits.map((h) => h.resetsAt))).toEqual(new Set(['2026-03-02T10:01:00.000Z']));
  });

  it('starts a new window once the old one is over, and forgets a cleared or pruned key', async () => {
    const t0 = new Date('2026-03-02T11:00:00.000Z');
    const later = (ms: number) => new Date(t0.getTime() + ms);
    await hitCounter(database.db, 'window', 60_000, t0);
    expect(await hitCounter(database.db, 'window', 60_000, later(59_999))).toEqual({ hits: 2, resetsAt: '2026-03-02T11:01:00.000Z' });
    expect(await hitCounter(database.db, 'window', 60_000, later(60_000))).toEqual({ hits: 1, resetsAt: '2026-03-02T11:02:00.000Z' });
    await clearCounter(database.db, 'window');
    expect((await hitCounter(database.db, 'window', 60_000, later(61_000))).hits).toBe(1);
    await pruneCounters(database.db, later(10 * 60_000));
    const left = await database.db.selectFrom('shared_counters').select('key').execute();
    expect(left).toEqual([]);
  });
});
