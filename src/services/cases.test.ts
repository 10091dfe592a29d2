import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase, openTestDatabase, type TestDatabase } from '../../test/databases.js';
import { buildCase, buildWorkspace } from '../../test/factories.js';
import type { AppError } from '../domain/errors.js';
import { caseRefsByIds, countCaseRows } from '../store/cases.js';
import { insertEmployee } from '../store/people.js';
import { insertTeam } from '../store/workspaces.js';
import { addStatement } from './add-statement.js';
import { addNote, assignCase, transitionCase, updateCase } from './change-case.js';
import { createCase } from './create-case.js';
import { getCase, listCases, listEvents } from './read-cases.js';
import { proposeResolution } from './resolution.js';
import { verifyTimelines } from './verify-timelines.js';

const codeOf = async (p: Promise<unknown>) =>
  p.then(
    () => 'ok',
    (e: AppError) => e.code,
  );

describeEachDatabase('case services', (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
  });
  afterAll(async () => database.dispose());

  it("reads many cases' references in batches, and only the workspace's own", async () => {
    const { ctx, actor } = await buildWorkspace(database.db);
    const other = await buildWorkspace(database.db);
    const mine = [await createCase(ctx(), buildCase()), await createCase(ctx(), buildCase())];
    const theirs = await createCase(other.ctx(), buildCase());
    const unknown = Array.from({ length: 2400 }, (_, i) => `00000000-0000-7000-8000-${String(i).padStart(12, '0')}`);
    const ids = [...unknown.slice(0, 1500), mine[0]?.id, ...unknown.slice(1500), mine[1]?.id, theirs.id] as string[];
    const refs = await caseRefsByIds(database.db, actor.workspaceId, ids);
    expect([...refs.entries()].sort()).toEqual(mine.map((c) => [c.id, c.ref]).sort());
  });

  it('creates a case with a yearly reference, SLA clocks and a first timeline event', async () => {
    const { ctx } = await buildWorkspace(database.db);
    const now = new Date('2026-03-01T09:00:00.000Z');
    const first = await createCase(ctx(now), buildCase({ severity: 1 }));
    const second = await createCase(ctx(now), buildCase());
    expect(first.ref).toBe('C-2026-000001');
    expect(second.ref).toBe('C-2026-000002');
    expect(first.sla.acknowledge).toEqual({ dueAt: '2026-03-01T10:00:00.000Z', state: 'pending', doneAt: null });
    expect(first.status).toBe('reported');
    const events = await listEvents(ctx(now), first.ref, 0, 10);
    expect(events.items.map((e) => e.kind)).toEqual(['case_created']);
  });

  it('keeps references unique per workspace under concurrent creation', async () => {
    const a = await buildWorkspace(database.db);
    const b = await buildWorkspace(database.db);
    const created = await Promise.all([
      ...Array.from({ length: 25 }, () => createCase(a.ctx(), buildCase())),
      ...Array.from({ length: 5 }, () => createCase(b.ctx(), buildCase())),
    ]);
    const refsA = created.slice(0, 25).map((c) => c.ref);
    expect(new Set(refsA).size).toBe(25);
    expect(
      created
        .slice(25)
        .map((c) => c.ref)
        .sort(),
    ).toEqual(['000001', '000002', '000003', '000004', '000005'].map((n) => `C-${new Date().getUTCFullYear()}-${n}`));
  });

  it('never reads or writes across workspaces', async () => {
    const a = await buildWorkspace(database.db);
    const b = await buildWorkspace(database.db);
    const kase = await createCase(a.ctx(), buildCase({ title: 'Only in A' }));
    expect(await codeOf(getCase(b.ctx(), kase.ref))).toBe('not_found');
    expect(await codeOf(addNote(b.ctx(), kase.ref, 'sneaky'))).toBe('not_found');
    const teamOfA = await insertTeam(database.db, a.workspace.id, 'A team', new Date());
    expect(await codeOf(createCase(b.ctx(), buildCase({ teamId: teamOfA.id })))).toBe('validation');
    expect((await listCases(b.ctx(), { q: 'Only' })).items).toEqual([]);
  });

  it('enforces the lifecycle and records acknowledgement and resolution times', async () => {
    const { ctx } = await buildWorkspace(database.db);
    const kase = await createCase(ctx(new Date('2026-02-01T08:00:00Z')), buildCase({ severity: 1 }));
    expect(await codeOf(transitionCase(ctx(), kase.ref, { to: 'closed' }))).toBe('illegal_transition');
    const acked = await transitionCase(ctx(new Date('2026-02-01T08:30:00Z')), kase.ref, { to: 'acknowledged' });
    expect(acked.sla.acknowledge.state).toBe('met');
    const later = ctx(new Date('2026-02-03T08:00:00Z'));
    await transitionCase(later, kase.ref, { to: 'investigating' });
    await transitionCase(later, kase.ref, { to: 'resolving' });
    await proposeResolution(later, kase.ref, {
      problem: 'Late',
      options: ['Apologise'],
      solution: 'Apologise',
      policyRefs: [],
      cost: { amount: 0, currency: 'EUR' },
    });
    await transitionCase(later, kase.ref, { to: 'resolved' });
    const rootCause = { category: 'process' as const, whys: ['No one was on the desk'], factors: [] };
    await transitionCase(later, kase.ref, { to: 'closed', outcome: 'Apologised', rootCause });
    const closed = await getCase(ctx(), kase.ref);
    expect(closed.status).toBe('closed');
    expect(closed.sla.resolve.state).toBe('breached');
    expect(await codeOf(transitionCase(ctx(), kase.ref, { to: 'reopened' }))).toBe('validation');
    expect((await transitionCase(ctx(), kase.ref, { to: 'reopened', reason: 'Customer called back' })).status).toBe('reopened');
  });

  it('records statements from both sides, immutable, with corrections as new statements', async () => {
    const { ctx, workspace } = await buildWorkspace(database.db);
    const employee = await insertEmployee(database.db, { workspaceId: workspace.id, name: 'Sam Ortiz' }, new Date());
    const kase = await createCase(ctx(), buildCase({ employees: [{ employeeId: employee.id, role: 'primary' }] }));
    const customerSide = await addStatement(ctx(), kase.ref, {
      party: 'customer',
      authorName: 'Ann Lee',
      body: 'I was told to wait and nobody came back.',
    });
    await addStatement(ctx(), kase.ref, {
      party: 'employee',
      employeeId: employee.id,
      body: 'I went to check stock and was called to another till.',
    });
    await addStatement(ctx(), kase.ref, {
      party: 'customer',
      authorName: 'Ann Lee',
      body: 'I waited twenty minutes, not ten.',
      correctsId: customerSide.id,
    });
    expect(await codeOf(addStatement(ctx(), kase.ref, { party: 'employee', body: 'no name' }))).toBe('validation');
    const detail = await getCase(ctx(), kase.ref);
    expect(detail.statements.map((s) => [s.party, s.authorName])).toEqual([
      ['customer', 'Ann Lee'],
      ['employee', 'Sam Ortiz'],
      ['customer', 'Ann Lee'],
    ]);
    expect(detail.statements[2]?.correctsId).toBe(customerSide.id);
    expect(detail.parties).toEqual([{ employeeId: employee.id, name: 'Sam Ortiz', role: 'primary', teamId: null }]);
    // A word of a statement finds the case.
    expect((await listCases(ctx(), { q: 'stock' })).items.map((c) => c.ref)).toEqual([kase.ref]);
  });

  it('updates fields with an event naming old and new values, re-timing SLA on severity change', async () => {
    const { ctx, user } = await buildWorkspace(database.db);
    const kase = await createCase(ctx(new Date('2026-04-01T00:00:00Z')), buildCase({ severity: 4, title: 'Quarrel over a voucher' }));
    // Searched once before the change, so the search index already holds the old text.
    expect((await listCases(ctx(), { q: 'voucher' })).items).toHaveLength(1);
    const updated = await updateCase(ctx(), kase.ref, { severity: 1, title: 'Escalated: threats at the counter' });
    expect(updated.sla.acknowledge.dueAt).toBe('2026-04-01T01:00:00.000Z');
    await assignCase(ctx(), kase.ref, user.id);
    const events = (await listEvents(ctx(), kase.ref, 0, 10)).items;
    expect(events.map((e) => e.kind)).toEqual(['case_created', 'case_updated', 'assigned']);
    expect(events[1]?.data.changes).toMatchObject({ severity: { from: 4, to: 1 } });
    expect((await listCases(ctx(), { q: 'threats' })).items).toHaveLength(1);
    expect((await listCases(ctx(), { q: 'voucher' })).items).toHaveLength(0);
  });

  it('sorts the most urgent first: the earlier open clock, a breached one before all, finished cases last; and counts every page', async () => {
    const { ctx } = await buildWorkspace(database.db);
    const t0 = new Date('2026-06-01T08:00:00Z');
    const at = (h: number) => new Date(t0.getTime() + h * 3_600_000);
    // Severity 4: acknowledge within 24 h, resolve within 10 days. Severity 1: acknowledge within 1 h.
    const slowOld = await createCase(ctx(t0), buildCase({ severity: 4, title: 'Slow and old' }));
    await transitionCase(ctx(at(1)), slowOld.ref, { to: 'acknowledged' }); // its next clock: resolve, 10 days out
    const breached = await createCase(ctx(at(-30)), buildCase({ severity: 4, title: 'Never acknowledged' })); // due at(-6): past
    const urgent = await createCase(ctx(at(2)), buildCase({ severity: 1, title: 'New and serious' })); // due at(3)
    const done = await createCase(ctx(t0), buildCase({ severity: 1, title: 'Finished' }));
    for (const to of ['investigating', 'resolving'] as const) await transitionCase(ctx(at(1)), done.ref, { to });
    const fix = { problem: 'Late', options: ['Apologise'], solution: 'Apologise', policyRefs: [], cost: { amount: 0, currency: 'EUR' } };
    await proposeResolution(ctx(at(1)), done.ref, fix);
    await transitionCase(ctx(at(1)), done.ref, { to: 'resolved' });
    const order = (await listCases(ctx(at(4)), { sort: 'next_due_at', order: 'asc', limit: 10 })).items.map((c) => c.ref);
    expect(order).toEqual([breached.ref, urgent.ref, slowOld.ref, done.ref]);

    const first = await listCases(ctx(at(4)), { sort: 'next_due_at', order: 'asc', limit: 1 });
    expect(first.total).toBe(4);
    const second = await listCases(ctx(at(4)), { sort: 'next_due_at', order: 'asc', limit: 1, cursor: first.nextCursor ?? undefined });
    expect(second.items.map((c) => c.ref)).toEqual([urgent.ref]);
    // Only the first page is counted, and counting stops at its ceiling.
    expect(second.total).toBeUndefined();
    expect(first.totalCapped).toBe(false);
    expect((await listCases(ctx(at(4)), { severity: [1], limit: 1 })).total).toBe(2);
    const workspaceId = ctx(at(4)).actor.workspaceId;
    expect(await countCaseRows(database.db, { workspaceId }, 3)).toEqual({ count: 3, capped: true });
    expect(await countCaseRows(database.db, { workspaceId }, 4)).toEqual({ count: 4, capped: false });
  });

  it('refuses an incident said to happen in the future, when reported and when edited, and changes nothing', async () => {
    const { ctx } = await buildWorkspace(database.db);
    const now = new Date('2026-05-01T12:00:00Z');
    const tomorrow = '2026-05-02T12:00:00.000Z';
    expect(await codeOf(createCase(ctx(now), buildCase({ occurredAt: tomorrow })))).toBe('validation');
    // A phone a minute or two ahead of the server is not a mistake.
    const kase = await createCase(ctx(now), buildCase({ occurredAt: '2026-05-01T12:02:00.000Z' }));
    expect(await codeOf(updateCase(ctx(now), kase.ref, { occurredAt: tomorrow }))).toBe('validation');
    expect((await getCase(ctx(now), kase.ref)).occurredAt).toBe('2026-05-01T12:02:00.000Z');
    expect((await listEvents(ctx(now), kase.ref, 0, 10)).items.map((e) => e.kind)).toEqual(['case_created']);
  });

  it('filters, sorts and pages with a cursor without repeating or skipping', async () => {
    const { ctx, workspace } = await buildWorkspace(database.db);
    const team = await insertTeam(database.db, workspace.id, 'Returns', new Date());
    const start = Date.parse('2026-05-01T00:00:00Z');
    for (let i = 0; i < 23; i++) {
      await createCase(
        ctx(new Date(start + i * 60_000)),
        buildCase({ severity: ((i % 4) + 1) as 1, channel: i % 2 ? 'phone' : 'email', teamId: i < 10 ? team.id : null }),
      );
    }
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listCases(ctx(), { limit: 5, cursor, sort: 'severity', order: 'asc' });
      seen.push(...page.items.map((c) => c.ref));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toHaveLength(23);
    expect(new Set(seen).size).toBe(23);
    const phone = await listCases(ctx(), { channel: ['phone'], severity: [2], limit: 50 });
    expect(phone.items.every((c) => c.channel === 'phone' && c.severity === 2)).toBe(true);
    expect(phone.items.length).toBeGreaterThan(0);
    expect((await listCases(ctx(), { teamId: team.id, limit: 50 })).items).toHaveLength(10);
    const window = await listCases(ctx(), { reportedFrom: '2026-05-01T00:05:00Z', reportedTo: '2026-05-01T00:10:00Z' });
    expect(window.items).toHaveLength(5);
    expect(await codeOf(listCases(ctx(), { cursor: 'garbage' }))).toBe('validation');
  });

  it('verifies intact chains and names the first altered, removed or rewritten event', async () => {
    const { ctx } = await buildWorkspace(database.db);
    const kase = await createCase(ctx(), buildCase());
    await addNote(ctx(), kase.ref, 'first note');
    await addNote(ctx(), kase.ref, 'second note');
    await addStatement(ctx(), kase.ref, { party: 'customer', authorName: 'Ann', body: 'My side of it.' });
    const db = database.db;
    expect((await verifyTimelines(db, { caseRef: kase.ref })).firstBreak).toBeNull();

    await sql`update case_events set data = ${JSON.stringify({ text: 'edited note' })} where case_id = ${kase.id} and seq = 2`.execute(db);
    expect((await verifyTimelines(db, { caseRef: kase.ref })).firstBreak).toMatchObject({ caseRef: kase.ref, seq: 2 });
    await sql`update case_events set data = ${JSON.stringify({ text: 'first note' })} where case_id = ${kase.id} and seq = 2`.execute(db);
    expect((await verifyTimelines(db, { caseRef: kase.ref })).firstBreak).toBeNull();

    await sql`update statements set body = 'A different story.' where case_id = ${kase.id}`.execute(db);
    expect((await verifyTimelines(db, { caseRef: kase.ref })).firstBreak?.problem).toContain('statement');
    await sql`update statements set body = 'My side of it.' where case_id = ${kase.id}`.execute(db);

    await sql`delete from case_events where case_id = ${kase.id} and seq = 4`.execute(db);
    expect((await verifyTimelines(db, { caseRef: kase.ref })).firstBreak?.problem).toContain('removed');
  });
});
