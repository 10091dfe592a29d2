import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase, openTestDatabase, type TestDatabase } from '../../test/databases.js';
import { buildCase, buildWorkspace } from '../../test/factories.js';
import { buildCast } from '../../test/people.js';
import { changeCasesInBulk } from './bulk-change.js';
import { createCase } from './create-case.js';
import { listEvents } from './read-cases.js';
import { verifyTimelines } from './verify-timelines.js';

describeEachDatabase('bulk actions in the inbox', (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
  });
  afterAll(async () => {
    await database.dispose();
  });

  it('checks each case on its own, changes those it may, and says why the others were not', async () => {
    const ws = await buildWorkspace(database.db);
    const cast = await buildCast(ws.ctx());
    const mine = await createCase(ws.ctx(), { ...buildCase(), teamId: cast.teamA.id });
    const closedOff = await createCase(ws.ctx(), { ...buildCase(), teamId: cast.teamA.id });
    const elsewhere = await createCase(ws.ctx(), { ...buildCase(), teamId: cast.teamB.id });
    const sara = { db: database.db, actor: cast.supervisorA.actor, now: new Date() };
    await changeCasesInBulk(sara, [closedOff.ref], { kind: 'transition', to: 'acknowledged' });

    const tagged = await changeCasesInBulk(sara, [mine.ref, elsewhere.ref], { kind: 'tag', tags: ['vip'] });
    expect(tagged.map((r) => [r.ref, r.ok, r.problem?.status])).toEqual([
      [mine.ref, true, undefined],
      [elsewhere.ref, false, 404],
    ]);
    expect(tagged[0]?.case?.tags).toEqual(['vip']);

    // acknowledged → acknowledged is not a move; reported → acknowledged is.
    const moved = await changeCasesInBulk(sara, [mine.ref, closedOff.ref], { kind: 'transition', to: 'acknowledged' });
    expect(moved.map((r) => [r.ok, r.problem?.code])).toEqual([
      [true, undefined],
      [false, 'illegal_transition'],
    ]);

    const assigned = await changeCasesInBulk(sara, [mine.ref, closedOff.ref], { kind: 'assign', assigneeId: sara.actor.userId });
    expect(assigned.every((r) => r.ok && r.case?.assigneeId === sara.actor.userId)).toBe(true);

    // One event per case per action, and nothing at all on the case that was refused.
    const kinds = (await listEvents(ws.ctx(), mine.ref, 0, 100)).items.map((e) => e.kind);
    expect(kinds).toEqual(['case_created', 'tags_changed', 'status_changed', 'assigned']);
    expect((await listEvents(ws.ctx(), elsewhere.ref, 0, 100)).items.map((e) => e.kind)).toEqual(['case_created']);
    expect((await verifyTimelines(database.db, { workspaceId: ws.workspace.id })).firstBreak).toBeNull();
  });

  it('refuses an employee who may not assign, case by case', async () => {
    const ws = await buildWorkspace(database.db);
    const cast = await buildCast(ws.ctx());
    const kase = await createCase({ db: database.db, actor: cast.employeeA.actor, now: new Date() }, buildCase());
    const emma = { db: database.db, actor: cast.employeeA.actor, now: new Date() };
    const [result] = await changeCasesInBulk(emma, [kase.ref], { kind: 'assign', assigneeId: emma.actor.userId });
    expect(result).toMatchObject({ ok: false, problem: { status: 403, code: 'forbidden' } });
    const [tagged] = await changeCasesInBulk(emma, [kase.ref], { kind: 'tag', tags: ['till'] });
    expect(tagged?.ok).toBe(true);
  });
});
