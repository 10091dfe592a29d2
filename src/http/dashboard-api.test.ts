import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/app.js';
import { describeEachDatabase } from '../../test/databases.js';

describeEachDatabase('the dashboard over HTTP, and its CSV', (kind) => {
  let t: TestApp;
  let ref: string;
  const get = (url: string) => t.app.inject({ method: 'GET', url: `/api/v1${url}`, headers: t.auth });

  beforeAll(async () => {
    t = await buildTestApp(kind);
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/cases',
      headers: t.auth,
      payload: {
        title: '=HYPERLINK("http://evil.example","click"), said "the customer"',
        summary: 'A title that a spreadsheet would run, with a comma and quotes in it.',
        channel: 'email',
        severity: 2,
        customerState: 'angry',
        financialImpact: { amount: 12.5, currency: 'EUR', kind: 'refund' },
      },
    });
    expect(created.statusCode).toBe(201);
    ref = created.json().ref;
  });
  afterAll(async () => t.close());

  it('answers JSON for the last 30 days by default, and refuses a period that runs backwards', async () => {
    const res = await get('/reports/dashboard');
    expect(res.statusCode).toBe(200);
    expect(res.json().headline.cases.current).toBe(1);
    const backwards = await get('/reports/dashboard?from=2026-03-02T00:00:00Z&to=2026-03-01T00:00:00Z');
    expect(backwards.statusCode).toBe(400);
    expect(backwards.headers['content-type']).toContain('application/problem+json');
    expect((await get('/reports/dashboard?from=2020-01-01T00:00:00Z&to=2026-01-01T00:00:00Z')).statusCode).toBe(400);
    expect((await get('/reports/dashboard?severity=9')).statusCode).toBe(400);
  });

  it('lists the cases behind an employee’s “felt supported” score, and refuses a score outside 1–5', async () => {
    // Nobody has answered a follow-up yet: no case is behind any score.
    const listed = await get('/cases?supported=1,2');
    expect(listed.statusCode).toBe(200);
    expect(listed.json().items).toEqual([]);
    const bad = await get('/cases?supported=6');
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect(bad.json().errors[0].path).toMatch(/^querystring\.supported/);
  });

  it('writes every table as CSV, with a byte order mark when asked', async () => {
    const res = await get('/reports/dashboard?format=csv&bom=true');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.body.startsWith('\uFEFFheadline\r\nfigure,current,previous,change\r\ncases,1,0,1\r\n')).toBe(true);
    expect(res.body).toContain('cost by kind\r\nkind,currency,amount,cases\r\nrefund,EUR,12.5,1\r\n');
    expect((await get('/reports/dashboard?format=csv')).body.startsWith('headline')).toBe(true);
  });

  it('streams one row per case, a formula-leading title neutralised and quoted', async () => {
    const res = await get('/reports/cases');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toBe('attachment; filename="case-metrics.csv"');
    const [header, row] = res.body.trimEnd().split('\r\n');
    expect(header?.split(',').slice(0, 3)).toEqual(['ref', 'reportedAt', 'status']);
    expect(row?.startsWith(`${ref},`)).toBe(true);
    expect(row).toContain(',refund,12.5,EUR');
    // The inbox's export of the same case: the title starts with "=", so it gets an apostrophe.
    const inbox = await get('/cases/export');
    expect(inbox.body).toContain(`"'=HYPERLINK(""http://evil.example"",""click""), said ""the customer"""`);
  });

  it('gives HR and admins the view of people, as JSON or CSV', async () => {
    const res = await get('/reports/people');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ conflicts: [], aboveThreshold: [] });
    const csv = await get('/reports/people?format=csv');
    expect(csv.body.startsWith('conflicts per employee (primary party)\r\n')).toBe(true);
  });
});
