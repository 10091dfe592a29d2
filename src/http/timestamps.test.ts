import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/app.js';
import { describeEachDatabase } from '../../test/databases.js';
import { buildCase } from '../../test/factories.js';
import { createCase } from '../services/create-case.js';

/** Timestamps outside years 1..9999 (in UTC) are refused alike on both databases, before anything is stored. */
const OUT_OF_RANGE = [
  '0000-06-01T00:00:00Z',
  '0001-01-01T00:30:00+01:00', // year 0 in UTC
  '9999-12-31T23:00:00-05:00', // year 10000 in UTC
];

const cursor = (payload: unknown) => Buffer.from(JSON.stringify(payload)).toString('base64url');
const ID = '0190a000-0000-7000-8000-000000000000';

describeEachDatabase('timestamps and cursors at the edge', (kind) => {
  let t: TestApp;
  let ref: string;
  beforeAll(async () => {
    t = await buildTestApp(kind);
    ref = (await createCase(t.workspace.ctx(), buildCase())).ref;
  }, 60_000);
  afterAll(async () => t.close());

  const send = (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
    t.app.inject({ method, url, headers: t.auth, ...(payload === undefined ? {} : { payload }) });

  const expectRefused = async (res: Awaited<ReturnType<typeof send>>, path: string) => {
    expect(res.statusCode, res.body).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    // Request-schema errors name the part of the request first (body.dueAt, querystring.since).
    expect(res.json().errors.map((e: { path: string }) => e.path.split('.').at(-1))).toContain(path);
  };

  const counts = async () => {
    const [cases, commitments, followUps] = await Promise.all(
      (['cases', 'commitments', 'follow_ups'] as const).map((table) =>
        t.database.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow(),
      ),
    );
    return [cases, commitments, followUps].map((r) => Number(r?.n));
  };

  it('refuses every timestamp input outside years 0001..9999, and stores nothing', async () => {
    const before = await counts();
    for (const at of OUT_OF_RANGE) {
      const q = encodeURIComponent(at);
      await expectRefused(await send('POST', '/api/v1/cases', { ...buildCase(), occurredAt: at }), 'occurredAt');
      await expectRefused(await send('PATCH', `/api/v1/cases/${ref}`, { occurredAt: at }), 'occurredAt');
      await expectRefused(await send('GET', `/api/v1/cases?reportedFrom=${q}`), 'reportedFrom');
      await expectRefused(await send('GET', `/api/v1/cases?reportedTo=${q}`), 'reportedTo');
      await expectRefused(await send('GET', `/api/v1/reports/coaching?since=${q}`), 'since');
      await expectRefused(await send('GET', `/api/v1/reports/commitments?since=${q}`), 'since');
      await expectRefused(await send('POST', `/api/v1/cases/${ref}/commitments`, { text: 'Call back', dueAt: at }), 'dueAt');
      await expectRefused(await send('POST', `/api/v1/cases/${ref}/follow-ups`, { party: 'customer', dueAt: at }), 'dueAt');
    }
    expect(await counts()).toEqual(before);
    const detail = (await send('GET', `/api/v1/cases/${ref}`)).json();
    expect(detail.eventCount).toBe(1);
  });

  it('keeps the edges of the range and stores every timestamp in UTC on both databases', async () => {
    const first = await send('POST', '/api/v1/cases', { ...buildCase(), occurredAt: '0001-01-01T00:00:00Z' });
    expect(first.statusCode).toBe(201);
    expect(first.json().occurredAt).toBe('0001-01-01T00:00:00.000Z');
    const last = await send('POST', `/api/v1/cases/${ref}/commitments`, { text: 'Call back', dueAt: '9999-12-31T23:59:59Z' });
    expect(last.statusCode).toBe(201);
    expect(last.json().dueAt).toBe('9999-12-31T23:59:59.000Z');
    const offset = await send('PATCH', `/api/v1/cases/${ref}`, { occurredAt: '2026-03-01T12:00:00+02:00' });
    expect(offset.statusCode).toBe(200);
    expect(offset.json().occurredAt).toBe('2026-03-01T10:00:00.000Z');
    const promise = await send('POST', `/api/v1/cases/${ref}/commitments`, { text: 'Call back', dueAt: '9999-12-31T18:00:00-05:00' });
    expect(promise.statusCode).toBe(201);
    expect(promise.json().dueAt).toBe('9999-12-31T23:00:00.000Z');
  });

  it('refuses forged list cursors whose value does not fit the sort column', async () => {
    const forged = [
      { sort: 'reported_at', payload: { s: 'reported_at', o: 'desc', v: 'not a time', id: ID } },
      { sort: 'reported_at', payload: { s: 'reported_at', o: 'desc', v: 3, id: ID } },
      { sort: 'reported_at', payload: { s: 'reported_at', o: 'desc', v: '0000-01-01T00:00:00Z', id: ID } },
      { sort: 'resolve_due_at', payload: { s: 'resolve_due_at', o: 'desc', v: '+010000-01-01T00:00:00.000Z', id: ID } },
      { sort: 'updated_at', payload: { s: 'updated_at', o: 'desc', v: '2026-01-01T00:00:00Z', id: 'x\u0000y' } },
      { sort: 'severity', payload: { s: 'severity', o: 'desc', v: '2026-01-01T00:00:00Z', id: ID } },
      { sort: 'severity', payload: { s: 'severity', o: 'desc', v: 1e300, id: ID } },
    ];
    for (const { sort, payload } of forged) {
      const res = await send('GET', `/api/v1/cases?sort=${sort}&cursor=${cursor(payload)}`);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json().errors).toEqual([{ path: 'cursor', message: 'invalid cursor' }]);
    }
    const page = (await send('GET', '/api/v1/cases?sort=severity&limit=1')).json();
    expect((await send('GET', `/api/v1/cases?sort=severity&limit=1&cursor=${page.nextCursor}`)).statusCode).toBe(200);
  });
});
