import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gzipSync } from 'node:zlib';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/app.js';
import { describeEachDatabase } from '../../test/databases.js';
import { buildCast } from '../../test/people.js';
import { inviteUser } from '../services/users.js';
import { buildApp } from './app.js';
import { defaultInboxPage, webApp } from './web-app.js';

async function appOver(root: string): Promise<FastifyInstance> {
  const app = Fastify({ logger: false });
  app.addHook('onRequest', async (_request, reply) => {
    reply.header('x-frame-options', 'SAMEORIGIN');
  });
  app.get('/api/health', async () => ({ status: 'ok' }));
  await app.register(webApp, { root });
  return app;
}

describe('web app serving', () => {
  let dir: string;
  let app: FastifyInstance;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'defuse-web-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><div id="root"></div>');
    writeFileSync(join(dir, 'assets', 'index-abc123.js'), 'console.log(1)');
    writeFileSync(join(dir, 'favicon.svg'), '<svg/>');
    writeFileSync(
      join(dir, 'route-preloads.json'),
      JSON.stringify({
        '/sign-in': [],
        '/cases': ['/assets/layout-a1.js', '/assets/inbox-b2.js'],
        '/cases/*': ['/assets/layout-a1.js', '/assets/case-c3.js'],
        '*': ['/assets/layout-a1.js'],
      }),
    );
    app = await appOver(dir);
  });
  afterAll(async () => {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers deep links with index.html, never cached, so a reload keeps the page', async () => {
    for (const url of ['/', '/cases/C-2026-000001', '/settings/users?x=1']) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(200);
      expect(res.body).toContain('id="root"');
      expect(res.headers['cache-control']).toBe('no-cache');
    }
  });

  it('caches hashed assets for a year and other files not at all', async () => {
    const asset = await app.inject({ method: 'GET', url: '/assets/index-abc123.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const icon = await app.inject({ method: 'GET', url: '/favicon.svg' });
    expect(icon.statusCode).toBe(200);
    expect(icon.headers['cache-control']).toBe('no-cache');
  });

  it('sends the compressed copy the build wrote, by what the browser accepts, without document-only headers', async () => {
    const script = `console.log(${JSON.stringify('x'.repeat(2000))})`;
    writeFileSync(join(dir, 'assets', 'big-def789.js'), script);
    writeFileSync(join(dir, 'assets', 'big-def789.js.br'), brotliCompressSync(script));
    writeFileSync(join(dir, 'assets', 'big-def789.js.gz'), gzipSync(script));
    const url = '/assets/big-def789.js';
    const br = await app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'gzip, deflate, br, zstd' } });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toContain('accept-encoding');
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(script);
    const gz = await app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    const plain = await app.inject({ method: 'GET', url });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(script);
    // A policy set for every response (as helmet does) is dropped on assets, kept on pages.
    expect(br.headers['x-frame-options']).toBeUndefined();
    expect((await app.inject({ method: 'GET', url: '/cases' })).headers['x-frame-options']).toBe('SAMEORIGIN');
  });

  it('serves a file added by a rebuild while running, and 404s (not the app) for a missing one', async () => {
    writeFileSync(join(dir, 'assets', 'index-new456.js'), 'console.log(2)');
    expect((await app.inject({ method: 'GET', url: '/assets/index-new456.js' })).body).toBe('console.log(2)');
    for (const url of ['/assets/index-gone.js', '/robots.txt']) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(404);
      expect(res.body).not.toContain('id="root"');
    }
  });

  it('leaves /api and /public paths to the server: unknown ones are problem+json 404s, not the app', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/health' })).json()).toEqual({ status: 'ok' });
    for (const url of ['/api/v1/nothing-here', '/public/nope', '/api']) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(404);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
  });

  it("names a signed-in page's code and the account in its response, so they load beside the entry", async () => {
    const signedIn = { cookie: 'defuse_session=abc; defuse_signed_in=1' };
    const linkOf = async (url: string, headers: Record<string, string> = signedIn) =>
      (await app.inject({ method: 'GET', url, headers })).headers.link;
    const account = '</api/v1/me>; rel=preload; as=fetch; crossorigin=anonymous';
    expect(await linkOf('/cases?severity=1')).toBe(
      `${account}, </assets/layout-a1.js>; rel=modulepreload, </assets/inbox-b2.js>; rel=modulepreload`,
    );
    expect(await linkOf('/cases/C-2026-000229')).toBe(
      `${account}, </assets/layout-a1.js>; rel=modulepreload, </assets/case-c3.js>; rel=modulepreload`,
    );
    expect(await linkOf('/settings/users')).toBe(`${account}, </assets/layout-a1.js>; rel=modulepreload`);
    expect(await linkOf('/')).toBe(`${account}, </assets/layout-a1.js>; rel=modulepreload`);
    // Signed out (no hint) or on the sign-in page: nothing, since the account would answer 401.
    expect(await linkOf('/cases', {})).toBeUndefined();
    expect(await linkOf('/cases', { cookie: 'defuse_signed_in=0' })).toBeUndefined();
    expect(await linkOf('/sign-in')).toBeUndefined();
    // The answer depends on the cookie, so a shared cache must not hand one person's to another.
    expect((await app.inject({ method: 'GET', url: '/cases' })).headers.vary).toContain('cookie');
  });

  it('explains how to build when there is no build', async () => {
    const bare = await appOver(join(dir, 'missing'));
    const res = await bare.inject({ method: 'GET', url: '/cases' });
    expect(res.statusCode).toBe(503);
    expect(res.body).toContain('npm run build');
    await bare.close();
  });
});

