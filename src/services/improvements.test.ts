import { afterAll, beforeAll, expect, it } from 'vitest';
import { generateNarratives } from '../../bench/narratives.js';
import { buildTestApp, type TestApp } from '../../test/app.js';
import { describeEachDatabase } from '../../test/databases.js';
import { buildCase } from '../../test/factories.js';
import { buildCast } from '../../test/people.js';
import { processEvents } from '../../test/process-events.js';
import { listMemberRows } from '../store/themes.js';
import { createCase } from './create-case.js';
import { createThread, setVote } from './forum-threads.js';
import { getImprovement, updateImprovement } from './improvements.js';
import { mineWorkspaceThemes } from './theme-mining.js';

const DAY = 86_400_000;
const NOW = new Date('2026-11-30T12:00:00Z');
const DONE = new Date(NOW.getTime() - 28 * DAY);

describeEachDatabase('improvements', (kind) => {
  let t: TestApp;
  let cast: Awaited<ReturnType<typeof buildCast>>;
  let themeId: string;
  let teamARef: string;
  const send = (method: 'POST' | 'PATCH', url: string, auth: Record<string, string>, payload: object) =>
    t.app.inject({ method, url, headers: auth, payload });

  beforeAll(async () => {
    t = await buildTestApp(kind);
    cast = await buildCast(t.workspace.ctx());
    // Three kinds of problem over twelve weeks, in two teams.
    for (const [i, n] of generateNarratives(72, 4, { topics: 3 }).entries()) {
      const kase = await createCase(t.workspace.ctx(new Date(NOW.getTime() - (i % 84) * DAY)), {
        ...buildCase({ summary: n.text }),
        teamId: i % 2 ? cast.teamA.id : cast.teamB.id,
      });
      if (i % 2) teamARef = kase.ref;
    }
    await mineWorkspaceThemes(t.database.db, t.workspace.actor.workspaceId, 'cli', () => NOW);
    const themes = (await t.app.inject({ method: 'GET', url: '/api/v1/themes', headers: t.auth })).json() as { items: { id: string }[] };
    themeId = themes.items[0]?.id as string;
  }, 120_000);
  afterAll(async () => t.close());

  it('is proposed from a theme and cases by a supervisor, and read by everyone as their role allows', async () => {
    const created = await send('POST', '/api/v1/improvements', cast.supervisorA.auth, {
      title: 'Show everyone the card search on the till',
      description: 'Refunds without a receipt end at the counter when the card payment can be found.',
      ownerId: cast.supervisorA.actor.userId,
      themeIds: [themeId],
      caseRefs: [teamARef],
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      status: 'proposed',
      owner: { id: cast.supervisorA.actor.userId },
      themes: [{ id: themeId }],
      cases: [{ ref: teamARef }],
    });
    expect(created.json().nextStatuses).toEqual(['planned', 'dropped']);
    // An employee sees the backlog but not a case they are not part of.
    const list = (await t.app.inject({ method: 'GET', url: '/api/v1/improvements', headers: cast.employeeB.auth })).json();
    expect(list.items[0]).toMatchObject({ id: created.json().id, cases: [], hiddenCases: 1, can: { update: false } });
    expect((await send('POST', '/api/v1/improvements', cast.employeeA.auth, { title: 'Mine' })).statusCode).toBe(403);
    expect((await send('POST', '/api/v1/improvements', cast.hr.auth, { title: 'Mine' })).statusCode).toBe(403);
    // A case the proposer may not open cannot be linked (a supervisor of team B, a case of team A).
    const foreign = await send('POST', '/api/v1/improvements', cast.supervisorB.auth, { title: 'Nosy', caseRefs: [teamARef] });
    expect(foreign.statusCode).toBe(400);
    const filtered = (await t.app.inject({ method: 'GET', url: `/api/v1/improvements?themeId=${themeId}`, headers: t.auth })).json();
    expect(filtered.items).toHaveLength(1);
  });

  it('moves through its statuses in order; dropping needs a reason', async () => {
    const id = (await send('POST', '/api/v1/improvements', t.auth, { title: 'A second till at lunchtime', themeIds: [themeId] })).json().id;
    const patch = (body: object) => send('PATCH', `/api/v1/improvements/${id}`, t.auth, body);
    expect((await patch({ status: 'done' })).statusCode).toBe(409);
    expect((await patch({ status: 'dropped' })).statusCode).toBe(400);
    const dropped = await patch({ status: 'dropped', reason: 'No budget for a second till this year' });
    expect(dropped.json()).toMatchObject({
      status: 'dropped',
      dropReason: 'No budget for a second till this year',
      nextStatuses: ['proposed'],
    });
    expect((await patch({ status: 'proposed' })).json()).toMatchObject({ status: 'proposed', dropReason: null });
    expect((await send('PATCH', `/api/v1/improvements/${id}`, cast.employeeA.auth, { status: 'planned' })).statusCode).toBe(403);
  });

  it('tells the voters and author of a linked forum thread when the improvement moves, and nobody else', async () => {
    const ctxOf = (actor: typeof cast.employeeA.actor) => ({ ...t.workspace.ctx(), actor });
    const thread = await createThread(ctxOf(cast.employeeA.actor), {
      title: 'The returns form asks for the receipt twice',
      body: 'Customers get angry when we ask a second time.',
    });
    await setVote(ctxOf(cast.employeeB.actor), thread.id, true);
    const created = await send('POST', '/api/v1/improvements', cast.supervisorA.auth, {
      title: 'One receipt check on the returns form',
      forumThreadIds: [thread.id],
    });
    expect(created.statusCode).toBe(201);
    const moved = await send('PATCH', `/api/v1/improvements/${created.json().id}`, cast.supervisorA.auth, { status: 'planned' });
    expect(moved.statusCode).toBe(200);
    await processEvents(t.database.db);
    const told = await t.database.db
      .selectFrom('notifications')
      .select(['user_id', 'title', 'link'])
      .where('kind', '=', 'improvement_changed')
      .execute();
    expect(told.map((n) => n.user_id).sort()).toEqual([cast.employeeA.actor.userId, cast.employeeB.actor.userId].sort());
    expect(told[0]).toMatchObject({ title: 'Improvement planned: One receipt check on the returns form', link: '/improvements' });
  });

  it('once done, shows its theme before and after per 100 cases of the same teams', async () => {
    const id = (await send('POST', '/api/v1/improvements', t.auth, { title: 'Card search on every till', themeIds: [themeId] })).json().id;
    const at = (now: Date) => t.workspace.ctx(now);
    for (const status of ['planned', 'in_progress'] as const) await updateImprovement(at(new Date(DONE.getTime() - DAY)), id, { status });
    await updateImprovement(at(DONE), id, { status: 'done' });
    const view = await getImprovement(at(NOW), id);
    expect(view.doneAt).toBe(DONE.toISOString());
    expect(view.effect?.weeks).toBe(4);
    // The counts are those of the theme's members in the four weeks either side.
    const members = await listMemberRows(t.database.db, t.workspace.actor.workspaceId, [themeId]);
    const inWindow = (from: number, to: number) => members.filter((m) => Date.parse(m.doc_at) >= from && Date.parse(m.doc_at) < to).length;
    const w = 28 * DAY;
    expect(view.effect?.before.conflicts).toBe(inWindow(DONE.getTime() - w, DONE.getTime()));
    expect(view.effect?.after.conflicts).toBe(inWindow(DONE.getTime(), DONE.getTime() + w));
    expect(view.effect?.before.cases).toBeGreaterThanOrEqual(view.effect?.before.conflicts ?? 0);
    expect(view.effect?.weekly).toHaveLength(12);
  });
});
