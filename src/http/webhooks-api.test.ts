import { afterEach, beforeEach, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/app.js';
import { describeEachDatabase } from '../../test/databases.js';
import { buildCast } from '../../test/people.js';

describeEachDatabase('webhooks API', (kind) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await buildTestApp(kind);
  });
  afterEach(async () => {
    await t.close();
  });

  const call = (method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, payload?: object, headers = t.auth) =>
    t.app.inject({ method, url: `/api/v1${url}`, headers, ...(payload ? { payload } : {}) });

  it('subscribes, shows the secret once, rotates it with an overlap, and removes the subscription', async () => {
    const created = await call('POST', '/webhooks', {
      url: 'https://hooks.example.test/defuse',
      description: 'Helpdesk',
      eventTypes: ['case.created', 'case.status_changed'],
      scopes: ['statements'],
    });
    expect(created.statusCode).toBe(201);
    const hook = created.json();
    expect(hook.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(hook.secrets).toEqual([{ hint: hook.secret.slice(-4), createdAt: expect.any(String), expiresAt: null }]);

    const read = (await call('GET', `/webhooks/${hook.id}`)).json();
    expect(read.secret).toBeUndefined();
    expect(read.eventTypes).toEqual(['case.created', 'case.status_changed']);

    const rotated = await call('POST', `/webhooks/${hook.id}/rotate-secret`, { overlapMinutes: 30 });
    expect(rotated.statusCode).toBe(200);
    expect(rotated.json().secrets.map((s: { expiresAt: string | null }) => s.expiresAt === null)).toEqual([true, false]);

    const patched = await call('PATCH', `/webhooks/${hook.id}`, { enabled: false });
    expect(patched.json()).toMatchObject({ enabled: false, disabledReason: 'Disabled by an admin' });
    expect((await call('GET', `/webhooks/${hook.id}/deliveries`)).json()).toEqual({ items: [], nextCursor: null });
    expect((await call('DELETE', `/webhooks/${hook.id}`)).statusCode).toBe(204);
    expect((await call('GET', `/webhooks/${hook.id}`)).statusCode).toBe(404);
  });

  it('refuses bad targets as problems and lets only admins in', async () => {
    const bad = await call('POST', '/webhooks', { url: 'ftp://example.test/x', eventTypes: ['case.created'] });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    const metadata = await call('POST', '/webhooks', { url: 'http://169.254.169.254/latest', eventTypes: ['case.created'] });
    expect(metadata.statusCode).toBe(400);
    expect(metadata.json().detail).toContain('cloud metadata');
    const unknownType = await call('POST', '/webhooks', { url: 'https://hooks.example.test/x', eventTypes: ['case.exploded'] });
    expect(unknownType.statusCode).toBe(400);
    // Allowing private targets lets a loopback address through; metadata stays refused.
    expect((await call('PUT', '/webhooks/settings', { allowPrivateTargets: true })).json()).toEqual({ allowPrivateTargets: true });
    expect((await call('POST', '/webhooks', { url: 'http://127.0.0.1:9/x', eventTypes: ['case.created'] })).statusCode).toBe(201);
    expect((await call('POST', '/webhooks', { url: 'http://[::ffff:169.254.169.254]/', eventTypes: ['case.created'] })).statusCode).toBe(
      400,
    );

    const cast = await buildCast(t.workspace.ctx());
    expect((await call('GET', '/webhooks', undefined, cast.supervisorA.auth)).statusCode).toBe(403);
    const catalogue = (await call('GET', '/webhooks/event-types')).json();
    expect(catalogue.eventTypes.map((e: { type: string }) => e.type)).toContain('commitment.broken');
    expect(catalogue.scopes.map((s: { scope: string }) => s.scope)).toEqual(['statements', 'hr']);
  });
});
