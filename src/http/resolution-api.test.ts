import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/app.js';
import { describeEachDatabase } from '../../test/databases.js';
import { buildCast } from '../../test/people.js';

describeEachDatabase('resolution and closing over HTTP', (kind) => {
  let t: TestApp;
  let cast: Awaited<ReturnType<typeof buildCast>>;
  beforeAll(async () => {
    t = await buildTestApp(kind);
    cast = await buildCast(t.workspace.ctx());
  });
  afterAll(async () => t.close());

  const call = (method: 'GET' | 'POST' | 'PUT', url: string, payload?: object, headers = t.auth) =>
    t.app.inject({ method, url: `/api/v1${url}`, headers, ...(payload ? { payload } : {}) });

  it('walks a case from a pending resolution through approval to a closed case with its root cause', async () => {
    const created = await call('POST', '/cases', {
      title: 'Refund row',
      summary: 'Refund refused at the till.',
      channel: 'in_person',
      severity: 3,
      customerState: 'angry',
      teamId: cast.teamA.id,
      assigneeId: cast.employeeA.actor.userId,
    });
    const ref = created.json().ref as string;
    for (const to of ['investigating', 'resolving']) expect((await call('POST', `/cases/${ref}/transitions`, { to })).statusCode).toBe(200);
    expect((await call('GET', `/cases/${ref}/resolution`, undefined, cast.employeeA.auth)).json()).toEqual({ resolution: null });

    const body = {
      problem: 'Refund refused',
      options: ['Refund', 'Credit'],
      solution: 'Refund in full',
      policyRefs: [],
      cost: { amount: 250, currency: 'EUR' },
    };
    const proposed = await call('PUT', `/cases/${ref}/resolution`, body, cast.employeeA.auth);
    expect(proposed.statusCode).toBe(200);
    expect(proposed.json()).toMatchObject({ approvalState: 'pending', limitApplied: 100 });
    const blocked = await call('POST', `/cases/${ref}/transitions`, { to: 'resolved' });
    expect(blocked.statusCode).toBe(409);
    expect(blocked.json()).toMatchObject({ type: 'urn:defuse:problem:conflict' });
    expect((await call('POST', `/cases/${ref}/resolution/decision`, { decision: 'approve' }, cast.supervisorB.auth)).statusCode).toBe(404);
    expect((await call('POST', `/cases/${ref}/resolution/decision`, { decision: 'approve' }, cast.supervisorA.auth)).statusCode).toBe(200);
    expect((await call('POST', `/cases/${ref}/transitions`, { to: 'resolved' })).statusCode).toBe(200);

    const refused = await call('POST', `/cases/${ref}/transitions`, { to: 'closed', outcome: 'Refunded' });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors.map((e: { path: string }) => e.path)).toEqual(['rootCause.category', 'rootCause.whys']);
    const rootCause = {
      category: 'policy',
      whys: ['The refund rule needs a receipt', 'Digital receipts are not accepted'],
      factors: ['New staff'],
    };
    const closed = await call('POST', `/cases/${ref}/transitions`, { to: 'closed', outcome: 'Refunded', rootCause });
    expect(closed.statusCode).toBe(200);
    const detail = (await call('GET', `/cases/${ref}`)).json();
    expect(detail).toMatchObject({ status: 'closed', outcome: 'Refunded', rootCause });
  });

  it('lets everyone read the deadline settings and only admins change them', async () => {
    const put = { preset: 'fifteen_sixty', targets: [], caseTypes: [{ name: 'Payments', preset: 'eight_week' }] };
    expect((await call('PUT', '/settings/deadlines', put, cast.supervisorA.auth)).statusCode).toBe(403);
    expect((await call('PUT', '/settings/deadlines', put)).statusCode).toBe(200);
    const read = await call('GET', '/settings/deadlines', undefined, cast.employeeB.auth);
    expect(read.json()).toMatchObject({ preset: 'fifteen_sixty', caseTypes: [{ name: 'Payments', preset: 'eight_week' }] });
    const limits = await call('GET', '/settings/authority-limits', undefined, cast.hr.auth);
    expect(limits.json().roles).toEqual({ employee: 100, supervisor: 1000, hr: 0, admin: null });
  });

  it('reads promises in replies on the workspace’s clock, and refuses a time zone that does not exist', async () => {
    const bad = await call('PUT', '/settings/deadlines', { preset: 'custom', targets: [], caseTypes: [], timeZone: 'Mars/Olympus' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toEqual([expect.objectContaining({ path: 'body.timeZone' })]);
    const promise = async () => {
      const res = await call('POST', '/coach/analyze', { reply: "I'll call you back tomorrow at 3pm." });
      const due = (res.json().reply.moves as { kind: string; due?: string }[]).find((m) => m.kind === 'commitment')?.due;
      return new Date(due ?? '');
    };
    const wallHour = (at: Date, timeZone: string) =>
      Number(new Intl.DateTimeFormat('en-GB', { hour: '2-digit', hourCycle: 'h23', timeZone }).format(at));
    for (const timeZone of ['America/Los_Angeles', 'Asia/Tokyo']) {
      expect((await call('PUT', '/settings/deadlines', { preset: 'custom', targets: [], caseTypes: [], timeZone })).statusCode).toBe(200);
      expect(wallHour(await promise(), timeZone)).toBe(15);
    }
  });
});
