import { afterEach, beforeEach, expect, it } from 'vitest';
import { describeEachDatabase, openTestDatabase, type TestDatabase } from '../../test/databases.js';
import { buildCase, buildWorkspace } from '../../test/factories.js';
import { PAUSED_CLOCK } from '../domain/sla.js';
import { findCaseByRef } from '../store/cases.js';
import { listEventRows } from '../store/events.js';
import { clearBusinessHours, listBusinessHours, setBusinessHours, type WeekText } from './business-hours.js';
import { transitionCase, updateCase } from './change-case.js';
import { pauseCaseClocks, resumeCaseClocks } from './clock-pause.js';
import { inTransaction } from './context.js';
import { createCase } from './create-case.js';
import { recordCustomerMessage } from './customer-messages.js';
import { setDeadlineSettings } from './deadline-settings.js';
import { createTeam } from './directory.js';
import { proposeResolution } from './resolution.js';
import { markSlaBreaches } from './sla-breaches.js';

const open = { start: '09:00', end: '17:00' };
const weekdays: WeekText = { mon: open, tue: open, wed: open, thu: open, fri: open, sat: null, sun: null };
const HOUR = 3_600_000;

describeEachDatabase('SLA clocks on business hours, with pauses', (kind) => {
  // The breach sweep reads every workspace, so each test has a database of its own.
  let database: TestDatabase;
  beforeEach(async () => {
    database = await openTestDatabase(kind);
  });
  afterEach(async () => database.dispose());

  async function shop() {
    const ws = await buildWorkspace(database.db);
    const team = await createTeam(ws.ctx(), 'Front desk');
    return { ...ws, team };
  }

  it('counts a team’s opening hours, skips its holidays, and a regulated preset counts every minute', async () => {
    const { ctx, team } = await shop();
    await setBusinessHours(ctx(), team.id, { timeZone: 'America/Los_Angeles', week: weekdays, holidays: [] });
    // Fri 6 Mar 2026 16:00 PST; severity 3 is acknowledged within 8 hours: 1 on Friday, 7 on Monday (PDT by then).
    const friday = new Date('2026-03-07T00:00:00.000Z');
    const kase = await createCase(ctx(friday), buildCase({ severity: 3, teamId: team.id }));
    expect(kase.clock.basis).toBe('business');
    expect(kase.sla.acknowledge.dueAt).toBe('2026-03-09T23:00:00.000Z');

    await setBusinessHours(ctx(), team.id, {
      timeZone: 'America/Los_Angeles',
      week: weekdays,
      holidays: [{ date: '2026-03-09', name: 'Staff training day' }],
    });
    const afterHoliday = await createCase(ctx(friday), buildCase({ severity: 3, teamId: team.id }));
    expect(afterHoliday.sla.acknowledge.dueAt).toBe('2026-03-10T23:00:00.000Z');
    expect((await listBusinessHours(ctx())).items[0]?.holidays).toEqual([{ date: '2026-03-09', name: 'Staff training day' }]);

    // A case without a team, or of a team without hours, counts every minute.
    const noTeam = await createCase(ctx(friday), buildCase({ severity: 3 }));
    expect([noTeam.clock.basis, noTeam.sla.acknowledge.dueAt]).toEqual(['calendar', '2026-03-07T08:00:00.000Z']);

    await setDeadlineSettings(ctx(), { preset: 'eight_week', targets: [], caseTypes: [] });
    const regulated = await createCase(ctx(friday), buildCase({ severity: 3, teamId: team.id }));
    expect(regulated.clock.basis).toBe('regulated');
    expect(regulated.sla.acknowledge.dueAt).toBe('2026-03-10T00:00:00.000Z');
    await expect(pauseCaseClocks(ctx(friday), regulated.ref)).rejects.toMatchObject({ code: 'conflict' });

    // Moving the first case under the regulated preset re-times it in calendar time.
    await setDeadlineSettings(ctx(), { preset: 'custom', targets: [], caseTypes: [] });
    await clearBusinessHours(ctx(), team.id);
    const moved = await updateCase(ctx(friday), kase.ref, { severity: 2 });
    expect([moved.clock.basis, moved.sla.acknowledge.dueAt]).toEqual(['calendar', '2026-03-07T04:00:00.000Z']);
  });

  it('stops the clocks while waiting on the customer: no breach, sorted after running clocks, due times moved on resume', async () => {
    const { ctx } = await shop();
    const t0 = new Date('2026-03-02T10:00:00.000Z');
    const kase = await createCase(ctx(t0), buildCase({ severity: 3 }));
    expect(kase.sla.acknowledge.dueAt).toBe('2026-03-02T18:00:00.000Z');

    const paused = await pauseCaseClocks(ctx(new Date(t0.getTime() + HOUR)), kase.ref, 'Asked for the receipt');
    expect(paused.clock.pausedAt).toBe('2026-03-02T11:00:00.000Z');
    await expect(pauseCaseClocks(ctx(new Date(t0.getTime() + HOUR)), kase.ref)).rejects.toMatchObject({ code: 'conflict' });

    // A day later nothing has run out: the clock stands still.
    const dayLater = new Date(t0.getTime() + 24 * HOUR);
    expect(await markSlaBreaches(database.db, dayLater)).toBe(0);
    const ws = await database.db
      .selectFrom('cases')
      .select(['workspace_id', 'next_due_at'])
      .where('ref', '=', kase.ref)
      .executeTakeFirstOrThrow();
    expect(ws.next_due_at).toBe(PAUSED_CLOCK);

    // Resumed after 24 h of waiting (23 of them paused): the due time moves by the 23 h.
    const resumed = await resumeCaseClocks(ctx(dayLater), kase.ref);
    expect(resumed.clock.pausedAt).toBeNull();
    expect(resumed.sla.acknowledge.dueAt).toBe('2026-03-03T17:00:00.000Z');
    expect(resumed.sla.acknowledge.state).toBe('pending');
    await expect(resumeCaseClocks(ctx(dayLater), kase.ref)).rejects.toMatchObject({ code: 'conflict' });

    const stored = await findCaseByRef(database.db, ws.workspace_id, kase.ref);
    expect(stored?.next_due_at).toBe('2026-03-03T17:00:00.000Z');
    const events = await listEventRows(database.db, ws.workspace_id, resumed.id);
    const kinds = events.map((e) => e.kind);
    expect(kinds).toContain('clock_paused');
    expect(JSON.parse(events.find((e) => e.kind === 'clock_resumed')?.data ?? '{}')).toMatchObject({
      pausedAt: '2026-03-02T11:00:00.000Z',
      cause: 'resumed',
      acknowledgeDueAt: '2026-03-03T17:00:00.000Z',
    });

    // Past the moved due time, the sweep marks it.
    expect(await markSlaBreaches(database.db, new Date('2026-03-03T17:01:00.000Z'))).toBe(1);
  });

  it('resumes when the customer writes in, and when the case finishes', async () => {
    const { ctx } = await shop();
    const t0 = new Date('2026-03-02T10:00:00.000Z');
    const kase = await createCase(ctx(t0), buildCase({ severity: 3 }));
    await pauseCaseClocks(ctx(new Date(t0.getTime() + HOUR)), kase.ref);
    const wsId = (await database.db.selectFrom('cases').select('workspace_id').where('ref', '=', kase.ref).executeTakeFirstOrThrow())
      .workspace_id;
    await inTransaction(database.db, async (db) => {
      const row = await findCaseByRef(db, wsId, kase.ref, true);
      if (!row) throw new Error('no case');
      await recordCustomerMessage(db, row, { via: 'web', body: 'Here is the receipt.' }, new Date(t0.getTime() + 3 * HOUR));
    });
    const afterMessage = await findCaseByRef(database.db, wsId, kase.ref);
    expect(afterMessage?.clock_paused_at).toBeNull();
    expect(afterMessage?.acknowledge_due_at).toBe('2026-03-02T20:00:00.000Z');

    await pauseCaseClocks(ctx(new Date(t0.getTime() + 4 * HOUR)), kase.ref);
    const fiveHours = ctx(new Date(t0.getTime() + 5 * HOUR));
    for (const to of ['investigating', 'resolving'] as const) await transitionCase(fiveHours, kase.ref, { to });
    const fix = { problem: 'No receipt', options: ['Refund'], solution: 'Refund', policyRefs: [], cost: { amount: 0, currency: 'USD' } };
    await proposeResolution(fiveHours, kase.ref, fix);
    const resolved = await transitionCase(ctx(new Date(t0.getTime() + 6 * HOUR)), kase.ref, { to: 'resolved' });
    expect(resolved.clock.pausedAt).toBeNull();
    const events = await listEventRows(database.db, wsId, resolved.id);
    expect(events.filter((e) => e.kind === 'clock_resumed').map((e) => JSON.parse(e.data).cause)).toEqual([
      'customer_replied',
      'case_finished',
    ]);
  });

  it('refuses opening hours that never open and a team of another workspace, changing nothing', async () => {
    const { ctx, team } = await shop();
    const other = await shop();
    const closed: WeekText = { mon: null, tue: null, wed: null, thu: null, fri: null, sat: null, sun: null };
    await expect(setBusinessHours(ctx(), team.id, { timeZone: null, week: closed, holidays: [] })).rejects.toMatchObject({
      code: 'validation',
    });
    await expect(setBusinessHours(ctx(), other.team.id, { timeZone: null, week: weekdays, holidays: [] })).rejects.toMatchObject({
      code: 'not_found',
    });
    expect((await listBusinessHours(ctx())).items.every((t) => !t.set)).toBe(true);
    expect((await listBusinessHours(other.ctx())).items.every((t) => !t.set)).toBe(true);
  });
});
