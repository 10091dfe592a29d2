import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase, openTestDatabase, type TestDatabase } from '../../test/databases.js';
import { buildWorkspace } from '../../test/factories.js';
import { buildCast } from '../../test/people.js';
import type { AppError } from '../domain/errors.js';
import { NO_OPEN_CLOCK } from '../domain/sla.js';
import type { ImportSource } from '../domain/ticket-import.js';
import { createTeam } from './directory.js';
import { casesCsv, exportCases } from './export-cases.js';
import { importTickets } from './import-tickets.js';
import { getCase, listEvents } from './read-cases.js';
import { verifyTimelines } from './verify-timelines.js';

const fixture = (name: string) => readFileSync(join(import.meta.dirname, '../../test/fixtures/import', name));

describeEachDatabase('importing past tickets', (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
  });
  afterAll(async () => {
    await database.dispose();
  });

  const setup = async () => {
    const ws = await buildWorkspace(database.db);
    const team = await createTeam(ws.ctx(), 'Front Desk');
    const run = (source: ImportSource, file: string, more: { dryRun?: boolean; timeZone?: string | undefined } = {}) =>
      importTickets(ws.ctx(), { source, bytes: fixture(file), fileName: file, timeZone: 'Europe/Berlin', ...more });
    const count = async (table: 'cases' | 'customers' | 'event_outbox' | 'imports') =>
      Number(
        (
          await database.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll().as('n'))
            .where('workspace_id', '=', ws.workspace.id)
            .executeTakeFirstOrThrow()
        ).n,
      );
    const refOf = async (source: string, externalId: string) => {
      const row = await database.db
        .selectFrom('imported_cases')
        .innerJoin('cases', 'cases.id', 'imported_cases.case_id')
        .select('cases.ref')
        .where('imported_cases.workspace_id', '=', ws.workspace.id)
        .where('source', '=', source)
        .where('external_id', '=', externalId)
        .executeTakeFirstOrThrow();
      return row.ref;
    };
    return { ws, team, run, count, refOf };
  };

  it('imports a Zendesk CSV (UTF-8 with BOM): statement from custom fields, local times, broken rows reported by line', async () => {
    const { ws, team, run, count, refOf } = await setup();
    const outboxBefore = await count('event_outbox');
    const report = await run('zendesk', 'zendesk-tickets.csv');
    expect(report).toMatchObject({ rows: 6, created: 3, skipped: 0, failed: 3, encoding: 'utf-8', timeZone: 'Europe/Berlin' });
    expect(report.errors).toEqual([
      { line: 5, reason: 'has 4 fields where the header has 33' },
      { line: 6, reason: '"Created at" is not a date we can read ("31/12/2024 10:00"); write it as 2024-03-05 14:30' },
      { line: 7, reason: 'unknown status "mystery"' },
    ]);
    // The first ticket spans lines 2–3 (a quoted newline); its case is closed, as history.
    const ref = await refOf('zendesk', '1041');
    expect(ref).toMatch(/^C-2024-\d{6}$/);
    const kase = await getCase(ws.ctx(), ref);
    expect(kase).toMatchObject({
      title: 'Charged twice for one jacket',
      status: 'closed',
      severity: 2,
      channel: 'email',
      teamId: team.id,
      tags: ['refund', 'vip'],
      // 23:45 on 30 March in Berlin is still winter time (UTC+1); the solve time is summer time (UTC+2).
      reportedAt: '2024-03-30T22:45:00.000Z',
      outcome: 'Closed in Zendesk before it was imported',
      rootCause: { category: 'other', whys: ['unknown (imported)'], factors: [] },
    });
    expect(kase.sla.resolve).toMatchObject({ dueAt: NO_OPEN_CLOCK, doneAt: '2024-04-01T14:20:00.000Z' });
    expect(kase.statements.map((s) => s.body)).toEqual([
      'Order number: A-4411\nWhat happened: The card was charged twice.\nThe second charge is still there.\nStore: Harbor Street',
    ]);
    const events = (await listEvents(ws.ctx(), ref, 0, 50)).items;
    expect(events.map((e) => e.kind)).toEqual(['case_created', 'statement_added', 'tags_changed', 'status_changed']);
    expect(events[0]).toMatchObject({ at: '2024-03-30T22:45:00.000Z', data: { imported: { source: 'zendesk', externalId: '1041' } } });
    expect(events[3]).toMatchObject({ at: '2024-04-01T14:20:00.000Z', data: { from: 'reported', to: 'closed', imported: true } });
    // History is not news: nothing for the notifications, follow-ups or webhooks to act on.
    expect(await count('event_outbox')).toBe(outboxBefore);
    expect(await database.db.selectFrom('follow_ups').select('id').where('workspace_id', '=', ws.workspace.id).execute()).toEqual([]);
    expect((await verifyTimelines(database.db, { workspaceId: ws.workspace.id })).firstBreak).toBeNull();
  });

  it('reads a Freshdesk CSV saved as Windows-1252 and finds a customer again by email', async () => {
    const { ws, run, refOf } = await setup();
    const report = await run('freshdesk', 'freshdesk-tickets.csv');
    expect(report).toMatchObject({ rows: 4, created: 2, failed: 2, encoding: 'windows-1252', customersCreated: 2 });
    expect(report.errors.map((e) => e.line)).toEqual([5, 6]);
    const kase = await getCase(ws.ctx(), await refOf('freshdesk', '501'));
    expect(kase).toMatchObject({ severity: 1, status: 'closed', tags: ['damaged', 'sofa-delivery'] });
    expect(kase.statements[0]?.body).toBe('The sofa’s leg was broken when it arrived.\nI want a replacement, not a refund.');
    expect(kase.customer?.name).toBe('José Álvarez');
  });

  it('takes the statement and messages from the comments of Zendesk’s JSON export', async () => {
    const { ws, run, refOf } = await setup();
    const report = await run('zendesk', 'zendesk-tickets.jsonl');
    expect(report).toMatchObject({ rows: 4, created: 2, failed: 2 });
    expect(report.errors).toEqual([
      { line: 2, reason: 'is not valid JSON' },
      { line: 4, reason: 'the ticket has no subject' },
    ]);
    const ref = await refOf('zendesk', '2001');
    const kase = await getCase(ws.ctx(), ref);
    expect(kase.status).toBe('resolved');
    expect(kase.statements.map((s) => s.body)).toEqual(['I ordered a medium and got a large, twice.']);
    const events = (await listEvents(ws.ctx(), ref, 0, 50)).items;
    expect(events.map((e) => [e.kind, e.at])).toEqual([
      ['case_created', '2024-02-10T09:00:00.000Z'],
      ['statement_added', '2024-02-10T09:00:00.000Z'],
      ['tags_changed', '2024-02-10T09:00:00.000Z'],
      ['note', '2024-02-10T11:00:00.000Z'],
      ['note', '2024-02-10T11:05:00.000Z'],
      ['customer_message', '2024-02-12T15:00:00.000Z'],
      ['status_changed', '2024-02-12T15:30:00.000Z'],
    ]);
    expect(events[4]?.data).toMatchObject({ text: 'Warehouse label printer mislabels sizes.', visibility: 'private note' });
    expect((await verifyTimelines(database.db, { workspaceId: ws.workspace.id })).firstBreak).toBeNull();
  });

  it('changes nothing on a dry run, and creates nothing twice when the same file comes again', async () => {
    const { run, count } = await setup();
    const dry = await run('zendesk', 'zendesk-tickets.csv', { dryRun: true });
    expect(dry).toMatchObject({ dryRun: true, created: 3, failed: 3, customersCreated: 3, importId: null });
    expect(dry.sample.map((s) => s.externalId)).toEqual(['1041', '1042', '1046']);
    expect([await count('cases'), await count('customers'), await count('imports')]).toEqual([0, 0, 0]);

    const first = await run('zendesk', 'zendesk-tickets.csv');
    expect(first.created).toBe(3);
    const again = await run('zendesk', 'zendesk-tickets.csv');
    expect(again).toMatchObject({ created: 0, skipped: 3, failed: 3, customersCreated: 0 });
    expect(await count('cases')).toBe(3);
    // The same ids from another source are other tickets.
    const dryOther = await run('freshdesk', 'freshdesk-tickets.csv', { dryRun: true });
    expect(dryOther.created).toBe(2);
  });

  it('reads our own format back, root cause included, with the workspace’s time zone by default', async () => {
    const { ws, run, refOf } = await setup();
    const report = await run('defuse', 'defuse-cases.csv', { timeZone: undefined });
    expect(report).toMatchObject({ rows: 2, created: 1, failed: 1, timeZone: ws.workspace.time_zone });
    const kase = await getCase(ws.ctx(), await refOf('defuse', 'OLD-1'));
    expect(kase).toMatchObject({
      status: 'closed',
      outcome: 'Refund given',
      rootCause: { category: 'policy', whys: ['Policy unclear', 'Nobody had explained it'], factors: ['Old signage'] },
      tags: ['policy', 'vip'],
    });
    expect(kase.statements[0]?.body).toBe('I was told "no refunds" although the sign says 30 days.');
  });

  it('reads the inbox’s own CSV export back in another workspace', async () => {
    const from = await setup();
    await from.run('zendesk', 'zendesk-tickets.csv');
    const { rows } = await exportCases(from.ws.ctx(), {});
    const into = await setup();
    const report = await importTickets(into.ws.ctx(), { source: 'defuse', bytes: Buffer.from(casesCsv(rows)), fileName: 'export.csv' });
    expect(report).toMatchObject({ rows: 3, created: 3, failed: 0 });
    const closed = await getCase(into.ws.ctx(), await into.refOf('defuse', await from.refOf('zendesk', '1041')));
    expect(closed).toMatchObject({
      title: 'Charged twice for one jacket',
      status: 'closed',
      severity: 2,
      teamId: into.team.id,
      reportedAt: '2024-03-30T22:45:00.000Z',
      rootCause: { category: 'other', whys: ['unknown (imported)'] },
    });
  });

  it('is for admins only, and refuses a bad time zone or an empty file', async () => {
    const { ws, run } = await setup();
    const cast = await buildCast(ws.ctx());
    const code = (p: Promise<unknown>) =>
      p.then(
        () => 'ok',
        (e: AppError) => e.code,
      );
    const bytes = fixture('zendesk-tickets.csv');
    for (const person of [cast.supervisorA, cast.hr, cast.employeeA])
      expect(
        await code(
          importTickets({ db: database.db, actor: person.actor, now: new Date() }, { source: 'zendesk', bytes, fileName: 'x.csv' }),
        ),
      ).toBe('forbidden');
    await expect(run('zendesk', 'zendesk-tickets.csv', { timeZone: 'Mars/Olympus' })).rejects.toThrow('is not a time zone');
    await expect(importTickets(ws.ctx(), { source: 'zendesk', bytes: Buffer.alloc(0), fileName: 'x.csv' })).rejects.toThrow(
      'the file is empty',
    );
  });
});
