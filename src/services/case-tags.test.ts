import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase, openTestDatabase, type TestDatabase } from '../../test/databases.js';
import { buildCase, buildWorkspace } from '../../test/factories.js';
import { buildCast } from '../../test/people.js';
import type { AppError } from '../domain/errors.js';
import { listTags, tagCase, untagCase } from './case-tags.js';
import type { Actor, ServiceContext } from './context.js';
import { createCase } from './create-case.js';
import { listCases, listEvents } from './read-cases.js';
import { verifyTimelines } from './verify-timelines.js';

const codeOf = (p: Promise<unknown>) =>
  p.then(
    () => 'ok',
    (e: AppError) => e.code,
  );

describeEachDatabase('tags on cases', (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
  });
  afterAll(async () => {
    await database.dispose();
  });

  const setup = async () => {
    const ws = await buildWorkspace(database.db);
    const cast = await buildCast(ws.ctx());
    const as = (actor: Actor): ServiceContext => ({ db: database.db, actor, now: new Date() });
    const caseIn = (teamId: string) => createCase(ws.ctx(), { ...buildCase(), teamId });
    return { ws, cast, as, caseIn };
  };

  it('puts tags on and off with an event each time, and the timeline still verifies', async () => {
    const { ws, cast, as, caseIn } = await setup();
    const kase = await caseIn(cast.teamA.id);
    const tagged = await tagCase(as(cast.supervisorA.actor), kase.ref, ['vip', 'late-delivery', 'vip']);
    expect(tagged.tags).toEqual(['late-delivery', 'vip']);
    // Tags it already carries change nothing and write nothing.
    const again = await tagCase(as(cast.supervisorA.actor), kase.ref, ['vip']);
    expect(again.eventCount).toBe(tagged.eventCount);
    const untagged = await untagCase(as(cast.supervisorA.actor), kase.ref, 'vip');
    expect(untagged.tags).toEqual(['late-delivery']);
    expect(await codeOf(untagCase(as(cast.supervisorA.actor), kase.ref, 'vip'))).toBe('not_found');

    const events = (await listEvents(ws.ctx(), kase.ref, 0, 100)).items.filter((e) => e.kind === 'tags_changed');
    expect(events.map((e) => e.data)).toEqual([
      { added: ['late-delivery', 'vip'], removed: [] },
      { added: [], removed: ['vip'] },
    ]);
    const report = await verifyTimelines(database.db, { workspaceId: ws.workspace.id });
    expect(report.firstBreak).toBeNull();
  });

  it('asks the same permission as changing the case, and hides cases the caller may not see', async () => {
    const { cast, as, caseIn } = await setup();
    const kase = await caseIn(cast.teamA.id);
    expect(await codeOf(tagCase(as(cast.supervisorB.actor), kase.ref, ['vip']))).toBe('not_found');
    expect(await codeOf(tagCase(as(cast.hr.actor), kase.ref, ['vip']))).toBe('forbidden');
    expect(await codeOf(tagCase(as(cast.supervisorA.actor), kase.ref, ['vip']))).toBe('ok');
  });

  it('filters the inbox by tag and counts only the tags of cases the caller may see', async () => {
    const { ws, cast, as, caseIn } = await setup();
    const a = await caseIn(cast.teamA.id);
    const b = await caseIn(cast.teamA.id);
    const other = await caseIn(cast.teamB.id);
    await tagCase(ws.ctx(), a.ref, ['vip']);
    await tagCase(ws.ctx(), b.ref, ['refund']);
    await tagCase(ws.ctx(), other.ref, ['vip', 'legal-threat']);

    const vip = await listCases(as(cast.supervisorA.actor), { tag: ['vip'] });
    expect(vip.items.map((c) => c.ref)).toEqual([a.ref]);
    const either = await listCases(ws.ctx(), { tag: ['vip', 'refund'] });
    expect(either.items.map((c) => c.ref).sort()).toEqual([a.ref, b.ref, other.ref].sort());

    expect(await listTags(as(cast.supervisorA.actor))).toEqual([
      { tag: 'refund', count: 1 },
      { tag: 'vip', count: 1 },
    ]);
    expect(await listTags(ws.ctx())).toEqual([
      { tag: 'vip', count: 2 },
      { tag: 'legal-threat', count: 1 },
      { tag: 'refund', count: 1 },
    ]);
  });

  it('reports a tag row written beside the timeline', async () => {
    const { ws, cast, caseIn } = await setup();
    const kase = await caseIn(cast.teamA.id);
    await tagCase(ws.ctx(), kase.ref, ['vip']);
    await database.db
      .insertInto('case_tags')
      .values({ workspace_id: ws.workspace.id, case_id: kase.id, tag: 'sneaked-in', created_at: new Date().toISOString() })
      .execute();
    const report = await verifyTimelines(database.db, { workspaceId: ws.workspace.id });
    expect(report.firstBreak?.problem).toBe("the case's tags differ from those its timeline records");
  });
});
