import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../test/app.js';
import { describeEachDatabase } from '../../../test/databases.js';
import { buildCast } from '../../../test/people.js';

const fixture = (name: string) => readFileSync(join(import.meta.dirname, '../../../test/fixtures/import', name));

describeEachDatabase('the imports API', (kind) => {
  let t: TestApp;
  let cast: Awaited<ReturnType<typeof buildCast>>;
  beforeAll(async () => {
    t = await buildTestApp(kind);
    cast = await buildCast(t.workspace.ctx());
  });
  afterAll(async () => t.close());

  const upload = (query: string, body: Buffer, headers = t.auth, type = 'application/octet-stream') =>
    t.app.inject({ method: 'POST', url: `/api/v1/imports?${query}`, headers: { ...headers, 'content-type': type }, payload: body });
  const cases = async () =>
    (await t.database.db.selectFrom('cases').select('id').where('workspace_id', '=', t.workspace.workspace.id).execute()).length;

  it('dry-runs an upload, then imports it in the background while the record shows its progress', async () => {
    const file = fixture('zendesk-tickets.csv');
    const dry = await upload('format=zendesk&fileName=tickets.csv&dryRun=true&timeZone=Europe%2FBerlin', file);
    expect(dry.statusCode).toBe(200);
    expect(dry.json()).toMatchObject({ dryRun: true, rows: 6, created: 3, failed: 3, importId: null });
    expect(await cases()).toBe(0);

    const started = await upload('format=zendesk&fileName=tickets.csv&timeZone=Europe%2FBerlin', file, t.auth, 'text/csv');
    expect(started.statusCode).toBe(202);
    const { id } = started.json() as { id: string };
    let record = started.json() as { status: string; created: number; processed: number; rows: number };
    for (let i = 0; i < 100 && record.status === 'running'; i++) {
      await new Promise((r) => setTimeout(r, 50));
      record = (await t.app.inject({ url: `/api/v1/imports/${id}`, headers: t.auth })).json();
    }
    expect(record).toMatchObject({ status: 'done', rows: 6, processed: 6, created: 3, skipped: 0, failed: 3, fileName: 'tickets.csv' });
    expect((record as unknown as { errors: { line: number }[] }).errors.map((e) => e.line)).toEqual([5, 6, 7]);
    expect(await cases()).toBe(3);
    const list = (await t.app.inject({ url: '/api/v1/imports', headers: t.auth })).json() as { items: { id: string }[] };
    expect(list.items.map((i) => i.id)).toContain(id);
    // The imported case is in the inbox, found by its words.
    const found = (await t.app.inject({ url: '/api/v1/cases?q=jacket', headers: t.auth })).json() as {
      items: { title: string; status: string }[];
    };
    expect(found.items).toEqual([expect.objectContaining({ title: 'Charged twice for one jacket', status: 'closed' })]);
  });

  it('refuses what it cannot read, and anyone but an admin, changing nothing', async () => {
    const before = await cases();
    const file = fixture('freshdesk-tickets.csv');
    expect((await upload('format=freshdesk&fileName=f.csv', file, cast.supervisorA.auth)).statusCode).toBe(403);
    expect((await upload('format=freshdesk&fileName=f.csv', file, cast.hr.auth)).statusCode).toBe(403);
    const wrongFormat = await upload('format=helpscout&fileName=f.csv', file);
    expect(wrongFormat.statusCode).toBe(400);
    expect(wrongFormat.headers['content-type']).toContain('application/problem+json');
    const zone = await upload('format=freshdesk&fileName=f.csv&timeZone=Mars%2FOlympus', file);
    expect([zone.statusCode, zone.json().detail]).toEqual([
      400,
      'timeZone: "Mars/Olympus" is not a time zone (use a name such as Europe/Berlin)',
    ]);
    const header = await upload('format=freshdesk&fileName=f.csv', fixture('zendesk-tickets.csv'));
    expect([header.statusCode, header.json().detail]).toEqual([
      400,
      'file: the header lacks the columns "Ticket ID", "Created time": is it a Freshdesk export? (see the README\'s Importing section)',
    ]);
    expect((await upload('format=freshdesk&fileName=f.csv', Buffer.alloc(0))).statusCode).toBe(400);
    expect(await cases()).toBe(before);
    expect((await t.app.inject({ url: '/api/v1/imports/01a20000-0000-7000-8000-000000000000', headers: t.auth })).statusCode).toBe(404);
  });
});
