import { uuidv7 } from 'uuidv7';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase, openTestDatabase, type TestDatabase } from '../../test/databases.js';
import { buildCase, buildWorkspace } from '../../test/factories.js';
import { buildCast } from '../../test/people.js';
import { caseMetricPage } from '../store/dashboard.js';
import { CASE_METRIC_COLUMNS, caseMetricsCsv } from './case-metrics-export.js';
import { transitionCase } from './change-case.js';
import type { ServiceContext } from './context.js';
import { createCase } from './create-case.js';
import { readDashboard } from './dashboard.js';
import { readPeopleReport } from './people-report.js';
import { listCases } from './read-cases.js';
import { proposeResolution } from './resolution.js';
import { markSlaBreaches } from './sla-breaches.js';

const at = (iso: string) => new Date(iso);
const minutesAfter = (iso: string, n: number) => new Date(Date.parse(iso) + n * 60_000);
// Three local days in Berlin (UTC+1 before the clocks change): 2, 3 and 4 March 2026.
const PERIOD = { from: '2026-03-01T23:00:00.000Z', to: '2026-03-04T23:00:00.000Z' };
const NOW = at('2026-03-05T00:00:00.000Z');

const failure = (p: Promise<unknown>) =>
  p.then(
    () => 'ok',
    (e: { code?: string }) => e.code,
  );

