import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { buildTestApp, type TestApp } from '../../test/app.js';
import { deprecationHeaders } from './deprecation.js';

describe('deprecationHeaders', () => {
  it('writes Deprecation as an RFC 9745 date, Sunset as an HTTP-date, and the Link to read', () => {
    expect(deprecationHeaders({ since: '2027-01-04', sunset: '2027-07-05', link: 'https://defuse.example.com/changes' })).toEqual({
      deprecation: '@1799020800',
      sunset: 'Mon, 05 Jul 2027 00:00:00 GMT',
      link: '<https://defuse.example.com/changes>; rel="deprecation"; type="text/html"',
    });
  });

  it('refuses a sunset less than six months after the deprecation, and dates it cannot read', () => {
    expect(() => deprecationHeaders({ since: '2027-01-04', sunset: '2027-05-01' })).toThrow(/at least 6 months/);
    expect(() => deprecationHeaders({ since: '4 Jan 2027', sunset: '2027-09-01' })).toThrow(/YYYY-MM-DD/);
  });
});

describe('a deprecated operation of the real app', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp('sqlite');
    // Defuse deprecates nothing today; a route declared like one that will be shows what clients get.
    t.app.get(
      '/api/old-health',
      {
        config: { deprecation: { since: '2027-01-04', sunset: '2027-07-05' } },
        schema: { tags: ['operations'], summary: 'An old name of the health check', response: { 200: z.object({ ok: z.boolean() }) } },
      },
      async () => ({ ok: true }),
    );
  });
  afterAll(async () => {
    await t.close();
  });

  it('is marked deprecated in the OpenAPI document and answers with Deprecation and Sunset', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/old-health' });
    expect(response.statusCode).toBe(200);
    expect(response.headers).toMatchObject({ deprecation: '@1799020800', sunset: 'Mon, 05 Jul 2027 00:00:00 GMT' });
    const document = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(document.paths['/api/old-health'].get).toMatchObject({ deprecated: true, operationId: 'getOldHealth' });
    // Everything else is current: no other operation is deprecated, and a current one sends no such header.
    const deprecated = Object.entries(document.paths).flatMap(([path, ops]) =>
      Object.entries(ops as Record<string, { deprecated?: boolean }>).flatMap(([method, op]) =>
        op.deprecated ? [`${method} ${path}`] : [],
      ),
    );
    expect(deprecated).toEqual(['get /api/old-health']);
    expect((await t.app.inject({ method: 'GET', url: '/api/health' })).headers.deprecation).toBeUndefined();
  });
});
