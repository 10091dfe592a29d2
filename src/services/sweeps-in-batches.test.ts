import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { describeEachDatabase, openTestDatabase, type TestDatabase } from '../../test/databases.js';
import { buildCase, buildWorkspace } from '../../test/factories.js';
import { buildResolvedCase } from '../../test/follow-through.js';
import { buildCast } from '../../test/people.js';
import { addCommitment } from './commitments.js';
import { createCase } from './create-case.js';
import { sendDueFollowUps } from './send-due-follow-ups.js';
import { markSlaBreaches } from './sla-breaches.js';
import { sweepCommitments } from './sweep-commitments.js';
import { sweepInBatches } from './sweep-pacer.js';

const HOUR = 3_600_000;
const at = (base: Date, hours: number) => new Date(base.getTime() + hours * HOUR);

describe('sweepInBatches', () => {
  it('reads each due row once across batches, ties on the time included, even when handling leaves a row due', async () => {
    // Rows that stay due after handling (a claim another runner won, a skipped row): a pass must not loop on them.
    const due = ['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((id, i) => ({ at: `2026-01-0${1 + Math.floor(i / 3)}`, id }));
    const handled: string[] = [];
    const reads: number[] = [];
    await sweepInBatches({
      read: async (after: { at: string; id: string } | undefined, limit) => {
        const rows = due.filter((r) => !after || r.at > after.at || (r.at === after.at && r.id > after.id)).slice(0, limit);
        reads.push(rows.length);
        return rows;
      },
      keyOf: (r) => ({ at: r.at, id: r.id }),
      handle: async (r) => void handled.push(r.id),
      batch: 3,
    });
    expect(handled).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g']);
    expect(reads).toEqual([3, 3, 1]);
  });
});

describeEachDatabase('sweeps over more than one batch', (kind) => {
  // The sweeps act on every due row of the database, so each test has a database of its own.
  let database: TestDatabase;
  beforeEach(async () => {
    database = await openTestDatabase(kind);
  });
  afterEach(async () => database.dispose());

  const eventsOf = async (kindOf: string) =>
    (await database.db.selectFrom('case_events').select('data').where('kind', '=', kindOf).execute()).map(
      (e) => (typeof e.data === 'string' ? JSON.parse(e.data) : e.data) as { id: string },
    );

  it('reminds and escalates every promise exactly once, several due at the same time', async () => {
    const ws = await buildWorkspace(database.db);
    const cast = await buildCast(ws.ctx());
    const t0 = new Date('2026-06-01T09:00:00.000Z');
    const employee = { db: database.db, actor: cast.employeeA.actor, now: t0 };
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const kase = await createCase(ws.ctx(t0), {
        ...buildCase(),
        teamId: cast.teamA.id,
        employees: [{ employeeId: cast.employeeA.actor.employeeId as string, role: 'primary' }],
      });
      // Two promises per case with the same due time: batches of 2 split the ties between them.
      for (const text of ['Call the customer back', 'Send the refund receipt'])
        ids.push((await addCommitment(employee, kase.ref, { text, dueAt: at(t0, 48 + (i % 2)).toISOString() })).id);
    }

    expect(await sweepCommitments(database.db, at(t0, 30), { batch: 2 })).toEqual({ reminded: 6, escalated: 0 });
    expect(await sweepCommitments(database.db, at(t0, 30), { batch: 2 })).toEqual({ reminded: 0, escalated: 0 });
    expect(await sweepCommitments(database.db, at(t0, 50), { batch: 2 })).toEqual({ reminded: 0, escalated: 6 });
    expect(await sweepCommitments(database.db, at(t0, 51), { batch: 2 })).toEqual({ reminded: 0, escalated: 0 });
    expect((await eventsOf('commitment_reminded')).map((d) => d.id).sort()).toEqual([...ids].sort());
    expect((await eventsOf('commitment_escalated')).map((d) => d.id).sort()).toEqual([...ids].sort());
  });

  it('sends every due follow-up exactly once', async () => {
    const ws = await buildWorkspace(database.db);
    const cast = await buildCast(ws.ctx());
    const t0 = new Date('2026-08-01T09:00:00.000Z');
    for (let i = 0; i < 3; i++)
      await buildResolvedCase(ws.ctx(t0), { teamId: cast.teamA.id, employeeId: cast.employeeA.actor.employeeId as string });

    // Each case has an employee follow-up due at 48 h and a customer one at 72 h: six, three at each time.
    expect(await sendDueFollowUps(database.db, at(t0, 73), 'https://defuse.example', undefined, { batch: 2 })).toEqual({ sent: 6 });
    expect(await sendDueFollowUps(database.db, at(t0, 74), 'https://defuse.example', undefined, { batch: 2 })).toEqual({ sent: 0 });
    const sent = (await eventsOf('follow_up_sent')).map((d) => d.id);
    const rows = await database.db.selectFrom('follow_ups').select(['id', 'status']).execute();
    expect(rows.map((r) => r.status)).toEqual(Array(6).fill('sent'));
    expect(sent.sort()).toEqual(rows.map((r) => r.id).sort());
  });

  it('marks every run-out clock exactly once in batches of two', async () => {
    const { ctx } = await buildWorkspace(database.db);
    const then = new Date('2026-03-01T08:00:00.000Z');
    // Five cases reported in the same minute: their clocks run out at the same time.
    for (let i = 0; i < 5; i++) await createCase(ctx(then), buildCase({ severity: 3 }));
    expect(await markSlaBreaches(database.db, at(then, 24 * 30), { batch: 2 })).toBe(10);
    expect(await markSlaBreaches(database.db, at(then, 24 * 30), { batch: 2 })).toBe(0);
    expect(await eventsOf('sla_breached')).toHaveLength(10);
  });
});