describeEachDatabase("the inbox's first page named beside its code", (kind) => {
  let dir: string;
  let t: TestApp;
  let app: FastifyInstance;
  let cast: Awaited<ReturnType<typeof buildCast>>;
  const HOST = 'localhost:80';
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'defuse-web-'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><div id="root"></div>');
    writeFileSync(join(dir, 'route-preloads.json'), JSON.stringify({ '/cases': ['/assets/inbox-b2.js'], '*': ['/assets/layout-a1.js'] }));
    t = await buildTestApp(kind);
    app = await buildApp({ config: { logLevel: 'silent' }, database: t.database, logger: false, webRoot: dir });
    cast = await buildCast(t.workspace.ctx());
  }, 60_000);
  afterAll(async () => {
    await app.close();
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** A session cookie of a new account with this role, from the invitation it accepted. */
  async function sessionOf(role: 'supervisor' | 'employee') {
    const { inviteToken } = await inviteUser(t.workspace.ctx(), {
      email: `${role}.${Math.random().toString(36).slice(2, 8)}@example.test`,
      name: role,
      role,
      teamIds: [cast.teamA.id],
    });
    const accepted = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/accept-invite',
      headers: { host: HOST },
      payload: { token: inviteToken, password: 'a long enough password' },
    });
    const session = accepted.cookies.find((c) => c.name === 'defuse_session');
    if (!session) throw new Error(`no session cookie: ${accepted.body}`);
    return `defuse_session=${session.value}; defuse_signed_in=1`;
  }
  const linkOf = async (url: string, cookie: string) =>
    (await app.inject({ method: 'GET', url, headers: { host: HOST, cookie } })).headers.link;
  const page = '</assets/inbox-b2.js>; rel=modulepreload';
  const account = '</api/v1/me>; rel=preload; as=fetch; crossorigin=anonymous';

  it('names the open cases soonest due for an inbox worker and their own cases for an employee', async () => {
    const supervisor = await sessionOf('supervisor');
    expect(await linkOf('/cases', supervisor)).toBe(
      `${account}, ${page}, </api/v1/cases?status=reported%2Cacknowledged%2Cinvestigating%2Cresolving%2Creopened&sort=next_due_at&order=asc&limit=50>; rel=preload; as=fetch; crossorigin=anonymous`,
    );
    expect(await linkOf('/cases', await sessionOf('employee'))).toBe(
      `${account}, ${page}, </api/v1/cases?sort=reported_at&order=desc&limit=50>; rel=preload; as=fetch; crossorigin=anonymous`,
    );
    // A filtered inbox asks for other cases; another page, or a session that is no longer valid, gets none.
    expect(await linkOf('/cases?severity=1', supervisor)).toBe(`${account}, ${page}`);
    expect(await linkOf('/settings', supervisor)).toBe(`${account}, </assets/layout-a1.js>; rel=modulepreload`);
    expect(await linkOf('/cases', 'defuse_session=not-a-session; defuse_signed_in=1')).toBe(`${account}, ${page}`);
  });

  it('asks for exactly what the API then answers for that person', async () => {
    expect(defaultInboxPage(true)).toMatch(/^\/api\/v1\/cases\?/);
    const supervisor = await sessionOf('supervisor');
    const listed = await app.inject({ method: 'GET', url: defaultInboxPage(true), headers: { host: HOST, cookie: supervisor } });
    expect(listed.statusCode).toBe(200);
  });
});
