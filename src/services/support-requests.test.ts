import { afterAll, beforeAll, expect, it } from 'vitest';
import { codeOf } from '../../test/codes.js';
import { describeEachDatabase, openTestDatabase, type TestDatabase } from '../../test/databases.js';
import { buildCase, buildWorkspace } from '../../test/factories.js';
import { buildResolvedCase } from '../../test/follow-through.js';
import { buildCast } from '../../test/people.js';
import { processEvents } from '../../test/process-events.js';
import { reportAbuse } from './abuse.js';
import type { Actor, ServiceContext } from './context.js';
import { createCase } from './create-case.js';
import { getEmployeeHistory } from './employee-history.js';
import { answerFollowUp, listMyFollowUps } from './follow-ups.js';
import { sendDueFollowUps } from './send-due-follow-ups.js';
import { acceptSupportOffer, answerSupportRequest, closeSupportRequest, listSupportRequests, requestSupport } from './support-requests.js';

const DAY = 86_400_000;

describeEachDatabase('support for employees after a hard case', (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
    await processEvents(database.db);
  });
  afterAll(async () => database.dispose());

  const setup = async () => {
    const ws = await buildWorkspace(database.db);
    const cast = await buildCast(ws.ctx());
    const as = (actor: Actor, now = new Date()): ServiceContext => ({ db: database.db, actor, now });
    const bell = (userId: string) =>
      database.db
        .selectFrom('notifications')
        .select(['kind', 'title', 'body'])
        .where('user_id', '=', userId)
        .orderBy('created_at')
        .execute();
    return { ws, cast, as, bell };
  };

  it('goes from the case to the supervisor with a due time, is answered and closed, and shows in the history without its words', async () => {
    const { ws, cast, as, bell } = await setup();
    const kase = await createCase(ws.ctx(), {
      ...buildCase(),
      teamId: cast.teamA.id,
      employees: [{ employeeId: cast.employeeA.actor.employeeId as string, role: 'primary' }],
    });
    const asked = await requestSupport(as(cast.employeeA.actor), {
      kind: 'time_off',
      note: 'I need an hour away from the till',
      caseRef: kase.ref,
    });
    expect(asked).toMatchObject({ status: 'open', caseRef: kase.ref, source: 'case', supervisor: { id: cast.supervisorA.actor.userId } });
    expect(Date.parse(asked.dueAt as string) - Date.now()).toBeLessThanOrEqual(8 * 3600_000);
    // Someone who may not see the case cannot attach a request to it.
    expect(await codeOf(requestSupport(as(cast.employeeB.actor), { kind: 'talk', caseRef: kase.ref }))).toBe('not_found');
    await processEvents(database.db);
    expect((await bell(cast.supervisorA.actor.userId)).map((n) => n.kind)).toContain('support_requested');

    // The other team's supervisor and HR do not see it; the team's supervisor answers it.
    expect((await listSupportRequests(as(cast.supervisorB.actor))).map((r) => r.id)).not.toContain(asked.id);
    expect((await listSupportRequests(as(cast.hr.actor))).map((r) => r.id)).not.toContain(asked.id);
    expect(await codeOf(answerSupportRequest(as(cast.employeeA.actor), asked.id, 'I answer myself'))).toBe('conflict');
    expect(await codeOf(answerSupportRequest(as(cast.supervisorA.actor), asked.id, '   '))).toBe('validation');
    const answered = await answerSupportRequest(as(cast.supervisorA.actor), asked.id, 'Take the back office until lunch.');
    expect(answered.status).toBe('answered');
    await processEvents(database.db);
    expect((await bell(cast.employeeA.actor.userId)).map((n) => n.kind)).toContain('support_answered');
    expect((await closeSupportRequest(as(cast.employeeA.actor), asked.id)).status).toBe('closed');

    const history = await getEmployeeHistory(as(cast.hr.actor), cast.employeeA.actor.employeeId as string);
    expect(history.support).toEqual([expect.objectContaining({ id: asked.id, kind: 'time_off', status: 'closed', caseRef: kase.ref })]);
    expect(JSON.stringify(history.support)).not.toContain('back office');
    expect(JSON.stringify(history.support)).not.toContain('hour away');
  });

  it('offers support after an abuse-policy case, and turns “I would like help” on a follow-up into a request', async () => {
    const { ws, cast, as, bell } = await setup();
    const kase = await createCase(ws.ctx(), {
      ...buildCase(),
      teamId: cast.teamA.id,
      employees: [{ employeeId: cast.employeeA.actor.employeeId as string, role: 'primary' }],
    });
    await reportAbuse(as(cast.employeeA.actor), kase.ref, 'Threatened me');
    await processEvents(database.db);
    await processEvents(database.db);
    const [offer] = await listSupportRequests(as(cast.employeeA.actor));
    expect(offer).toMatchObject({ status: 'offered', source: 'abuse_offer', kind: null, can: { accept: true } });
    expect((await bell(cast.employeeA.actor.userId)).map((n) => n.kind)).toContain('support_offered');
    expect(await codeOf(acceptSupportOffer(as(cast.supervisorA.actor), offer?.id as string, { kind: 'talk' }))).toBe('conflict');
    const taken = await acceptSupportOffer(as(cast.employeeA.actor), offer?.id as string, { kind: 'wellbeing' });
    expect(taken).toMatchObject({ status: 'open', kind: 'wellbeing' });

    const resolved = await buildResolvedCase(ws.ctx(), { teamId: cast.teamA.id, employeeId: cast.employeeA.actor.employeeId as string });
    const later = new Date(Date.now() + 10 * DAY);
    await sendDueFollowUps(database.db, later, 'http://defuse.test');
    const mine = (await listMyFollowUps(as(cast.employeeA.actor, later))).find((f) => f.caseRef === resolved.ref);
    await answerFollowUp(as(cast.employeeA.actor, later), mine?.id as string, {
      feltSupported: 2,
      wantsTraining: false,
      wantsHelp: true,
      comment: 'That one stayed with me.',
    });
    await processEvents(database.db);
    const fromFollowUp = (await listSupportRequests(as(cast.supervisorA.actor))).find((r) => r.source === 'follow_up');
    expect(fromFollowUp).toMatchObject({ kind: 'talk', status: 'open', caseRef: resolved.ref, note: 'That one stayed with me.' });
  });
});
