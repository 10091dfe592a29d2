import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { documentUrl, generateApiTypes, TSC5 } from '../scripts/api-client/generate.js';
import { buildTestApp, type TestApp } from '../test/app.js';

const run = promisify(execFile);

/**
 * A client program written against the generated types, as an outside developer would write it. The
 * misuse below must not compile: `@ts-expect-error` fails the typecheck when the error it expects is
 * missing, so types that said nothing (everything `any`) would fail this test too.
 */
const JOURNEY = `
import createClient, { type Client } from 'openapi-fetch';
import type { operations, paths } from './defuse-api.js';

type NewCase = NonNullable<operations['postCases']['requestBody']>['content']['application/json'];

const newCase: NewCase = {
  title: 'Refund refused at the till',
  summary: 'The customer brought back a kettle that stopped working; the cashier refused a refund without a receipt.',
  channel: 'in_person',
  severity: 2,
  customerState: 'angry',
  customer: { name: 'Maya Lindqvist', email: 'maya.lindqvist@example.com' },
};

export async function journey(baseUrl: string, token: string) {
  const client = createClient<paths>({ baseUrl, headers: { authorization: \`Bearer \${token}\` } });
  const created = await client.POST('/api/v1/cases', { body: newCase });
  if (!created.data) throw new Error(\`create: \${created.response.status} \${created.error?.detail}\`);
  const ref: string = created.data.ref;
  const statement = await client.POST('/api/v1/cases/{ref}/statements', {
    params: { path: { ref } },
    body: { party: 'customer', authorName: 'Maya Lindqvist', body: 'Nobody told me a receipt was needed.' },
  });
  if (!statement.data) throw new Error(\`statement: \${statement.response.status}\`);
  const webhook = await client.POST('/api/v1/webhooks', {
    body: { url: 'https://hooks.example.com/defuse', eventTypes: ['case.created', 'case.statement_added'] },
  });
  if (!webhook.data) throw new Error(\`webhook: \${webhook.response.status}\`);
  const read = await client.GET('/api/v1/cases/{ref}', { params: { path: { ref } } });
  const missing = await client.GET('/api/v1/cases/{ref}', { params: { path: { ref: 'C-1999-000001' } } });
  // A refusal is typed too: problem+json with its stable type.
  const problem: string | undefined = missing.error?.type;
  return {
    ref,
    statementId: statement.data.id,
    webhookId: webhook.data.id,
    secret: webhook.data.secret,
    canUpdate: read.data?.can.update,
    missing: { status: missing.response.status, type: problem },
  };
}

export function misuse(client: Client<paths>) {
  // @ts-expect-error severity is 1 to 4, not a word
  void client.POST('/api/v1/cases', { body: { ...newCase, severity: 'high' } });
  // @ts-expect-error there is no such route
  void client.GET('/api/v1/casez');
  // @ts-expect-error a statement is added to a case named by its ref
  void client.POST('/api/v1/cases/{ref}/statements', { body: { party: 'customer', body: 'words' } });
  // @ts-expect-error a webhook subscribes to event types the API knows
  void client.POST('/api/v1/webhooks', { body: { url: 'https://hooks.example.com/x', eventTypes: ['case.exploded'] } });
}
`;

let t: TestApp;
let base: string;
let dir: string;
beforeAll(async () => {
  t = await buildTestApp('sqlite');
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  dir = mkdtempSync(join(tmpdir(), 'defuse-api-client-'));
  // The program resolves openapi-fetch as a client project would, from a node_modules beside it.
  symlinkSync(fileURLToPath(new URL('../node_modules', import.meta.url)), join(dir, 'node_modules'), 'dir');
});
afterAll(async () => {
  await t.close();
  rmSync(dir, { recursive: true, force: true });
});

it('generates typed client code from the running server’s document and runs a journey through openapi-fetch', async () => {
  await generateApiTypes(documentUrl(base), join(dir, 'defuse-api.d.ts'));
  writeFileSync(join(dir, 'journey.ts'), JOURNEY);
  writeFileSync(
    join(dir, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        target: 'ES2022',
        module: 'NodeNext',
        moduleResolution: 'NodeNext',
        strict: true,
        noEmit: true,
        skipLibCheck: true,
        types: [],
      },
      files: ['journey.ts'],
    }),
  );
  // TypeScript 5 of the api-client workspace typechecks the program against the generated types.
  const typecheck = await run(TSC5, ['-p', join(dir, 'tsconfig.json')], { maxBuffer: 16 * 1024 * 1024 }).then(
    () => '',
    (error: { stdout: string }) => error.stdout,
  );
  expect(typecheck).toBe('');

  const { journey } = (await import(pathToFileURL(join(dir, 'journey.ts')).href)) as {
    journey: (baseUrl: string, token: string) => Promise<Record<string, unknown>>;
  };
  const result = await journey(base, t.workspace.token);
  expect(result).toMatchObject({ canUpdate: true, missing: { status: 404, type: 'urn:defuse:problem:not_found' } });
  expect(String(result.secret)).toMatch(/^whsec_/);
  const statements = await t.app.inject({ method: 'GET', url: `/api/v1/cases/${String(result.ref)}/statements`, headers: t.auth });
  expect(statements.json().items.map((s: { id: string; body: string }) => [s.id, s.body])).toEqual([
    [result.statementId, 'Nobody told me a receipt was needed.'],
  ]);
  const webhook = await t.app.inject({ method: 'GET', url: `/api/v1/webhooks/${String(result.webhookId)}`, headers: t.auth });
  expect(webhook.json()).toMatchObject({ url: 'https://hooks.example.com/defuse', eventTypes: ['case.created', 'case.statement_added'] });
}, 180_000);
