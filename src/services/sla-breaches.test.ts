import { afterEach, beforeEach, expect, it } from 'vitest';
import { describeEachDatabase, openTestDatabase, type TestDatabase } from '../../test/databases.js';
import { buildCase, buildWorkspace } from '../../test/factories.js';
import { transitionCase } from './change-case.js';
import { createCase } from './create-case.js';
import { markSlaBreaches } from './sla-breaches.js';

const DAY = 24 * 3600_000;

describeEachDatabase('SLA-breach sweep in batches', (kind) => {
  // The sweep reads every workspace, so each test has a database of its own.
  let database: TestDatabase;
  beforeEach(async () => {
    database = await openTestDatabase(kind);
  });
  afterEach(async () => database.dispose());

  it('marks every run-out clock once across several batches, and none that stopped or is still running', async () => {
    const { ctx } = await buildWorkspace(database.db);
    const then = new Date('2026-03-01T08:00:00.000Z');
    const late = [];
    // More cases than one batch reads (50), so the sweep must page through them.
    for (let i = 0; i < 56; i++) late.push(await createCase(ctx(new Date(then.getTime() + i * 60_000)), buildCase({ severity: 3 })));
    const acknowledged = late[0] as (typeof late)[number];
    await transitionCase(ctx(new Date(then.getTime() + 3_600_000)), acknowledged.ref, { to: 'acknowledged' });
    const later = new Date(then.getTime() + 30 * DAY);
    await createCase(ctx(later), buildCase({ severity: 3 }));

    // 55 cases with both clocks run out, one acknowledged in time (its resolve clock only), one new one untouched.
    expect(await markSlaBreaches(database.db, new Date(later.getTime() + 60_000))).toBe(55 * 2 + 1);
    expect(await markSlaBreaches(database.db, new Date(later.getTime() + 60_000))).toBe(0);
    const rows = await database.db
      .selectFrom('case_events')
      .select(['case_id', (eb) => eb.fn.countAll<string | number>().as('n')])
      .where('kind', '=', 'sla_breached')
      .groupBy('case_id')
      .execute();
    expect(rows.length).toBe(56);
    expect(rows.filter((r) => Number(r.n) === 2).length).toBe(55);
  });
});
