import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase, openTestDatabase, type TestDatabase } from '../../test/databases.js';
import { buildCase, buildWorkspace } from '../../test/factories.js';
import { buildCast } from '../../test/people.js';
import type { AppError } from '../domain/errors.js';
import type { Actor, ServiceContext } from './context.js';
import { createCase } from './create-case.js';
import { getCase, listEvents } from './read-cases.js';
import { recordReply } from './record-reply.js';
import { createSavedReply, deleteSavedReplyOf, listSavedReplies, renderSavedReply, updateSavedReplyOf } from './saved-replies.js';
import { deleteView, listSavedViews, saveView } from './saved-views.js';

const failure = (p: Promise<unknown>) =>
  p.then(
    () => 'ok',
    (e: AppError) => `${e.code}: ${e.detail}`,
  );

describeEachDatabase('saved replies and shared views', (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
  });
  afterAll(async () => {
    await database.dispose();
  });

  const setup = async () => {
    const ws = await buildWorkspace(database.db, `Harbour Books ${Math.random().toString(36).slice(2, 8)}`);
    const cast = await buildCast(ws.ctx());
    const as = (actor: Actor): ServiceContext => ({ db: database.db, actor, now: new Date() });
    return { ws, cast, as };
  };

  it('keeps workspace replies for admins and team replies for their supervisors', async () => {
    const { ws, cast, as } = await setup();
    const everyone = await createSavedReply(ws.ctx(), { title: 'Thanks', body: 'Thank you, {{customer.firstName|there}}.', teamId: null });
    const teamA = await createSavedReply(as(cast.supervisorA.actor), {
      title: 'Delay',
      body: 'Sorry for the wait.',
      teamId: cast.teamA.id,
    });
    expect(await failure(createSavedReply(as(cast.supervisorA.actor), { title: 'X', body: 'x', teamId: null }))).toMatch(/^forbidden: /);
    expect(await failure(createSavedReply(as(cast.supervisorA.actor), { title: 'X', body: 'x', teamId: cast.teamB.id }))).toMatch(
      /^forbidden: /,
    );
    expect(await failure(createSavedReply(as(cast.employeeA.actor), { title: 'X', body: 'x', teamId: cast.teamA.id }))).toMatch(
      /^forbidden: /,
    );
    expect(await failure(createSavedReply(ws.ctx(), { title: 'X', body: 'Hi {{customer.first}}', teamId: null }))).toMatch(
      /^validation: body: \{\{customer\.first\}\} is not a variable/,
    );

    const titles = async (actor: Actor) => (await listSavedReplies(as(actor))).map((r) => `${r.title}:${r.canEdit}`);
    expect(await titles(cast.employeeA.actor)).toEqual(['Delay:false', 'Thanks:false']);
    expect(await titles(cast.employeeB.actor)).toEqual(['Thanks:false']);
    expect(await titles(cast.supervisorA.actor)).toEqual(['Delay:true', 'Thanks:false']);
    expect(
      await failure(updateSavedReplyOf(as(cast.supervisorB.actor), teamA.id, { title: 'Mine', body: 'x', teamId: cast.teamB.id })),
    ).toMatch(/^not_found: /);
    expect(await failure(deleteSavedReplyOf(as(cast.supervisorA.actor), everyone.id))).toMatch(/^forbidden: /);
    expect(await failure(deleteSavedReplyOf(as(cast.supervisorA.actor), teamA.id))).toBe('ok');
    expect(await titles(cast.supervisorA.actor)).toEqual(['Thanks:false']);
  });

  it('fills a reply in for the case and applies its actions when it is sent', async () => {
    const { ws, cast, as } = await setup();
    const kase = await createCase(ws.ctx(), {
      ...buildCase(),
      teamId: cast.teamA.id,
      assigneeId: cast.supervisorA.actor.userId,
      customer: { name: 'Maren Holt' },
    });
    const macro = await createSavedReply(ws.ctx(), {
      title: 'Looking into it',
      body: 'Hello {{customer.firstName|there}}, {{handler.firstName}} at {{workspace.name}} is looking into {{case.reference}}. {{sender.firstName}}',
      teamId: cast.teamA.id,
      setStatus: 'investigating',
      addTags: ['waiting-on-us'],
    });
    const sup = as(cast.supervisorA.actor);
    const rendered = await renderSavedReply(sup, kase.ref, macro.id);
    expect(rendered.text).toBe(`Hello Maren, Sara at ${ws.workspace.name} is looking into ${kase.ref}. Sara`);
    expect(rendered.unfilled).toEqual([]);
    // Another team's supervisor cannot even see the case.
    expect(await failure(renderSavedReply(as(cast.supervisorB.actor), kase.ref, macro.id))).toMatch(/^not_found: Case/);

    // The employee on the case may reply but not move it: the whole send is refused, nothing recorded.
    const employeeCase = await createCase(ws.ctx(), {
      ...buildCase(),
      teamId: cast.teamA.id,
      employees: [{ employeeId: cast.employeeA.actor.employeeId as string, role: 'primary' }],
    });
    expect(await failure(recordReply(as(cast.employeeA.actor), employeeCase.ref, { body: 'Hello', savedReplyId: macro.id }))).toMatch(
      /^forbidden: /,
    );
    expect((await listEvents(ws.ctx(), employeeCase.ref, 0, 100)).items.map((e) => e.kind)).toEqual(['case_created']);

    await recordReply(sup, kase.ref, { body: rendered.text, savedReplyId: macro.id });
    const after = await getCase(ws.ctx(), kase.ref);
    expect(after.status).toBe('investigating');
    expect(after.tags).toEqual(['waiting-on-us']);
    const kinds = (await listEvents(ws.ctx(), kase.ref, 0, 100)).items.map((e) => e.kind);
    expect(kinds).toEqual(['case_created', 'reply', 'tags_changed', 'status_changed']);
    const reply = (await listEvents(ws.ctx(), kase.ref, 0, 100)).items[1];
    expect(reply?.data.savedReply).toEqual({ id: macro.id, title: 'Looking into it' });
    // Sent again, the case is already there: the reply goes out and nothing else changes.
    await recordReply(sup, kase.ref, { body: 'Still on it.', savedReplyId: macro.id });
    expect((await listEvents(ws.ctx(), kase.ref, 0, 100)).items.length).toBe(5);
  });

  it('keeps views for their owner and shares them with a team its supervisor leads', async () => {
    const { cast, as } = await setup();
    const mine = await saveView(as(cast.employeeA.actor), { name: 'My VIPs', filters: { tag: ['vip'] } });
    expect(await failure(saveView(as(cast.employeeA.actor), { name: 'Ours', filters: {}, teamId: cast.teamA.id }))).toMatch(/^forbidden: /);
    expect(await failure(saveView(as(cast.supervisorA.actor), { name: 'Theirs', filters: {}, teamId: cast.teamB.id }))).toMatch(
      /^forbidden: /,
    );
    const shared = await saveView(as(cast.supervisorA.actor), {
      name: 'Breached, team A',
      filters: { breached: true, sort: 'next_due_at', order: 'asc' },
      teamId: cast.teamA.id,
    });
    const names = async (actor: Actor) => (await listSavedViews(as(actor))).map((v) => `${v.name}:${v.canDelete}`);
    expect(await names(cast.employeeA.actor)).toEqual(['Breached, team A:false', 'My VIPs:true']);
    expect(await names(cast.employeeB.actor)).toEqual([]);
    expect(await names(cast.supervisorA.actor)).toEqual(['Breached, team A:true']);
    expect((await listSavedViews(as(cast.employeeA.actor)))[0]?.filters).toEqual({ breached: true, sort: 'next_due_at', order: 'asc' });
    // Saving again under the same name replaces the view.
    await saveView(as(cast.employeeA.actor), { name: 'my vips', filters: { tag: ['vip', 'refund'] } });
    expect(await names(cast.employeeA.actor)).toEqual(['Breached, team A:false', 'my vips:true']);
    expect(await failure(deleteView(as(cast.employeeA.actor), shared.id))).toMatch(/^forbidden: /);
    expect(await failure(deleteView(as(cast.employeeB.actor), shared.id))).toMatch(/^not_found: /);
    expect(await failure(deleteView(as(cast.employeeA.actor), mine.id))).toMatch(/^not_found: /);
    expect(await failure(deleteView(as(cast.supervisorA.actor), shared.id))).toBe('ok');
  });
});
