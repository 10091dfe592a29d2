import { uuidv7 } from 'uuidv7';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase, openTestDatabase, type TestDatabase } from '../../test/databases.js';
import { buildCase, buildWorkspace } from '../../test/factories.js';
import { buildCast } from '../../test/people.js';
import { CHANNELS } from '../domain/case.js';
import { rebuildCustomerChain } from '../store/customer-chain.js';
import { customerSignalConditions } from '../store/customer-signal-filters.js';
import { repeatCustomerCounts } from '../store/dashboard.js';
import { setTimeZone } from '../store/settings.js';
import { transitionCase } from './change-case.js';
import { createCase } from './create-case.js';
import { type DashboardQuery, readDashboard } from './dashboard.js';
import { recordReply } from './record-reply.js';
import { proposeResolution } from './resolution.js';

const at = (iso: string) => new Date(iso);
const later = (iso: string, minutes: number) => new Date(Date.parse(iso) + minutes * 60_000);
const NOW = at('2026-06-20T12:00:00.000Z');
// Every channel and severity: the same cases, read from the rollups' cells instead of the teams' totals.
const EVERY_CELL = { channel: [...CHANNELS], severity: [1, 2, 3, 4] };

/**
 * The dashboard read from its daily rollups against the same dashboard read from the cases, on a
 * fixture spread over local days, teams and a daylight-saving change, after edits the triggers must
 * see, and after the workspace's time zone moves every local date.
 */
