import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/app.js';
import { describeEachDatabase, openTestDatabase } from '../../test/databases.js';
import { buildCase, buildWorkspace } from '../../test/factories.js';
import { buildCast } from '../../test/people.js';
import { signal } from '../../test/signal.js';
import { createEventRunner } from '../events/event-runner.js';
import { eventProcessors } from '../events/processors.js';
import { closeGracefully } from '../server.js';
import { queueEmail } from '../store/outbox.js';
import { buildApp } from './app.js';

const METRICS_TOKEN = 'scraper-token-0123456789abcdef';
const silentLog = { info: () => {}, warn: () => {}, error: () => {} };

/** Reports a case through the API and returns its reference. */
async function reportCase(t: TestApp): Promise<string> {
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/cases', payload: buildCase(), headers: t.auth });
  expect(res.statusCode).toBe(201);
  return (res.json() as { ref: string }).ref;
}

/** One sample's value from Prometheus text, matched by its full series name with labels. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describeEachDatabase('operations endpoints', (kind) => {
  let t: TestApp;
  let cast: Awaited<ReturnType<typeof buildCast>>;
  beforeAll(async () => {
    t = await buildTestApp(kind, { metricsToken: METRICS_TOKEN });
    cast = await buildCast(t.workspace.ctx());
  }, 60_000);
  afterAll(async () => t.close());

  const metrics = (headers: Record<string, string> = {}) => t.app.inject({ url: '/api/metrics', headers });

  it('lets the scraper token and admins read metrics, and nobody else', async () => {
    const statuses = {
      nobody: (await metrics()).statusCode,
      employee: (await metrics(cast.employeeA.auth)).statusCode,
      supervisor: (await metrics(cast.supervisorA.auth)).statusCode,
      hr: (await metrics(cast.hr.auth)).statusCode,
      admin: (await metrics(t.auth)).statusCode,
      scraper: (await metrics({ authorization: `Bearer ${METRICS_TOKEN}` })).statusCode,
      wrongToken: (await metrics({ authorization: `Bearer ${METRICS_TOKEN}x` })).statusCode,
    };
    expect(statuses).toEqual({ nobody: 401, employee: 403, supervisor: 403, hr: 403, admin: 200, scraper: 200, wrongToken: 401 });
    const refused = await metrics(cast.employeeA.auth);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('counts requests by route template, never by the raw URL', async () => {
    const created = await reportCase(t);
    for (let i = 0; i < 3; i++) expect((await t.app.inject({ url: `/api/v1/cases/${created}`, headers: t.auth })).statusCode).toBe(200);
    await t.app.inject({ url: '/api/v1/cases/C-1999-000001', headers: t.auth });
    const res = await metrics({ authorization: `Bearer ${METRICS_TOKEN}` });
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    const text = res.body;
    expect(sample(text, 'defuse_http_requests_total{method="GET",route="/api/v1/cases/:ref",status="200"}')).toBe(3);
    expect(sample(text, 'defuse_http_requests_total{method="GET",route="/api/v1/cases/:ref",status="404"}')).toBe(1);
    expect(text).not.toContain(created);
    expect(sample(text, 'defuse_http_request_duration_seconds_count{method="GET",route="/api/v1/cases/:ref"}')).toBe(4);
    expect(text).toContain('defuse_process_cpu_seconds_total');
  });

  it('reports waiting mail and event-processor lag, which falls to zero once processed', async () => {
    const before = await metrics(t.auth);
    const waiting = sample(before.body, 'defuse_email_outbox_waiting') ?? 0;
    await queueEmail(
      t.database.db,
      { workspaceId: t.workspace.workspace.id, kind: 'test', to: 'sam@example.com', subject: 'Hi', text: 'Hi', html: '<p>Hi</p>' },
      new Date(Date.now() - 60_000),
    );
    const runner = createEventRunner({ db: t.database.db, processors: eventProcessors({ publicUrl: '' }), log: silentLog });
    await runner.drain();
    await reportCase(t);
    const behind = (await metrics(t.auth)).body;
    expect(sample(behind, 'defuse_email_outbox_waiting')).toBe(waiting + 1);
    expect(sample(behind, 'defuse_email_outbox_oldest_seconds')).toBeGreaterThanOrEqual(59);
    const processor = eventProcessors({ publicUrl: '' })[0]?.name;
    expect(sample(behind, `defuse_event_processor_behind{processor="${processor}"}`)).toBeGreaterThan(0);
    expect(sample(behind, `defuse_event_processor_lag_seconds{processor="${processor}"}`)).toBeGreaterThanOrEqual(0);
    await runner.drain();
    const caughtUp = (await metrics(t.auth)).body;
    expect(sample(caughtUp, `defuse_event_processor_behind{processor="${processor}"}`)).toBe(0);
    expect(sample(caughtUp, `defuse_event_processor_lag_seconds{processor="${processor}"}`)).toBe(0);
  });

  it('is ready while serving, and not once it starts stopping', async () => {
    const res = await t.app.inject({ url: '/api/ready' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ready' });
    t.app.markDraining();
    const stopping = await t.app.inject({ url: '/api/ready' });
    expect(stopping.statusCode).toBe(503);
    expect(stopping.json()).toMatchObject({ type: 'urn:defuse:problem:unavailable', detail: 'This instance is shutting down' });
    expect(stopping.headers.connection).toBe('close');
  });
});

describe('a graceful stop', () => {
  it('finishes the request in flight before the database closes, and does not wait for idle keep-alive clients', async () => {
    const database = await openTestDatabase('sqlite');
    await buildWorkspace(database.db);
    const app = await buildApp({ config: { logLevel: 'silent' }, database, logger: false });
    const { reached: held, fire: release } = signal();
    const { reached: inHandler, fire: reached } = signal();
    app.get('/slow', async () => {
      reached();
      await held;
      // The database must still be open: the close hook runs only after this response is sent.
      const row = await sql<{ one: number }>`select 1 as one`.execute(app.db);
      return { one: Number(row.rows[0]?.one) };
    });
    let databaseClosedAt = 0;
    app.addHook('onClose', async () => {
      await database.dispose();
      databaseClosedAt = Date.now();
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = app.server.address() as AddressInfo;
    const agent = new (await import('node:http')).Agent({ keepAlive: true });
    const get = (path: string) =>
      new Promise<{ status: number; body: string; connection: string | undefined; at: number }>((resolve, reject) => {
        const req = httpRequest({ host: '127.0.0.1', port, path, agent }, (res) => {
          let body = '';
          res.on('data', (c: Buffer) => {
            body += c.toString();
          });
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body, connection: res.headers.connection, at: Date.now() }));
        });
        req.on('error', reject);
        req.end();
      });
    // An idle keep-alive connection, as a browser or proxy leaves one.
    expect((await get('/api/ready')).status).toBe(200);
    const slow = get('/slow');
    await inHandler;
    const started = Date.now();
    const closing = closeGracefully(app, 30_000);
    release();
    const answer = await slow;
    await closing;
    expect(answer).toMatchObject({ status: 200, body: '{"one":1}', connection: 'close' });
    // The handler read the database after the stop began; the close hook closed it only afterwards.
    expect(databaseClosedAt).toBeGreaterThan(started);
    // Far below Node's keep-alive timeout (72 s), which an idle connection would otherwise hold the stop for.
    expect(Date.now() - started).toBeLessThan(10_000);
    agent.destroy();
  }, 30_000);
});
