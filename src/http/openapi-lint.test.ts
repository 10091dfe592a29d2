import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/app.js';
import { operationIdOf } from './openapi-document.js';

const run = promisify(execFile);
let t: TestApp;
let document: { paths: Record<string, Record<string, { operationId?: string; tags?: string[] }>> };
beforeAll(async () => {
  t = await buildTestApp('sqlite');
  document = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
});
afterAll(async () => {
  await t.close();
});

it('names every operation once, from its method and path, and tags it', () => {
  const operations = Object.entries(document.paths).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]) => ({ path, method, op })),
  );
  expect(operations.length).toBeGreaterThan(150);
  const ids = operations.map((o) => o.op.operationId);
  expect(ids.every((id) => typeof id === 'string' && /^[a-z][A-Za-z0-9]+$/.test(id))).toBe(true);
  expect(new Set(ids).size).toBe(ids.length);
  expect(operations.filter((o) => !o.op.tags?.length)).toEqual([]);
  expect(document.paths['/api/v1/cases/{ref}/statements']?.post?.operationId).toBe('postCasesByRefStatements');
  expect(operationIdOf('GET', '/api/v1/webhooks/:id/deliveries/:deliveryId')).toBe('getWebhooksByIdDeliveriesByDeliveryId');
});

it('keeps every published operation under its id, method and path, since /api/v1 only grows', () => {
  // published-operations.txt lists what clients were generated against; add new operations to it, never remove one.
  const published = readFileSync(new URL('./published-operations.txt', import.meta.url), 'utf8')
    .trim()
    .split('\n');
  expect(published.length).toBeGreaterThan(150);
  const current = new Set(
    Object.entries(document.paths).flatMap(([path, ops]) =>
      Object.entries(ops).map(([method, op]) => `${op.operationId} ${method.toUpperCase()} ${path}`),
    ),
  );
  expect(published.filter((line) => !current.has(line))).toEqual([]);
});

it('passes Redocly’s recommended rules, with no error and only the known ambiguous theme paths warned', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'defuse-openapi-'));
  try {
    const file = join(dir, 'openapi.json');
    writeFileSync(file, JSON.stringify(document));
    const { stdout } = await run('npx', ['redocly', 'lint', file, '--format=json', '--max-problems=500'], {
      maxBuffer: 64 * 1024 * 1024,
    }).catch((error: { stdout: string }) => ({ stdout: error.stdout }));
    const report = JSON.parse(stdout.slice(stdout.indexOf('{'))) as { problems: { ruleId: string; severity: string; message: string }[] };
    expect(report.problems.filter((p) => p.severity === 'error')).toEqual([]);
    // `/themes/runs/{id}` and `/themes/{id}/merge|split` predate this check; renaming them would break clients.
    expect(report.problems.filter((p) => !(p.ruleId === 'no-ambiguous-paths' && p.message.includes('/api/v1/themes/')))).toEqual([]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}, 120_000);
