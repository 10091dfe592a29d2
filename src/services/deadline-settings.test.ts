import { afterEach, beforeEach, expect, it } from 'vitest';
import { describeEachDatabase, openTestDatabase, type TestDatabase } from '../../test/databases.js';
import { buildCase, buildWorkspace } from '../../test/factories.js';
import { buildResolvedCase } from '../../test/follow-through.js';
import { buildCast } from '../../test/people.js';
import type { AppError } from '../domain/errors.js';
import { transitionCase, updateCase } from './change-case.js';
import { createCase } from './create-case.js';
import { getDeadlineSettings, setDeadlineSettings } from './deadline-settings.js';
import { listCaseFollowUps } from './follow-ups.js';
import { listEvents } from './read-cases.js';
import { markSlaBreaches } from './sla-breaches.js';

const DAY = 24 * 3600_000;

describeEachDatabase('deadline presets, case types and SLA breaches', (kind) => {
  // markSlaBreaches marks every late clock of the database, so each test has a database of its own and
  // the breach counts below are this test's cases only.
  let database: TestDatabase;
  beforeEach(async () => {
    database = await openTestDatabase(kind);
  });
  afterEach(async () => database.dispose());

  it('times clocks by the case type preset, else the workspace preset, and re-times them when the type changes', async () => {
    const { ctx } = await buildWorkspace(database.db);
    const now = new Date('2026-04-01T08:00:00.000Z');
    const settings = await setDeadlineSettings(ctx(now), {
      preset: 'eight_week',
      targets: [{ severity: 3, acknowledgeMinutes: 120, resolveMinutes: 2880 }],
      caseTypes: [
        { name: 'Payments', preset: 'fifteen_sixty' },
        { name: 'Feedback', preset: 'custom' },
      ],
    });
    expect(settings.preset).toBe('eight_week');
    expect(settings.targets.find((t) => t.severity === 3)).toEqual({ severity: 3, acknowledgeMinutes: 120, resolveMinutes: 2880 });
    const payments = settings.caseTypes.find((t) => t.name === 'Payments')?.id as string;
    const feedback = settings.caseTypes.find((t) => t.name === 'Feedback')?.id as string;

    const plain = await createCase(ctx(now), buildCase({ severity: 3 }));
    expect(plain.sla.resolve.dueAt).toBe(new Date(now.getTime() + 56 * DAY).toISOString());
    const typed = await createCase(ctx(now), buildCase({ severity: 3, caseTypeId: payments }));
    expect(typed.caseTypeId).toBe(payments);
    expect(typed.sla.acknowledge.dueAt).toBe(new Date(now.getTime() + 15 * DAY).toISOString());
    expect(typed.sla.resolve.dueAt).toBe(new Date(now.getTime() + 60 * DAY).toISOString());

    const retimed = await updateCase(ctx(new Date(now.getTime() + 3600_000)), typed.ref, { caseTypeId: feedback });
    expect(retimed.sla.acknowledge.dueAt).toBe('2026-04-01T10:00:00.000Z');
    expect(retimed.sla.resolve.dueAt).toBe('2026-04-03T08:00:00.000Z');

    const unknown = await createCase(ctx(now), buildCase({ caseTypeId: '01a20000-0000-7000-8000-000000000000' })).catch((e: AppError) => e);
    expect((unknown as AppError).code).toBe('validation');
    const dup = await setDeadlineSettings(ctx(now), {
      preset: 'custom',
      targets: [],
      caseTypes: [{ name: 'payments', preset: 'custom' }],
    }).catch((e: AppError) => e);
    expect((dup as AppError).code).toBe('validation');
    expect((await getDeadlineSettings(ctx(now))).caseTypes).toHaveLength(2);
  });

  it('says on the field, in hours, when a target acknowledges later than it resolves, and saves nothing', async () => {
    const { ctx } = await buildWorkspace(database.db);
    const before = await getDeadlineSettings(ctx());
    const refused = await setDeadlineSettings(ctx(), {
      preset: 'custom',
      targets: [
        { severity: 1, acknowledgeMinutes: 60, resolveMinutes: 24 * 60 },
        { severity: 2, acknowledgeMinutes: 48 * 60, resolveMinutes: 24 * 60 },
      ],
      caseTypes: [],
    }).catch((e: AppError) => e);
    expect((refused as AppError).errors).toEqual([
      { path: 'targets.1.acknowledgeMinutes', message: 'Severity 2: acknowledging (48 h) cannot take longer than resolving (24 h)' },
    ]);
    expect(await getDeadlineSettings(ctx())).toEqual(before);
  });

  it('asks each side after the workspace’s own follow-up delays, and keeps them when a save leaves them out', async () => {
    const ws = await buildWorkspace(database.db);
    const cast = await buildCast(ws.ctx());
    const before = await getDeadlineSettings(ws.ctx());
    expect(before.followUpDelays).toEqual({ customerHours: 72, employeeHours: 48 });
    await setDeadlineSettings(ws.ctx(), {
      preset: 'custom',
      targets: [],
      caseTypes: [],
      followUpDelays: { customerHours: 24, employeeHours: 6 },
    });
    await setDeadlineSettings(ws.ctx(), { preset: 'custom', targets: [], caseTypes: [], timeZone: 'Europe/Lisbon' });
    expect(await getDeadlineSettings(ws.ctx())).toMatchObject({
      followUpDelays: { customerHours: 24, employeeHours: 6 },
      timeZone: 'Europe/Lisbon',
    });

    const resolvedAt = new Date('2026-07-01T10:00:00.000Z');
    const kase = await buildResolvedCase(ws.ctx(resolvedAt), {
      teamId: cast.teamA.id,
      employeeId: cast.employeeA.actor.employeeId as string,
    });
    const due = Object.fromEntries((await listCaseFollowUps(ws.ctx(), kase.ref)).map((f) => [f.party, f.dueAt]));
    expect(due).toEqual({ customer: '2026-07-02T10:00:00.000Z', employee: '2026-07-01T16:00:00.000Z' });
  });

  it('marks each breached clock once, with one sla_breached event, however often it runs', async () => {
    const { ctx } = await buildWorkspace(database.db);
    const reported = new Date('2026-05-01T08:00:00.000Z');
    const late = await createCase(ctx(reported), buildCase({ severity: 1 })); // acknowledge 1h, resolve 24h
    const acked = await createCase(ctx(reported), buildCase({ severity: 1 }));
    await transitionCase(ctx(reported), acked.ref, { to: 'acknowledged' });

    const afterAck = new Date(reported.getTime() + 2 * 3600_000);
    expect(await markSlaBreaches(database.db, afterAck)).toBe(1);
    expect(await markSlaBreaches(database.db, afterAck)).toBe(0);
    const breaches = (ref: string) =>
      listEvents(ctx(afterAck), ref, 0, 50).then((p) => p.items.filter((e) => e.kind === 'sla_breached').map((e) => e.data));
    expect(await breaches(late.ref)).toEqual([{ clock: 'acknowledge', dueAt: late.sla.acknowledge.dueAt }]);
    expect(await breaches(acked.ref)).toEqual([]);

    const nextDay = new Date(reported.getTime() + 2 * DAY);
    expect(await markSlaBreaches(database.db, nextDay)).toBe(2);
    expect(await markSlaBreaches(database.db, nextDay)).toBe(0);
    expect((await breaches(late.ref)).map((d) => d.clock)).toEqual(['acknowledge', 'resolve']);
    expect(await breaches(acked.ref)).toEqual([{ clock: 'resolve', dueAt: acked.sla.resolve.dueAt }]);
    const row = await database.db.selectFrom('cases').selectAll().where('id', '=', late.id).executeTakeFirstOrThrow();
    expect(row.acknowledge_breached_at).toBe(afterAck.toISOString());
    expect(row.resolve_breached_at).toBe(nextDay.toISOString());
    const events = await database.db
      .selectFrom('case_events')
      .select('actor_id')
      .where('case_id', '=', late.id)
      .where('kind', '=', 'sla_breached')
      .execute();
    expect(events.map((e) => e.actor_id)).toEqual([null, null]);
  });
});