describeEachDatabase('the dashboard’s daily rollups agree with the cases', (kind) => {
  let database: TestDatabase;
  let ws: Awaited<ReturnType<typeof buildWorkspace>>;
  let cast: Awaited<ReturnType<typeof buildCast>>;
  const refs: string[] = [];

  // The dashboard from the rollups (totals, and every cell) and from the cases alone; the cells' reading is
  // compared without its filter, which the other two do not carry.
  const both = async (query: DashboardQuery) => {
    const rolled = await readDashboard(ws.ctx(NOW), query);
    const direct = await readDashboard(ws.ctx(NOW), query, { fromCases: true });
    const cells = await readDashboard(ws.ctx(NOW), { ...query, ...EVERY_CELL });
    expect(cells).toEqual(await readDashboard(ws.ctx(NOW), { ...query, ...EVERY_CELL }, { fromCases: true }));
    expect(cells.headline).toEqual(rolled.headline);
    expect(cells.volume).toEqual(rolled.volume);
    expect(cells.backlog).toEqual(rolled.backlog);
    return { rolled, direct };
  };

  async function answer(caseId: string, score: number) {
    await database.db
      .insertInto('follow_ups')
      .values({
        id: uuidv7(),
        workspace_id: ws.workspace.id,
        case_id: caseId,
        party: 'customer',
        employee_id: null,
        user_id: null,
        due_at: '2026-06-01T12:00:00.000Z',
        status: 'answered',
        token_hash: null,
        sent_at: '2026-06-01T12:00:00.000Z',
        expires_at: null,
        answered_at: '2026-06-01T13:00:00.000Z',
        answer: JSON.stringify({ satisfaction: score, wouldReturn: true, comment: null }),
        satisfaction: score,
        wants_help: null,
        created_at: '2026-06-01T12:00:00.000Z',
      })
      .execute();
  }

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    ws = await buildWorkspace(database.db);
    await database.db.updateTable('workspaces').set({ time_zone: 'America/New_York' }).where('id', '=', ws.workspace.id).execute();
    cast = await buildCast(ws.ctx());
    const teams = [cast.teamA.id, cast.teamB.id];
    // 40 cases, one every 21 hours from 1 March (across the 8 March clock change), at every hour of the day.
    for (let i = 0; i < 40; i += 1) {
      const reportedAt = new Date(Date.parse('2026-03-01T03:00:00.000Z') + i * 21 * 3_600_000).toISOString();
      const c = await createCase(ws.ctx(at(reportedAt)), {
        ...buildCase({
          teamId: teams[i % 2] as string,
          channel: CHANNELS[i % 3] as 'email',
          severity: ((i % 4) + 1) as 1,
          ...(i % 4 === 1 ? { financialImpact: { amount: 10 + i, currency: 'EUR', kind: 'refund' as const } } : {}),
        }),
        customer: { name: `Customer ${i % 7}`, email: `c${i % 7}@example.com` },
      });
      refs.push(c.ref);
      if (i % 3 !== 2) await transitionCase(ws.ctx(later(reportedAt, 20 + i * 17)), c.ref, { to: 'acknowledged' });
      if (i % 5 === 0) await answer(c.id, (i % 5) + 1);
      if (i % 6 === 0) {
        const resolvedAt = later(reportedAt, 300 + i * 97);
        for (const to of ['investigating', 'resolving'] as const) await transitionCase(ws.ctx(resolvedAt), c.ref, { to });
        await proposeResolution(ws.ctx(resolvedAt), c.ref, {
          problem: 'The parcel came late',
          options: ['Refund the fee'],
          solution: 'Refund the fee',
          policyRefs: [],
          cost: { amount: i, currency: i % 12 === 0 ? 'EUR' : 'USD' },
        });
        await transitionCase(ws.ctx(resolvedAt), c.ref, { to: 'resolved' });
      }
    }
    await recordReply(ws.ctx(at('2026-03-03T10:00:00.000Z')), refs[2] as string, {
      body: 'I am sorry the parcel came late. I have refunded the fee and will call you tomorrow.',
    });
  });
  afterAll(async () => database.dispose());

  it('gives every figure alike for whole local days, for days cut at the edges, and for one team', async () => {
    const whole = await both({ from: '2026-03-02T05:00:00.000Z', to: '2026-03-20T04:00:00.000Z', bucket: 'day' });
    expect(whole.rolled.headline.cases.current).toBeGreaterThan(10);
    expect(whole.rolled).toEqual(whole.direct);
    const cut = await both({ from: '2026-03-02T17:30:00.000Z', to: '2026-03-19T09:15:00.000Z', bucket: 'week' });
    expect(cut.rolled).toEqual(cut.direct);
    // March whole (from its month row) with days of February and April around it.
    const months = await both({ from: '2026-02-20T00:00:00.000Z', to: '2026-04-10T00:00:00.000Z', bucket: 'day' });
    expect(months.rolled.headline.cases.current).toBe(40);
    expect(months.rolled).toEqual(months.direct);
    const team = await both({ from: '2026-03-01T00:00:00.000Z', to: '2026-04-05T00:00:00.000Z', teamId: cast.teamB.id });
    expect(team.rolled.headline.cases.current).toBe(20);
    expect(team.rolled).toEqual(team.direct);
  });

  it('gives a supervisor their teams’ rollups and the other cases they handle, read directly', async () => {
    // One team B case handled by team A's supervisor: theirs to see, though not their team's.
    await database.db
      .updateTable('cases')
      .set({ assignee_id: cast.supervisorA.actor.userId })
      .where('ref', '=', refs[3] as string)
      .execute();
    const query = { from: '2026-02-20T00:00:00.000Z', to: '2026-04-10T00:00:00.000Z', bucket: 'day' as const };
    const ctx = { db: database.db, actor: cast.supervisorA.actor, now: NOW };
    const rolled = await readDashboard(ctx, query);
    expect(rolled.headline.cases.current).toBe(21);
    expect(rolled).toEqual(await readDashboard(ctx, query, { fromCases: true }));
  });

  it('counts a change in the same transaction that makes it, and a case reported on a day already rolled up', async () => {
    const period = { from: '2026-03-01T05:00:00.000Z', to: '2026-04-01T04:00:00.000Z' };
    const before = await readDashboard(ws.ctx(NOW), period);
    await transitionCase(ws.ctx(at('2026-06-01T00:00:00.000Z')), refs[5] as string, { to: 'acknowledged' });
    await createCase(ws.ctx(at('2026-03-10T15:00:00.000Z')), { ...buildCase({ teamId: cast.teamA.id, channel: 'phone', severity: 1 }) });
    const after = await both(period);
    expect(after.rolled.headline.cases.current).toBe((before.headline.cases.current as number) + 1);
    expect(after.rolled.response.acknowledge.count).toBe(before.response.acknowledge.count + 1);
    expect(after.rolled).toEqual(after.direct);
  });

  it('reads a dashboard filtered by channel, severity or case type from the rollups’ cells, alike with the cases', async () => {
    const caseTypeId = uuidv7();
    await database.db
      .insertInto('case_types')
      .values({ id: caseTypeId, workspace_id: ws.workspace.id, name: 'Delivery', sla_preset: 'custom', created_at: NOW.toISOString() })
      .execute();
    // Given a case type after the days were rolled up: the change marks them stale.
    await readDashboard(ws.ctx(NOW), { from: '2026-02-20T00:00:00.000Z', to: '2026-04-10T00:00:00.000Z' });
    await database.db.updateTable('cases').set({ case_type_id: caseTypeId }).where('ref', 'in', refs.slice(0, 10)).execute();
    for (const period of [
      { from: '2026-02-20T00:00:00.000Z', to: '2026-04-10T00:00:00.000Z', bucket: 'day' as const },
      { from: '2026-03-02T17:30:00.000Z', to: '2026-03-19T09:15:00.000Z', bucket: 'week' as const },
    ])
      for (const filter of [
        { channel: ['email'] },
        { severity: [2, 3] },
        { channel: ['phone', 'in_person'], severity: [1] },
        { caseTypeId },
        { caseTypeId, teamId: cast.teamA.id, severity: [1, 2] },
      ]) {
        const query = { ...period, ...filter };
        expect(await readDashboard(ws.ctx(NOW), query)).toEqual(await readDashboard(ws.ctx(NOW), query, { fromCases: true }));
      }
    const typed = await readDashboard(ws.ctx(NOW), { from: '2026-02-20T00:00:00.000Z', to: '2026-04-10T00:00:00.000Z', caseTypeId });
    expect(typed.headline.cases.current).toBe(10);
    const email = await readDashboard(ws.ctx(NOW), {
      from: '2026-02-20T00:00:00.000Z',
      to: '2026-04-10T00:00:00.000Z',
      channel: ['email'],
    });
    expect(email.volume.byChannel).toEqual([{ key: 'email', label: 'email', count: 13 }]);
  });

  it('counts repeat customers off the customer chain as a count of each customer’s cases would, after cases move', async () => {
    const customerOf = async (ref: string) =>
      (await database.db.selectFrom('cases').select('customer_id').where('ref', '=', ref).executeTakeFirstOrThrow()).customer_id as string;
    // Out of order: a case of customer 1 reported before its others.
    await createCase(ws.ctx(at('2026-02-25T10:00:00.000Z')), {
      ...buildCase({ teamId: cast.teamA.id }),
      customer: { name: 'Customer 1', email: 'c1@example.com' },
    });
    // Every case of customer 2 moves to customer 3 in one statement (a merge), one case of customer 4 to 5, one loses its customer.
    const [c2, c3, c4, c5] = await Promise.all([refs[2], refs[3], refs[4], refs[5]].map((r) => customerOf(r as string)));
    await database.db
      .updateTable('cases')
      .set({ customer_id: c3 as string })
      .where('customer_id', '=', c2 as string)
      .execute();
    await database.db
      .updateTable('cases')
      .set({ customer_id: c5 as string })
      .where('ref', '=', refs[4] as string)
      .execute();
    await database.db
      .updateTable('cases')
      .set({ customer_id: null })
      .where('ref', '=', refs[12] as string)
      .execute();
    expect(c4).not.toBe(c5);
    const rows = await database.db
      .selectFrom('cases')
      .select(['customer_id', 'reported_at'])
      .where('workspace_id', '=', ws.workspace.id)
      .execute();
    const moments = [
      '2026-01-01T00:00',
      '2026-02-26T00:00',
      '2026-03-04T00:00',
      '2026-03-09T13:00',
      '2026-03-15T00:00',
      '2026-03-22T07:30',
      '2026-04-01T00:00',
      '2026-07-01T00:00',
    ];
    for (const from of moments)
      for (const to of moments.filter((m) => m > from)) {
        const f = { workspaceId: ws.workspace.id, from: `${from}:00.000Z`, to: `${to}:00.000Z` };
        const per = new Map<string, number>();
        for (const r of rows)
          if (r.customer_id && r.reported_at >= f.from && r.reported_at < f.to) per.set(r.customer_id, (per.get(r.customer_id) ?? 0) + 1);
        const repeat = [...per.values()].filter((n) => n >= 2);
        const expected = { customers: repeat.length, cases: repeat.reduce((a, b) => a + b, 0) };
        expect(await repeatCustomerCounts(database.db, f)).toEqual(expected);
        expect(await repeatCustomerCounts(database.db, { ...f, fromCases: true })).toEqual(expected);
        // The inbox's filter: the cases of the customers with two or more cases since `from`.
        const since = new Map<string, number>();
        for (const r of rows) if (r.customer_id && r.reported_at >= f.from) since.set(r.customer_id, (since.get(r.customer_id) ?? 0) + 1);
        const listed = await database.db
          .selectFrom('cases')
          .select('customer_id')
          .where('workspace_id', '=', ws.workspace.id)
          .where((eb) => eb.and(customerSignalConditions(eb, ws.workspace.id, { repeatSince: f.from }, kind === 'postgres')))
          .execute();
        expect(listed.length).toBe(rows.filter((r) => r.customer_id && (since.get(r.customer_id) ?? 0) >= 2).length);
      }
    // Rows written with the triggers set aside (a bulk load) get their chain from rebuildCustomerChain.
    const all = { workspaceId: ws.workspace.id, from: '2026-01-01T00:00:00.000Z', to: '2026-07-01T00:00:00.000Z' };
    const expected = await repeatCustomerCounts(database.db, { ...all, fromCases: true });
    await database.db.updateTable('cases').set({ customer_prev_at: null, customer_prev2_at: null }).execute();
    expect((await repeatCustomerCounts(database.db, all)).customers).toBe(0);
    await rebuildCustomerChain(database.db, ws.workspace.id);
    expect(await repeatCustomerCounts(database.db, all)).toEqual(expected);
    expect(expected.customers).toBeGreaterThan(3);
  });

  it('moves every case to its new local day when the workspace’s time zone changes', async () => {
    const period = { from: '2026-03-01T00:00:00.000Z', to: '2026-04-01T00:00:00.000Z', bucket: 'day' as const };
    const inNewYork = await readDashboard(ws.ctx(NOW), period);
    await setTimeZone(database.db, ws.workspace.id, 'Asia/Tokyo');
    const inTokyo = await both(period);
    expect(inTokyo.rolled.timeZone).toBe('Asia/Tokyo');
    expect(inTokyo.rolled.volume.overTime.map((b) => b.count)).not.toEqual(inNewYork.volume.overTime.map((b) => b.count));
    expect(inTokyo.rolled).toEqual(inTokyo.direct);
    const wide = await both({ from: '2026-02-01T00:00:00.000Z', to: '2026-05-01T00:00:00.000Z' });
    expect(wide.rolled).toEqual(wide.direct);
    const stale = await database.db.selectFrom('dashboard_stale').select('utc_date').where('workspace_id', '=', ws.workspace.id).execute();
    expect(stale).toEqual([]);
  });
});
