import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase, openTestDatabase, type TestDatabase } from '../../test/databases.js';
import { buildCase, buildWorkspace } from '../../test/factories.js';
import { buildCast } from '../../test/people.js';
import { processEvents } from '../../test/process-events.js';
import type { AppError } from '../domain/errors.js';
import { transitionCase } from './change-case.js';
import type { Actor, ServiceContext } from './context.js';
import { createCase } from './create-case.js';
import { requestHelp, takeHelpRequest } from './help-requests.js';
import { getCase, listCases, listEvents } from './read-cases.js';

const codeOf = (p: Promise<unknown>) =>
  p.then(
    () => 'ok',
    (e: AppError) => e.code,
  );

describeEachDatabase('asking a supervisor for help during a case', (kind) => {
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
    const as = (actor: Actor, now = new Date()): ServiceContext => ({ db: database.db, actor, now });
    return { ws, cast, as };
  };
  const notificationsOf = (userId: string) =>
    database.db.selectFrom('notifications').select(['kind', 'title', 'body']).where('user_id', '=', userId).orderBy('created_at').execute();
  const mailTo = async (userId: string) => {
    const { email } = await database.db.selectFrom('users').select('email').where('id', '=', userId).executeTakeFirstOrThrow();
    return database.db
      .selectFrom('outbox_emails')
      .select(['kind', 'subject', 'text_body'])
      .where('to_address', '=', email)
      .where('kind', '!=', 'invitation')
      .execute();
  };

  it('tells the team’s supervisors at once, shows on the case and in Needs attention until someone takes it', async () => {
    const { ws, cast, as } = await setup();
    const kase = await createCase(as(cast.employeeA.actor), {
      ...buildCase({ severity: 3 }),
      teamId: cast.teamA.id,
      employees: [{ employeeId: cast.employeeA.actor.employeeId as string, role: 'primary' }],
    });
    const asked = await requestHelp(as(cast.employeeA.actor), kase.ref, '  He is threatening to post a video.  ');
    expect(asked.help).toMatchObject({ requestedBy: cast.employeeA.actor.userId });
    expect(await codeOf(requestHelp(as(cast.employeeA.actor), kase.ref, undefined))).toBe('conflict');
    // Someone who cannot see the case cannot call for help on it either.
    expect(await codeOf(requestHelp(as(cast.employeeB.actor), kase.ref, undefined))).toBe('not_found');

    await processEvents(database.db);
    const toSupervisor = await notificationsOf(cast.supervisorA.actor.userId);
    expect(toSupervisor.map((n) => n.kind)).toEqual(['case_reported', 'help_requested']);
    expect(toSupervisor[1]?.body).toBe('He is threatening to post a video.');
    const mail = await mailTo(cast.supervisorA.actor.userId);
    expect(mail.map((m) => m.kind)).toEqual(['help_requested']);
    expect(mail[0]?.text_body).toContain(kase.ref);
    expect(await notificationsOf(cast.supervisorB.actor.userId)).toEqual([]);

    const attention = (await listCases(as(cast.supervisorA.actor), { attention: true })).items;
    expect(attention.map((c) => [c.ref, c.attention])).toEqual([[kase.ref, ['help_requested']]]);
    expect((await getCase(as(cast.supervisorA.actor), kase.ref)).can).toMatchObject({ takeHelp: true, requestHelp: false });

    // Only someone who may assign the case takes the call; taking it hands over a case nobody handles.
    expect(await codeOf(takeHelpRequest(as(cast.employeeA.actor), kase.ref))).toBe('forbidden');
    expect(await codeOf(takeHelpRequest(as(cast.hr.actor), kase.ref))).toBe('forbidden');
    const taken = await takeHelpRequest(as(cast.supervisorA.actor), kase.ref);
    expect(taken).toMatchObject({ help: null, assigneeId: cast.supervisorA.actor.userId });
    expect(await codeOf(takeHelpRequest(ws.ctx(), kase.ref))).toBe('conflict');
    const kinds = (await listEvents(as(cast.supervisorA.actor), kase.ref, 0, 20)).items.map((e) => e.kind);
    expect(kinds).toEqual(['case_created', 'help_requested', 'help_taken', 'assigned']);
    expect((await listCases(as(cast.supervisorA.actor), { attention: true })).items).toEqual([]);

    await processEvents(database.db);
    expect((await notificationsOf(cast.employeeA.actor.userId)).map((n) => n.kind)).toEqual(['help_taken']);
  });

  it('mails a serious new case (severity 1 or 2) to the team’s supervisors at once; a closed case takes no call for help', async () => {
    const { cast, as } = await setup();
    const serious = await createCase(as(cast.employeeA.actor), { ...buildCase({ severity: 1 }), teamId: cast.teamA.id });
    await processEvents(database.db);
    expect((await notificationsOf(cast.supervisorA.actor.userId)).map((n) => n.kind)).toEqual(['serious_case']);
    expect((await mailTo(cast.supervisorA.actor.userId)).map((m) => m.subject)).toEqual([`Severity 1 case reported: ${serious.ref}`]);

    const admin = { db: database.db, actor: (await buildWorkspace(database.db)).actor, now: new Date() };
    const ws2Case = await createCase(admin, buildCase());
    for (const to of ['investigating', 'resolving'] as const) await transitionCase(admin, ws2Case.ref, { to });
    expect(await codeOf(requestHelp(admin, ws2Case.ref, undefined))).toBe('ok');
  });
});
