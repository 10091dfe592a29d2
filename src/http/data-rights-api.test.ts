import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/app.js';
import { describeEachDatabase } from '../../test/databases.js';
import { buildCase } from '../../test/factories.js';
import { createCase } from '../services/create-case.js';

type Json = Record<string, unknown>;

describeEachDatabase('data rights API', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(kind);
  }, 60_000);
  afterAll(async () => t.close());

  const call = async (method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) => {
    const res = await t.app.inject({ method, url, headers: t.auth, ...(payload ? { payload } : {}) });
    return { status: res.statusCode, type: String(res.headers['content-type']), body: res.body, json: () => res.json() as Json };
  };

  it('hands over a readable export, refuses an erasure under hold as problem+json, then erases once released', async () => {
    const kase = await createCase(t.workspace.ctx(), {
      ...buildCase({ summary: 'Jonas Petrauskas asked for the manager.' }),
      customer: { name: 'Jonas Petrauskas', email: 'jonas@example.test' },
    });
    const id = kase.customerId as string;
    const html = await call('GET', `/api/v1/customers/${id}/export?format=html`);
    expect(html.status).toBe(200);
    expect(html.type).toMatch(/^text\/html/);
    expect(html.body).toContain('<td>Jonas Petrauskas</td>');
    expect(html.body).toContain('Jonas Petrauskas asked for the manager.');

    const hold = await call('POST', '/api/v1/legal-holds', {
      matter: 'Petrauskas complaint',
      reason: 'Regulator inquiry',
      subjects: [{ kind: 'customer', id }],
    });
    expect(hold.status).toBe(201);
    const refused = await call('POST', `/api/v1/customers/${id}/erase`, { reason: 'asked by email' });
    expect(refused.status).toBe(409);
    expect(refused.type).toMatch(/^application\/problem\+json/);
    expect(refused.json().detail).toMatch(/legal hold "Petrauskas complaint"/);
    expect((await call('GET', `/api/v1/customers/${id}/export`)).json()).toMatchObject({
      data: { customer: { name: 'Jonas Petrauskas' } },
    });

    const noReason = await call('POST', `/api/v1/legal-holds/${hold.json().id}/release`, { reason: '' });
    expect(noReason.status).toBe(400);
    expect((await call('POST', `/api/v1/legal-holds/${hold.json().id}/release`, { reason: 'Inquiry closed' })).status).toBe(200);
    const erased = await call('POST', `/api/v1/customers/${id}/erase`, { reason: 'asked by email' });
    expect(erased.status).toBe(200);
    expect(erased.json()).toMatchObject({ customerId: id, cases: 1 });
    const after = await call('GET', `/api/v1/customers/${id}/export`);
    expect(after.body).not.toContain('Petrauskas');
    const verify = await call('GET', '/api/v1/audit/verify');
    expect(verify.status).toBe(200);
    expect(verify.json()).toMatchObject({ intact: true });
  });

  it('answers bad input with field errors and a deadline computed by law', async () => {
    const bad = await call('POST', '/api/v1/data-requests', {
      subjectKind: 'customer',
      subjectId: 'nope',
      kind: 'access',
      regime: 'hipaa',
    });
    expect(bad.status).toBe(400);
    expect(bad.type).toMatch(/^application\/problem\+json/);
    const kase = await createCase(t.workspace.ctx(), { ...buildCase(), customer: { name: 'Ada Byron' } });
    const made = await call('POST', '/api/v1/data-requests', {
      subjectKind: 'customer',
      subjectId: kase.customerId,
      kind: 'erasure',
      regime: 'ccpa',
      requestedBy: 'Ada, by phone',
      identityCheck: 'Called back on the number on file',
      receivedAt: '2026-03-01T10:00:00Z',
    });
    expect(made.status).toBe(201);
    expect(made.json()).toMatchObject({ dueAt: '2026-04-15T10:00:00.000Z', status: 'open' });
    expect((await call('PUT', '/api/v1/retention', { customerMonths: 0 })).status).toBe(400);
    expect((await call('PUT', '/api/v1/retention', { customerMonths: 36 })).json()).toMatchObject({ customerMonths: 36 });
  });
});
