import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/app.js';
import { describeEachDatabase } from '../../test/databases.js';
import { OPERATION_EXAMPLES } from './openapi-examples.js';

type Doc = {
  paths: Record<
    string,
    Record<string, { operationId: string; parameters?: { name: string; in: string; example?: unknown }[]; requestBody?: unknown }>
  >;
};

/**
 * Where an answer and its example differ in shape: keys only one of them has, at any depth (a list
 * compared by its first items; an empty list on either side says nothing about its items).
 */
function shapeDifferences(answer: unknown, example: unknown, at = '$'): string[] {
  if (Array.isArray(answer) && Array.isArray(example))
    return answer.length && example.length ? shapeDifferences(answer[0], example[0], `${at}[0]`) : [];
  if (!answer || !example || typeof answer !== 'object' || typeof example !== 'object') return [];
  const a = answer as Record<string, unknown>;
  const e = example as Record<string, unknown>;
  return [...new Set([...Object.keys(a), ...Object.keys(e)])].flatMap((k) =>
    !(k in e)
      ? [`${at}.${k} only in the answer`]
      : !(k in a)
        ? [`${at}.${k} only in the example`]
        : shapeDifferences(a[k], e[k], `${at}.${k}`),
  );
}

describeEachDatabase('the OpenAPI document’s examples', (kind) => {
  let t: TestApp;
  let doc: Doc;
  beforeAll(async () => {
    t = await buildTestApp(kind);
    doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
  });
  afterAll(async () => {
    await t.close();
  });

  const operation = (id: string) => {
    for (const [path, ops] of Object.entries(doc.paths))
      for (const [method, op] of Object.entries(ops)) if (op.operationId === id) return { path, method: method.toUpperCase(), op };
    throw new Error(`no operation ${id}`);
  };

  /** Sends an operation's example request (path parameters from `path`), returning the status and body. */
  async function sendExample(id: string, path: Record<string, string> = {}, body?: unknown) {
    const { path: template, method, op } = operation(id);
    const example = OPERATION_EXAMPLES[id];
    const query = new URLSearchParams();
    for (const p of op.parameters ?? [])
      if (p.in === 'query' && example?.parameters?.[p.name] !== undefined) query.set(p.name, String(example.parameters[p.name]));
    const url = template.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(path[name] ?? '')) + (query.size ? `?${query}` : '');
    const payload = (body ?? example?.request) as Record<string, unknown> | undefined;
    const response = await t.app.inject({ method: method as 'GET', url, headers: t.auth, ...(payload ? { payload } : {}) });
    return { status: response.statusCode, body: response.json() as unknown };
  }

  const expectLikeExample = (id: string, answer: { status: number; body: unknown }) => {
    const example = OPERATION_EXAMPLES[id]?.responses?.[answer.status];
    expect(example, `${id} has an example for ${answer.status}`).toBeDefined();
    expect(shapeDifferences(answer.body, example)).toEqual([]);
  };

  it('names only operations that exist, and puts each example into the document', () => {
    for (const [id, example] of Object.entries(OPERATION_EXAMPLES)) {
      const { op } = operation(id);
      for (const name of Object.keys(example.parameters ?? {}))
        expect(op.parameters?.find((p) => p.name === name)?.example, `${id} ${name}`).toBe(example.parameters?.[name]);
      if (example.request !== undefined) expect(JSON.stringify(op.requestBody)).toContain(JSON.stringify(example.request).slice(1, 60));
    }
    for (const id of ['postCases', 'getCases', 'postCasesByRefStatements', 'postWebhooks', 'getWebhooks', 'getReportsDashboard'])
      expect(Object.keys(OPERATION_EXAMPLES[id]?.responses ?? {}).length, id).toBeGreaterThan(0);
  });

  it('describes what the server really answers: each example request sent, each answer shaped like its example', async () => {
    const created = await sendExample('postCases');
    expect(created.status).toBe(201);
    expectLikeExample('postCases', created);
    const ref = (created.body as { ref: string }).ref;
    const refused = await sendExample('postCases', {}, { ...(OPERATION_EXAMPLES.postCases?.request as object), title: '' });
    expect(refused.status).toBe(400);
    expectLikeExample('postCases', refused);

    const list = await sendExample('getCases');
    expect(list.status).toBe(200);
    expectLikeExample('getCases', list);

    const statement = await sendExample('postCasesByRefStatements', { ref });
    expect(statement.status).toBe(201);
    expectLikeExample('postCasesByRefStatements', statement);
    const statements = await sendExample('getCasesByRefStatements', { ref });
    expectLikeExample('getCasesByRefStatements', statements);

    const webhook = await sendExample('postWebhooks');
    expect(webhook.status).toBe(201);
    expectLikeExample('postWebhooks', webhook);
    expectLikeExample('getWebhooks', await sendExample('getWebhooks'));

    const dashboard = await sendExample('getReportsDashboard');
    expect(dashboard.status).toBe(200);
    expectLikeExample('getReportsDashboard', dashboard);
  });
});
