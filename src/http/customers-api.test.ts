import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/app.js';
import { describeEachDatabase } from '../../test/databases.js';
import { buildCase } from '../../test/factories.js';
import { buildCast, type Person } from '../../test/people.js';
import { createCase } from '../services/create-case.js';

type Json = Record<string, unknown>;

describeEachDatabase('customers API', (kind) => {
  let t: TestApp;
  let cast: Awaited<ReturnType<typeof buildCast>>;
  const as = (p: Person | { auth: Record<string, string> }) => ({
    get: async (url: string) => {
      const res = await t.app.inject({ method: 'GET', url, headers: p.auth });
      return { status: res.statusCode, type: res.headers['content-type'], body: res.json() as Json, raw: res.body };
    },
    post: async (url: string, payload: object) => {
      const res = await t.app.inject({ method: 'POST', url, headers: p.auth, payload });
      return { status: res.statusCode, type: res.headers['content-type'], body: res.json() as Json, raw: res.body };
    },
  });

  beforeAll(async () => {
    t = await buildTestApp(kind);
    cast = await buildCast(t.workspace.ctx());
  }, 60_000);
  afterAll(async () => t.close());

  const customerOfTeamA = async (details: { name: string; email: string; phone?: string }) => {
    const kase = await createCase(t.workspace.ctx(), {
      ...buildCase({ riskFlags: ['media'] }),
      teamId: cast.teamA.id,
      employees: [{ employeeId: cast.employeeA.actor.employeeId as string, role: 'primary' }],
      customer: details,
    });
    return { id: kase.customerId as string, ref: kase.ref };
  };

  it('never hands contact details, or the customer at all, to an employee who has no case with them', async () => {
    const { id } = await customerOfTeamA({ name: 'Rafael Costa', email: 'rafael@example.test', phone: '+351 21 000 0000' });
    const stranger = await as(cast.employeeB).get(`/api/v1/customers/${id}`);
    expect(stranger.status).toBe(404);
    expect(stranger.type).toContain('application/problem+json');
    expect(stranger.raw).not.toContain('rafael');
    expect(stranger.raw).not.toContain('Rafael');

    const party = await as(cast.employeeA).get(`/api/v1/customers/${id}`);
    expect(party.status).toBe(200);
    expect(party.body).toMatchObject({ name: 'Rafael Costa', contactHidden: false, possibleDuplicates: [], can: { merge: false } });
    expect(party.body.signals).toMatchObject({ threats: [{ kind: 'media', cases: 1 }] });
    // A supervisor of another team finds the customer (customers are workspace-wide for them) and may merge.
    const other = await as(cast.supervisorB).get(`/api/v1/customers/${id}`);
    expect(other.body).toMatchObject({ cases: [], otherCases: 1, can: { merge: true } });
  });

  it('filters the case list by customer signals and refuses a filter that is not true or false', async () => {
    const { ref } = await customerOfTeamA({ name: 'Yuki Mori', email: 'yuki@example.test' });
    const threats = await as(t).get('/api/v1/cases?threat=true&limit=200');
    expect((threats.body.items as { ref: string }[]).map((c) => c.ref)).toContain(ref);
    const flagged = await as(t).get('/api/v1/cases?abuseFlagged=true');
    expect(flagged.body.items).toEqual([]);
    const bad = await as(t).get('/api/v1/cases?repeatCustomer=maybe');
    expect(bad.status).toBe(400);
    expect(bad.type).toContain('application/problem+json');
    expect(bad.body.errors).toEqual([expect.objectContaining({ path: 'querystring.repeatCustomer' })]);
  });

  it('answers a bad merge with problem+json naming the field, and a good one with the kept customer', async () => {
    const kept = await customerOfTeamA({ name: 'Ada Obi', email: 'ada@example.test' });
    const dup = await customerOfTeamA({ name: 'Ada Obi', email: 'ada.obi@example.test' });
    const self = await as(cast.supervisorA).post(`/api/v1/customers/${kept.id}/merge`, { intoId: kept.id });
    expect(self.status).toBe(400);
    expect(self.type).toContain('application/problem+json');
    expect(self.body).toMatchObject({
      type: 'urn:defuse:problem:validation',
      errors: [{ path: 'intoId', message: 'must be another customer' }],
    });
    const unknownField = await as(cast.supervisorA).post(`/api/v1/customers/${dup.id}/merge`, { intoId: kept.id, force: true });
    expect(unknownField.status).toBe(400);
    const hr = await as(cast.hr).post(`/api/v1/customers/${dup.id}/merge`, { intoId: kept.id });
    expect(hr.status).toBe(403);

    const before = await as(cast.supervisorA).get(`/api/v1/customers/${kept.id}`);
    expect(before.body.possibleDuplicates).toEqual([{ id: dup.id, name: 'Ada Obi' }]);
    const merged = await as(cast.supervisorA).post(`/api/v1/customers/${dup.id}/merge`, { intoId: kept.id });
    expect(merged.status).toBe(200);
    expect(merged.body).toMatchObject({ id: kept.id, possibleDuplicates: [], signals: { cases: { total: 2 } } });
    const again = await as(cast.supervisorA).post(`/api/v1/customers/${dup.id}/merge`, { intoId: kept.id });
    expect(again.status).toBe(409);
    expect(again.type).toContain('application/problem+json');
    const tomb = await as(cast.employeeA).get(`/api/v1/customers/${dup.id}`);
    expect(tomb.body).toMatchObject({ mergedInto: { id: kept.id, name: 'Ada Obi' }, contacts: [] });
  });
});
