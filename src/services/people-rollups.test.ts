import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase, openTestDatabase, type TestDatabase } from '../../test/databases.js';
import { buildCase, buildWorkspace } from '../../test/factories.js';
import { buildCast } from '../../test/people.js';
import { rebuildPeopleDays } from '../store/people-days.js';
import { setTimeZone } from '../store/settings.js';
import type { ServiceContext } from './context.js';
import { createCase } from './create-case.js';
import { readPeopleReport } from './people-report.js';

const NOW = new Date('2026-06-20T12:00:00.000Z');
const START = Date.parse('2026-02-20T05:00:00.000Z');
const HOUR = 3_600_000;

/** Period edges: whole UTC days and months, cut days, one day alone, the whole history. */
const MOMENTS = [
  '2026-01-01T00:00',
  '2026-02-27T13:45',
  '2026-03-01T00:00',
  '2026-03-09T07:30',
  '2026-03-09T19:00',
  '2026-04-01T00:00',
  '2026-07-01T00:00',
].map((m) => `${m}:00.000Z`);

/**
 * HR's people report counts each employee's conflicts from its rollup (whole UTC days and months)
 * and the cases at a period's edges; it must give what counting the cases alone gives, for any
 * period and team, after every kind of change the triggers must see.
 */
describeEachDatabase('HR’s people rollup agrees with the cases', (kind) => {
  let database: TestDatabase;
  let ws: Awaited<ReturnType<typeof buildWorkspace>>;
  let cast: Awaited<ReturnType<typeof buildCast>>;
  const ids: string[] = [];
  const hr = (): ServiceContext => ({ db: database.db, actor: cast.hr.actor, now: NOW });

  const agreeEverywhere = async () => {
    let compared = 0;
    // One team too, for the periods from the first two moments.
    for (const from of MOMENTS)
      for (const to of MOMENTS.filter((m) => m > from))
        for (const teamId of from <= (MOMENTS[1] as string) ? [undefined, cast.teamA.id] : [undefined]) {
          const rolled = await readPeopleReport(hr(), { from, to, teamId });
          const direct = await readPeopleReport(hr(), { from, to, teamId }, { fromCases: true });
          expect(rolled.conflicts).toEqual(direct.conflicts);
          compared += rolled.conflicts.length;
        }
    return compared;
  };

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    ws = await buildWorkspace(database.db);
    await database.db.updateTable('workspaces').set({ time_zone: 'America/New_York' }).where('id', '=', ws.workspace.id).execute();
    cast = await buildCast(ws.ctx());
    const a = cast.employeeA.actor.employeeId as string;
    const b = cast.employeeB.actor.employeeId as string;
    // 60 cases, one every 19 hours from 20 February: primary A, primary B, or A only as a witness.
    for (let i = 0; i < 60; i += 1) {
      const c = await createCase(ws.ctx(new Date(START + i * 19 * HOUR)), {
        ...buildCase(i % 4 === 1 ? { financialImpact: { amount: 10 + i, currency: 'EUR', kind: 'refund' } } : {}),
        ...(i % 10 === 9 ? {} : { teamId: i % 2 === 0 ? cast.teamA.id : cast.teamB.id }),
        employees: [{ employeeId: i % 3 === 1 ? b : a, role: i % 3 === 2 ? 'witness' : 'primary' }],
      });
      ids.push(c.id);
    }
  });
  afterAll(async () => database.dispose());

  it('counts alike for whole days and months, days cut at the edges, and one team', async () => {
    expect(await agreeEverywhere()).toBeGreaterThan(30);
    const all = await readPeopleReport(hr(), { from: MOMENTS[0] as string, to: MOMENTS.at(-1) as string });
    expect(all.conflicts.map((c) => [c.name, c.cases, c.casesWithLoss])).toEqual([
      ['Eli Elsewhere', 20, 5],
      ['Emma Involved', 20, 5],
    ]);
    // The rollup is what is read: without its rows the whole days go missing.
    await database.db.deleteFrom('people_days').where('workspace_id', '=', ws.workspace.id).execute();
    await database.db.deleteFrom('people_months').where('workspace_id', '=', ws.workspace.id).execute();
    const emptied = await readPeopleReport(hr(), { from: MOMENTS[0] as string, to: MOMENTS.at(-1) as string });
    expect(emptied.conflicts).toEqual([]);
    const dates = await database.db.selectFrom('cases').select('reported_at').where('workspace_id', '=', ws.workspace.id).execute();
    await rebuildPeopleDays(
      database.db,
      ws.workspace.id,
      dates.map((d) => new Date(d.reported_at).toISOString().slice(0, 10)),
    );
    expect(await readPeopleReport(hr(), { from: MOMENTS[0] as string, to: MOMENTS.at(-1) as string })).toEqual(all);
  });

  it('follows parties named, changed and removed, and cases that change loss, team or day', async () => {
    const a = cast.employeeA.actor.employeeId as string;
    const b = cast.employeeB.actor.employeeId as string;
    const before = await readPeopleReport(hr(), { from: MOMENTS[0] as string, to: MOMENTS.at(-1) as string });
    await database.db
      .updateTable('case_parties')
      .set({ role: 'primary' })
      .where('case_id', '=', ids[2] as string)
      .execute();
    await database.db
      .updateTable('case_parties')
      .set({ employee_id: b })
      .where('case_id', '=', ids[3] as string)
      .execute();
    await database.db
      .deleteFrom('case_parties')
      .where('case_id', '=', ids[4] as string)
      .execute();
    await database.db
      .insertInto('case_parties')
      .values({ workspace_id: ws.workspace.id, case_id: ids[4] as string, employee_id: a, role: 'primary', created_at: NOW.toISOString() })
      .execute();
    await database.db
      .deleteFrom('case_parties')
      .where('case_id', '=', ids[7] as string)
      .execute();
    await database.db
      .updateTable('cases')
      .set({ impact_amount_minor: 5000, impact_currency: 'EUR', impact_kind: 'refund' })
      .where('id', '=', ids[6] as string)
      .execute();
    await database.db
      .updateTable('cases')
      .set({ team_id: cast.teamB.id })
      .where('id', '=', ids[12] as string)
      .execute();
    await database.db
      .updateTable('cases')
      .set({ reported_at: '2026-03-30T23:59:00.000Z' })
      .where('id', '=', ids[15] as string)
      .execute();
    // A case reported on a day already rolled up.
    await createCase(ws.ctx(new Date(START + 5 * 19 * HOUR + HOUR)), {
      ...buildCase({ financialImpact: { amount: 99, currency: 'EUR', kind: 'credit' } }),
      teamId: cast.teamA.id,
      employees: [{ employeeId: b, role: 'primary' }],
    });
    const after = await readPeopleReport(hr(), { from: MOMENTS[0] as string, to: MOMENTS.at(-1) as string });
    expect(after.conflicts).not.toEqual(before.conflicts);
    expect(await agreeEverywhere()).toBeGreaterThan(30);
    const stale = await database.db.selectFrom('dashboard_stale').select('utc_date').where('workspace_id', '=', ws.workspace.id).execute();
    expect(stale).toEqual([]);
  });

  it('keeps its UTC days when the workspace’s time zone moves the dashboard’s local ones', async () => {
    await setTimeZone(database.db, ws.workspace.id, 'Asia/Tokyo');
    expect(await agreeEverywhere()).toBeGreaterThan(30);
  });
});
