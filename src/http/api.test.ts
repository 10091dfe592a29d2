import { brotliDecompressSync } from 'node:zlib';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/app.js';
import { describeEachDatabase } from '../../test/databases.js';
import { buildWorkspace } from '../../test/factories.js';

const validCase = {
  title: 'Refund refused at the returns desk',
  summary: 'The customer had no receipt and shouted.',
  channel: 'in_person',
  severity: 2,
  customerState: 'angry',
};

describeEachDatabase('cases API', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(kind);
  });
  afterAll(async () => t.close());

  const post = (url: string, body: unknown, headers: Record<string, string> = t.auth) =>
    t.app.inject({ method: 'POST', url, payload: body as object, headers });

  it('answers health with the database kind', async () => {
    const res = await t.app.inject('/api/health');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'ok', database: kind });
  });

  it('compresses JSON above 1 KiB for clients that accept it, and leaves small answers alone', async () => {
    for (let i = 0; i < 4; i++) expect((await post('/api/v1/cases', validCase)).statusCode).toBe(201);
    const headers = { ...t.auth, 'accept-encoding': 'gzip, deflate, br' };
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/cases', headers });
    expect(list.headers['content-encoding']).toBe('br');
    const body = JSON.parse(brotliDecompressSync(list.rawPayload).toString()) as { items: unknown[] };
    expect(body.items.length).toBeGreaterThanOrEqual(4);
    expect(list.rawPayload.length).toBeLessThan(JSON.stringify(body).length / 2);
    const health = await t.app.inject({ method: 'GET', url: '/api/health', headers: { 'accept-encoding': 'br' } });
    expect(health.headers['content-encoding']).toBeUndefined();
    expect(health.json()).toMatchObject({ status: 'ok' });
  });

  it('requires a valid bearer token with a problem+json 401', async () => {
    for (const headers of [{}, { authorization: 'Bearer dfs_not-a-real-token' }, { authorization: 'Basic abc' }]) {
      const res = await t.app.inject({ method: 'GET', url: '/api/v1/cases', headers });
      expect(res.statusCode).toBe(401);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().type).toBe('urn:defuse:problem:unauthenticated');
    }
  });

  it('runs a case: create, get, search by a statement word, transition legally and not illegally', async () => {
    const created = await post('/api/v1/cases', { ...validCase, customer: { name: 'Ann Lee', email: 'ann@example.com' } });
    expect(created.statusCode).toBe(201);
    const ref = created.json().ref as string;
    expect(created.headers.location).toBe(`/api/v1/cases/${ref}`);
    expect(
      (
        await post(`/api/v1/cases/${ref}/statements`, {
          party: 'customer',
          authorName: 'Ann Lee',
          body: 'The clerk rolled his eyes at me.',
        })
      ).statusCode,
    ).toBe(201);
    const found = await t.app.inject({ url: '/api/v1/cases?q=eyes', headers: t.auth });
    expect(found.json().items.map((c: { ref: string }) => c.ref)).toEqual([ref]);
    const ok = await post(`/api/v1/cases/${ref}/transitions`, { to: 'acknowledged' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().status).toBe('acknowledged');
    const bad = await post(`/api/v1/cases/${ref}/transitions`, { to: 'closed' });
    expect(bad.statusCode).toBe(409);
    expect(bad.json()).toMatchObject({ type: 'urn:defuse:problem:illegal_transition', status: 409 });
    const timeline = await t.app.inject({ url: `/api/v1/cases/${ref}/events`, headers: t.auth });
    expect(timeline.json().items.map((e: { kind: string }) => e.kind)).toEqual(['case_created', 'statement_added', 'status_changed']);
    const detail = await t.app.inject({ url: `/api/v1/cases/${ref}`, headers: t.auth });
    expect(detail.json().statements).toHaveLength(1);
    const verified = await t.app.inject({ url: `/api/v1/cases/${ref}/verification`, headers: t.auth });
    expect(verified.json()).toEqual({ intact: true, eventsChecked: 3, firstBreak: null });
    await t.database.db.updateTable('case_events').set({ at: '2001-01-01T00:00:00.000Z' }).where('seq', '=', 3).execute();
    const tampered = await t.app.inject({ url: `/api/v1/cases/${ref}/verification`, headers: t.auth });
    expect(tampered.json()).toMatchObject({ intact: false, firstBreak: { seq: 3 } });
  });

  it('answers 404, not 403, for a case of another workspace', async () => {
    const created = await post('/api/v1/cases', validCase);
    const other = await buildWorkspace(t.database.db);
    const res = await t.app.inject({ url: `/api/v1/cases/${created.json().ref}`, headers: { authorization: `Bearer ${other.token}` } });
    expect(res.statusCode).toBe(404);
    expect(res.json().type).toBe('urn:defuse:problem:not_found');
  });

  it('gives field-level errors for unknown fields, wrong types and bad enums', async () => {
    const res = await post('/api/v1/cases', { ...validCase, severity: 9, channel: 'pigeon', colour: 'red' });
    expect(res.statusCode).toBe(400);
    const paths = res.json().errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['body.severity', 'body.channel', 'body']));
    expect(res.body).not.toMatch(/at .*\.ts:\d+/);
  });

  it('refuses bad bodies clearly: invalid JSON, bad UTF-8, deep nesting, too large, wrong content type', async () => {
    const send = (payload: string | Buffer, type = 'application/json') =>
      t.app.inject({ method: 'POST', url: '/api/v1/cases', payload, headers: { ...t.auth, 'content-type': type } });
    const cases: [string | Buffer, number, string, string?][] = [
      ['{"title": ', 400, 'not valid JSON'],
      [Buffer.from([0x7b, 0x22, 0x74, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]), 400, 'UTF-8'],
      [`${'['.repeat(100)}${']'.repeat(100)}`, 400, 'nested'],
      ['{"__proto__": {"admin": true}}', 400, 'not valid JSON'],
      [JSON.stringify({ ...validCase, summary: 'x'.repeat(2 * 1024 * 1024) }), 413, 'size limit'],
      [JSON.stringify({ ...validCase, title: 'nul \u0000 here' }), 400, 'NUL'],
      ['title=x', 415, 'application/json', 'application/x-www-form-urlencoded'],
    ];
    for (const [payload, status, detail, type] of cases) {
      const res = await send(payload, type);
      expect(res.statusCode, String(detail)).toBe(status);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().detail).toContain(detail);
    }
    expect((await t.app.inject({ url: '/api/v1/cases?q=%00', headers: t.auth })).statusCode).toBe(400);
    const list = await t.app.inject({ url: '/api/v1/cases?limit=1000', headers: t.auth });
    expect(list.statusCode).toBe(400);
    expect(list.json().errors[0].path).toBe('querystring.limit');
  });

  it('publishes every route in OpenAPI 3.1', async () => {
    const doc = (await t.app.inject('/api/openapi.json')).json();
    expect(doc.openapi).toBe('3.1.0');
    for (const path of [
      '/api/v1/cases',
      '/api/v1/cases/{ref}',
      '/api/v1/cases/{ref}/events',
      '/api/v1/cases/{ref}/statements',
      '/api/health',
    ]) {
      expect(Object.keys(doc.paths)).toContain(path);
    }
    expect((await t.app.inject('/api/docs')).statusCode).toBeLessThan(400);
  });

  it('answers unknown routes with problem+json 404', async () => {
    const res = await t.app.inject('/api/v1/nope');
    expect(res.statusCode).toBe(404);
    expect(res.json().type).toBe('urn:defuse:problem:not_found');
  });
  it('lists the playbooks and recommends a strategy from the case facts, with reasons', async () => {
    const list = await t.app.inject({ url: '/api/v1/playbooks', headers: t.auth });
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((p: { key: string }) => p.key)).toEqual(
      expect.arrayContaining([
        'five-steps',
        'six-tips',
        'manager-mediation',
        'strategy-withdraw',
        'strategy-diffuse',
        'strategy-confront',
        'strategy-negotiate',
      ]),
    );
    const one = await t.app.inject({ url: '/api/v1/playbooks/manager-mediation', headers: t.auth });
    expect(one.json().steps.length).toBeGreaterThanOrEqual(5);
    expect((await t.app.inject({ url: '/api/v1/playbooks/no-such-thing', headers: t.auth })).statusCode).toBe(404);

    const hostile = (await post('/api/v1/cases', { ...validCase, customerState: 'hostile' })).json().ref as string;
    const rec = await t.app.inject({ url: `/api/v1/cases/${hostile}/recommendation`, headers: t.auth });
    expect(rec.statusCode).toBe(200);
    expect(rec.json()).toMatchObject({ strategy: 'withdraw', facts: { customerState: 'hostile' } });
    expect(rec.json().reasons.length).toBeGreaterThan(0);
    expect(rec.json().alternatives).toHaveLength(3);
    const calm = (await post('/api/v1/cases', { ...validCase, customerState: 'calm', severity: 4 })).json().ref as string;
    const policy = await t.app.inject({ url: `/api/v1/cases/${calm}/recommendation?policyAtStake=true`, headers: t.auth });
    expect(policy.json().strategy).toBe('confront');
    const bad = await t.app.inject({ url: `/api/v1/cases/${calm}/recommendation?policyAtStake=maybe`, headers: t.auth });
    expect(bad.statusCode).toBe(400);
  });
  it('coaches over the API with the same findings as the library', async () => {
    const customer = 'This is the third time I am writing. Refund me or I will post a review everywhere!';
    const reply = 'I am so sorry this keeps happening. Calm down, it is not my department.';
    const res = await post('/api/v1/coach/analyze', { customer, reply });
    expect(res.statusCode).toBe(200);
    const { createCoach } = await import('../coach/index.js');
    expect(res.json()).toEqual(JSON.parse(JSON.stringify(createCoach().analyze({ customer, reply }))));
    expect(res.json().customer.escalation.map((e: { kind: string }) => e.kind)).toEqual(expect.arrayContaining(['review']));
    expect(res.json().reply.problems.map((p: { kind: string }) => p.kind)).toEqual(expect.arrayContaining(['dismissive', 'deflection']));
    const empty = await post('/api/v1/coach/analyze', { reply: '   ' });
    expect(empty.statusCode).toBe(400);
    const tooLong = await post('/api/v1/coach/analyze', { reply: 'a'.repeat(20_001) });
    expect(tooLong.statusCode).toBe(400);
  });
});