describeEachDatabase('the dashboard, against figures worked out by hand', (kind) => {
  let database: TestDatabase;
  let ws: Awaited<ReturnType<typeof buildWorkspace>>;
  let cast: Awaited<ReturnType<typeof buildCast>>;
  const as = (actor: ServiceContext['actor']): ServiceContext => ({ db: database.db, actor, now: NOW });

  async function report(reportedAt: string, input: Parameters<typeof buildCase>[0] & { teamId: string }) {
    return createCase(ws.ctx(at(reportedAt)), {
      ...buildCase(input),
      employees: [{ employeeId: cast.employeeA.actor.employeeId as string, role: 'primary' }],
      customer: { name: `Customer ${Math.random()}`, email: null },
    });
  }

  async function answer(caseId: string, party: 'customer' | 'employee', score: number) {
    await database.db
      .insertInto('follow_ups')
      .values({
        id: uuidv7(),
        workspace_id: ws.workspace.id,
        case_id: caseId,
        party,
        employee_id: party === 'employee' ? cast.employeeA.actor.employeeId : null,
        user_id: null,
        due_at: '2026-03-04T12:00:00.000Z',
        status: 'answered',
        token_hash: null,
        sent_at: '2026-03-04T12:00:00.000Z',
        expires_at: null,
        answered_at: '2026-03-04T13:00:00.000Z',
        answer: JSON.stringify(
          party === 'customer'
            ? { satisfaction: score, wouldReturn: true, comment: null }
            : { feltSupported: score, wantsTraining: false, wantsHelp: false, comment: null },
        ),
        satisfaction: party === 'customer' ? score : null,
        wants_help: party === 'employee' ? 0 : null,
        created_at: '2026-03-04T12:00:00.000Z',
      })
      .execute();
  }

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    ws = await buildWorkspace(database.db);
    await database.db.updateTable('workspaces').set({ time_zone: 'Europe/Berlin' }).where('id', '=', ws.workspace.id).execute();
    cast = await buildCast(ws.ctx());
    const a = cast.teamA.id;
    const b = cast.teamB.id;

    // 1: acknowledged after 30 minutes, resolved after 10 hours; customer 5, employee 4.
    const one = await report('2026-03-02T08:00:00.000Z', { teamId: a, channel: 'email', severity: 2 });
    await transitionCase(ws.ctx(minutesAfter('2026-03-02T08:00:00.000Z', 30)), one.ref, { to: 'acknowledged' });
    for (const to of ['investigating', 'resolving'] as const)
      await transitionCase(ws.ctx(minutesAfter('2026-03-02T08:00:00.000Z', 60)), one.ref, { to });
    await proposeResolution(ws.ctx(minutesAfter('2026-03-02T08:00:00.000Z', 60)), one.ref, {
      problem: 'The parcel came late',
      options: ['Refund the fee'],
      solution: 'Refund the fee',
      policyRefs: [],
      cost: { amount: 5, currency: 'EUR' },
    });
    await transitionCase(ws.ctx(minutesAfter('2026-03-02T08:00:00.000Z', 600)), one.ref, { to: 'resolved' });
    await answer(one.id, 'customer', 5);
    await answer(one.id, 'employee', 4);

    // 2: 23:30 UTC on 2 March is 00:30 on 3 March in Berlin; acknowledged after 90 minutes.
    const two = await report('2026-03-02T23:30:00.000Z', { teamId: a, channel: 'phone', severity: 3 });
    await transitionCase(ws.ctx(minutesAfter('2026-03-02T23:30:00.000Z', 90)), two.ref, { to: 'acknowledged' });

    // 3: team B, a refund of 20.00 EUR, acknowledged after 60 minutes; the customer answered 2.
    const three = await report('2026-03-04T10:00:00.000Z', {
      teamId: b,
      channel: 'email',
      severity: 2,
      financialImpact: { amount: 20, currency: 'EUR', kind: 'refund' },
    });
    await transitionCase(ws.ctx(minutesAfter('2026-03-04T10:00:00.000Z', 60)), three.ref, { to: 'acknowledged' });
    await answer(three.id, 'customer', 2);

    // 4: severity 1, never acknowledged: its hour runs out at 13:00 and the sweep marks the breach.
    await report('2026-03-04T12:00:00.000Z', { teamId: b, channel: 'chat', severity: 1 });
    await markSlaBreaches(database.db, at('2026-03-04T14:00:00.000Z'));

    // Before the period (23:30 on 1 March in Berlin): the previous period's only case, still open.
    await report('2026-03-01T22:30:00.000Z', { teamId: a, channel: 'email', severity: 3 });
  });
  afterAll(async () => database.dispose());

  it('counts volume by local day, team and severity, beside the previous period', async () => {
    const d = await readDashboard(ws.ctx(NOW), { ...PERIOD, bucket: 'day' });
    expect(d.headline.cases).toEqual({ current: 4, previous: 1, change: 3 });
    expect(d.volume.overTime.map((b) => [b.bucket, b.count])).toEqual([
      ['2026-03-02', 1],
      ['2026-03-03', 1],
      ['2026-03-04', 2],
    ]);
    expect(d.volume.byTeam.map((b) => [b.key, b.count])).toEqual([
      [cast.teamA.id, 2],
      [cast.teamB.id, 2],
    ]);
    expect(d.volume.bySeverity.map((b) => b.count)).toEqual([1, 2, 1, 0]);
    expect(d.heatmap).toContainEqual({ weekday: 2, hour: 0, count: 1 });
    expect(d.backlog).toEqual([
      { date: '2026-03-02', open: 1 },
      { date: '2026-03-03', open: 2 },
      { date: '2026-03-04', open: 4 },
    ]);
  });

  it('gives response times as nearest-rank median and 90th percentile of the buckets, and breaches over the period’s cases', async () => {
    const d = await readDashboard(ws.ctx(NOW), PERIOD);
    // 30, 60 and 90 minutes: 60 is below 64, its own bucket; 90 shares the bucket 90–91, shown by its upper end.
    expect(d.response.acknowledge).toEqual({ count: 3, median: 60, p90: 91 });
    // 600 minutes falls in the bucket 592–607.
    expect(d.response.resolve).toEqual({ count: 1, median: 607, p90: 607 });
    expect(d.response.breaches.count).toBe(1);
    expect(d.response.breaches.rate).toBe(0.25);
    expect(d.response.breaches.bySeverity[0]).toEqual({ severity: 1, cases: 1, breached: 1, rate: 1 });
  });

  it('shows the customer’s and the employee’s answers side by side, and cost per kind and currency', async () => {
    const d = await readDashboard(ws.ctx(NOW), PERIOD);
    expect(d.satisfaction.customer).toEqual({
      asked: 2,
      answered: 2,
      responseRate: 1,
      mean: 3.5,
      goodShare: 0.5,
      distribution: [0, 1, 0, 0, 1],
    });
    expect(d.satisfaction.employee).toMatchObject({ asked: 1, answered: 1, mean: 4 });
    expect(d.cost.byKind).toEqual([{ kind: 'refund', currency: 'EUR', amountMinor: 2000, cases: 1 }]);
  });

  it('opens the inbox on exactly the cases behind a bar', async () => {
    const d = await readDashboard(as(cast.supervisorA.actor), { ...PERIOD, bucket: 'day' });
    const total = async (q: Parameters<typeof listCases>[1]) => (await listCases(as(cast.supervisorA.actor), q)).total;
    const day = d.volume.overTime[1];
    expect(await total({ reportedFrom: day?.from, reportedTo: day?.to })).toBe(day?.count);
    const team = d.volume.byTeam[0];
    expect(team?.count).toBe(2);
    expect(await total({ teamId: team?.key, reportedFrom: PERIOD.from, reportedTo: PERIOD.to })).toBe(team?.count);
    const admin = await readDashboard(ws.ctx(NOW), PERIOD);
    const low = (await listCases(ws.ctx(NOW), { satisfaction: [2], reportedFrom: PERIOD.from, reportedTo: PERIOD.to })).total;
    expect(low).toBe(admin.satisfaction.customer.distribution[1]);
    // The employee's side drills down the same way: the one employee answer felt supported at 4.
    const supported = async (levels: number[]) =>
      (await listCases(ws.ctx(NOW), { supported: levels, reportedFrom: PERIOD.from, reportedTo: PERIOD.to })).total;
    expect(await supported([4])).toBe(admin.satisfaction.employee.distribution[3]);
    expect(await supported([4])).toBe(1);
    expect(await supported([1, 2])).toBe(0);
    const breached = (await listCases(ws.ctx(NOW), { breached: true, reportedFrom: PERIOD.from, reportedTo: PERIOD.to })).total;
    expect(breached).toBe(admin.response.breaches.count);
  });

  it('shows supervisors their teams only, employees nothing, the HR view to HR and admins', async () => {
    const d = await readDashboard(as(cast.supervisorA.actor), PERIOD);
    expect(d.headline.cases.current).toBe(2);
    expect(await failure(readDashboard(as(cast.supervisorA.actor), { ...PERIOD, teamId: cast.teamB.id }))).toBe('forbidden');
    expect(await failure(readDashboard(as(cast.employeeA.actor), PERIOD))).toBe('forbidden');
    expect(await failure(readDashboard(ws.ctx(NOW), { ...PERIOD, teamId: uuidv7() }))).toBe('not_found');
    expect(await failure(readPeopleReport(as(cast.supervisorA.actor), PERIOD))).toBe('forbidden');
    const people = await readPeopleReport(as(cast.hr.actor), PERIOD);
    expect(people.conflicts).toEqual([expect.objectContaining({ name: 'Emma Involved', cases: 4, casesWithLoss: 1 })]);
    const logged = await database.db
      .selectFrom('access_log')
      .select('resource')
      .where('workspace_id', '=', ws.workspace.id)
      .where('actor_id', '=', cast.hr.actor.userId)
      .execute();
    expect(logged.map((r) => r.resource)).toContain('people_report');
  });

  it('exports one row per case with its metrics, oldest first', async () => {
    let text = '';
    for await (const chunk of await caseMetricsCsv(ws.ctx(NOW), PERIOD, { bom: true })) text += chunk;
    expect(text.startsWith('\uFEFFref,reportedAt,')).toBe(true);
    const lines = text.slice(1).trimEnd().split('\r\n');
    expect(lines).toHaveLength(5);
    const first = Object.fromEntries(CASE_METRIC_COLUMNS.map((c, i) => [c, lines[1]?.split(',')[i]]));
    expect(first).toMatchObject({
      minutesToAcknowledge: '30',
      minutesToResolve: '600',
      customerSatisfaction: '5',
      employeeFeltSupported: '4',
    });
    expect(lines[3]).toContain(',refund,20,EUR');
  });

  it('writes the same export a page at a time, the next page read while this one is written', async () => {
    const read = async (pageSize?: number) => {
      let text = '';
      for await (const chunk of await caseMetricsCsv(ws.ctx(NOW), PERIOD, { pageSize })) text += chunk;
      return text;
    };
    const whole = await read();
    expect(whole.trimEnd().split('\r\n')).toHaveLength(5);
    for (const pageSize of [1, 2, 3, 4]) expect(await read(pageSize), `pages of ${pageSize}`).toBe(whole);
  });

  it('names who is above a review rule today, every employee checked at once', async () => {
    const before = await readPeopleReport(as(cast.hr.actor), PERIOD);
    expect(before.aboveThreshold).toEqual([]);
    // Two costly conflicts before the period (the rule looks back 12 months from now, not at the period).
    for (const reportedAt of ['2026-02-10T10:00:00.000Z', '2026-02-20T10:00:00.000Z'])
      await report(reportedAt, { teamId: cast.teamA.id, financialImpact: { amount: 600, currency: 'EUR', kind: 'refund' } });
    const people = await readPeopleReport(as(cast.hr.actor), PERIOD);
    expect(people.aboveThreshold).toEqual([
      expect.objectContaining({
        employeeId: cast.employeeA.actor.employeeId,
        name: 'Emma Involved',
        rule: 'Two or more costly conflicts in a year',
        counted: 2,
        threshold: 2,
      }),
    ]);
    expect(people.conflicts).toEqual(before.conflicts);
  });

  it('pages the per-case export by time and id, each page starting where the last one ended', async () => {
    const f = { workspaceId: ws.workspace.id, from: PERIOD.from, to: PERIOD.to };
    const whole = await caseMetricPage(database.db, f, undefined, 100);
    const walked: string[] = [];
    let after: { reportedAt: string; id: string } | undefined;
    for (;;) {
      const page = await caseMetricPage(database.db, f, after, 1);
      const last = page.at(-1);
      if (!last) break;
      walked.push(last.ref);
      after = { reportedAt: last.reported_at, id: last.id };
    }
    expect(whole.length).toBe(4);
    expect(walked).toEqual(whole.map((c) => c.ref));
  });
});
