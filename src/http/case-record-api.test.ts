import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/app.js';
import { describeEachDatabase } from '../../test/databases.js';
import { buildCast } from '../../test/people.js';

describeEachDatabase('the case record over HTTP: replies, refusals, root-cause filter and export', (kind) => {
  let t: TestApp;
  let cast: Awaited<ReturnType<typeof buildCast>>;
  let ref: string;
  beforeAll(async () => {
    t = await buildTestApp(kind);
    cast = await buildCast(t.workspace.ctx());
    const created = await call('POST', '/cases', {
      title: 'Wrong size delivered',
      summary: 'The jacket was two sizes too big.',
      channel: 'email',
      severity: 3,
      customerState: 'frustrated',
      teamId: cast.teamA.id,
      employees: [{ employeeId: cast.employeeA.actor.employeeId, role: 'primary' }],
      customer: { name: 'Nadia Brooks', email: 'nadia@example.com' },
    });
    ref = created.json().ref;
  });
  afterAll(async () => t.close());

  function call(method: 'GET' | 'POST', url: string, payload?: object, headers = t.auth) {
    return t.app.inject({ method, url: `/api/v1${url}`, headers, ...(payload ? { payload } : {}) });
  }

  it('emails a reply and says so in the event; the case says the customer has an email without showing it to those who may not see it', async () => {
    const sent = await call(
      'POST',
      `/cases/${ref}/replies`,
      { body: 'I am sorry. A replacement is on its way today.' },
      cast.employeeA.auth,
    );
    expect(sent.statusCode).toBe(201);
    expect(sent.json().event.data.delivery).toMatchObject({
      via: 'email',
      state: 'queued',
      replyTo: `reply+${ref.toLowerCase()}@replies.defuse.invalid`,
    });
    const spoken = await call('POST', `/cases/${ref}/replies`, { body: 'As we said on the phone.', via: 'spoken' }, cast.employeeA.auth);
    expect(spoken.json().event.data.delivery).toEqual({ via: 'spoken' });
    const bad = await call('POST', `/cases/${ref}/replies`, { body: 'x', via: 'pigeon' }, cast.employeeA.auth);
    expect(bad.statusCode).toBe(400);
    expect((await call('GET', `/cases/${ref}`, undefined, cast.employeeA.auth)).json().customer).toMatchObject({ hasEmail: true });
  });

  it('words a refusal for people and names whom to ask', async () => {
    const refused = await call(
      'POST',
      `/cases/${ref}/statements`,
      { party: 'customer', authorName: 'Nadia Brooks', body: 'My side' },
      cast.employeeA.auth,
    );
    expect(refused.statusCode).toBe(403);
    expect(refused.json().detail).toBe('Only a supervisor or an admin can add the customer’s statement. Ask Sara Team.');
    const assign = await call('POST', `/cases/${ref}/transitions`, { to: 'acknowledged' }, cast.employeeA.auth);
    expect(assign.statusCode).toBe(403);
    expect(assign.json().detail).toBe('Only a supervisor or an admin can move this case to another status.');
  });

  it('filters by root cause and exports CSV and JSON with outcome and root cause', async () => {
    for (const to of ['investigating', 'resolving']) expect((await call('POST', `/cases/${ref}/transitions`, { to })).statusCode).toBe(200);
    const resolution = {
      problem: 'Wrong size',
      options: ['Replace'],
      solution: 'Replace it',
      policyRefs: [],
      cost: { amount: 0, currency: 'EUR' },
    };
    expect(
      (await t.app.inject({ method: 'PUT', url: `/api/v1/cases/${ref}/resolution`, headers: t.auth, payload: resolution })).statusCode,
    ).toBe(200);
    expect((await call('POST', `/cases/${ref}/transitions`, { to: 'resolved' })).statusCode).toBe(200);
    const closing = {
      to: 'closed',
      outcome: 'Replaced, with a note from the warehouse',
      rootCause: { category: 'product', whys: ['The size chart was wrong'], factors: [] },
    };
    const left = await call('POST', `/cases/${ref}/transitions`, closing);
    expect(left.statusCode).toBe(409);
    const followUps = (await call('GET', `/cases/${ref}/follow-ups`)).json().items as { id: string }[];
    expect(left.json().errors.map((e: { path: string }) => e.path)).toEqual([...followUps.map(() => 'followUps'), 'proceedReason']);
    const closed = await call('POST', `/cases/${ref}/transitions`, {
      ...closing,
      proceedReason: 'The customer confirmed by phone',
      followUps: followUps.map((f) => ({ id: f.id, action: 'cancel', reason: 'Confirmed by phone' })),
    });
    expect(closed.statusCode).toBe(200);

    expect((await call('GET', '/cases?rootCause=product')).json().items.map((c: { ref: string }) => c.ref)).toEqual([ref]);
    expect((await call('GET', '/cases?rootCause=policy')).json().total).toBe(0);
    expect((await call('GET', '/cases?rootCause=nonsense')).statusCode).toBe(400);

    const csv = await call('GET', '/cases/export?rootCause=product');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toBe('attachment; filename="cases.csv"');
    const [header, row] = csv.body.trim().split('\n');
    expect(header).toMatch(/^ref,title,status,.*,outcome,rootCauseCategory,rootCauseWhys,contributingFactors$/);
    expect(row).toContain(`${ref},Wrong size delivered,closed,3,email,`);
    expect(row).toContain('"Replaced, with a note from the warehouse",product,The size chart was wrong,');
    const json = await call('GET', '/cases/export?format=json&rootCause=product');
    expect(json.json()).toMatchObject({ truncated: false, items: [{ ref, outcome: closing.outcome, rootCauseCategory: 'product' }] });
    expect((await call('GET', '/cases/export?sort=severity')).statusCode).toBe(400);
  });
});
