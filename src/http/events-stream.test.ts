import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase, openTestDatabase, type TestDatabase } from '../../test/databases.js';
import { buildCase, buildWorkspace } from '../../test/factories.js';
import { captureLog } from '../../test/job-effects.js';
import { buildCast } from '../../test/people.js';
import { currentSchema, PG_URL } from '../../test/pg-boss.js';
import { openSse, type SseMessage } from '../../test/sse-client.js';
import { createEventRunner, type EventRunner } from '../events/event-runner.js';
import { createLocalHub, createPostgresHub, type LiveHub } from '../events/live-hub.js';
import { liveProcessor } from '../events/live-processor.js';
import { addNote } from '../services/change-case.js';
import type { ServiceContext } from '../services/context.js';
import { createCase } from '../services/create-case.js';
import { insertNotifications } from '../store/notifications.js';
import { buildApp } from './app.js';

type Update = { kind: string; caseRef: string | null; personal: boolean };
const updates = (messages: SseMessage[]) => messages.filter((m) => m.event === 'message').map((m) => m.data as Update);

describeEachDatabase('live updates over Server-Sent Events', (kind) => {
  let database: TestDatabase;
  // Two instances over one database: the live processor runs on the first, browsers listen on the second.
  let hubs: LiveHub[];
  let apps: FastifyInstance[];
  let runner: EventRunner;
  let base: string;
  let admin: ServiceContext;
  let cast: Awaited<ReturnType<typeof buildCast>>;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    const schema = kind === 'postgres' ? await currentSchema(database.db) : undefined;
    const hub = () => (kind === 'postgres' ? createPostgresHub({ connectionString: PG_URL, schema, log: captureLog() }) : createLocalHub());
    hubs = kind === 'postgres' ? [hub(), hub()] : [hub()];
    for (const h of hubs) await (h as { ready?: Promise<void> }).ready;
    apps = await Promise.all(hubs.map((live) => buildApp({ config: { logLevel: 'silent' }, database, logger: false, live })));
    const listening = apps.at(-1) as FastifyInstance;
    await listening.listen({ port: 0, host: '127.0.0.1' });
    const address = listening.server.address();
    base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/api/v1/events/stream`;
    runner = createEventRunner({ db: database.db, processors: [liveProcessor(hubs[0] as LiveHub)], log: captureLog(), pollMs: 20 });
    runner.start();
    const ws = await buildWorkspace(database.db);
    admin = ws.ctx();
    cast = await buildCast(admin);
  });
  afterAll(async () => {
    await runner.stop();
    for (const app of apps) await app.close();
    for (const h of hubs) await h.close();
    await database.dispose();
  });

  const caseOfTeamA = () =>
    createCase(admin, {
      ...buildCase(),
      teamId: cast.teamA.id,
      employees: [{ employeeId: cast.employeeA.actor.employeeId as string, role: 'primary' }],
    });
  const asEmployeeA = (): ServiceContext => ({ db: database.db, actor: cast.employeeA.actor, now: new Date() });

  it('tells each person, on another instance, only about what they may see', async () => {
    const supervisor = openSse(base, cast.supervisorA.auth);
    const outsider = openSse(base, cast.employeeB.auth);
    const involved = openSse(base, cast.employeeA.auth);
    await Promise.all([supervisor.opened, outsider.opened, involved.opened]);
    expect([supervisor.status, outsider.status, involved.status]).toEqual([200, 200, 200]);

    const kase = await caseOfTeamA();
    await addNote(asEmployeeA(), kase.ref, 'The customer came back with a receipt.');
    await insertNotifications(
      database.db,
      [
        {
          workspaceId: admin.actor.workspaceId,
          userId: cast.employeeA.actor.userId,
          kind: 'note',
          caseId: null,
          title: 'Hi',
          body: 'For you',
        },
      ],
      new Date(),
    );
    // Something the outsider may see, after the rest: once it arrives, everything before it has been decided.
    const own = await createCase({ db: database.db, actor: cast.employeeB.actor, now: new Date() }, buildCase());

    await expect.poll(() => updates(supervisor.messages).length, { timeout: 10_000 }).toBe(2);
    await expect.poll(() => updates(involved.messages).length, { timeout: 10_000 }).toBe(3);
    await expect.poll(() => updates(outsider.messages).length, { timeout: 10_000 }).toBe(1);
    expect(updates(supervisor.messages)).toMatchObject([
      { kind: 'case_created', caseRef: kase.ref },
      { kind: 'note', caseRef: kase.ref },
    ]);
    expect(updates(involved.messages)).toMatchObject([
      { kind: 'case_created', caseRef: kase.ref },
      { kind: 'note', caseRef: kase.ref },
      { kind: 'notification_created', caseRef: null, personal: true },
    ]);
    expect(updates(outsider.messages)).toMatchObject([{ kind: 'case_created', caseRef: own.ref }]);
    // Messages name the event, never its content.
    expect(JSON.stringify(supervisor.messages)).not.toContain('receipt');
    for (const s of [supervisor, outsider, involved]) s.close();
  });

  it('resumes after a reconnect with Last-Event-ID, without loss or repeats, and answers a poll with once=true', async () => {
    const first = openSse(base, cast.supervisorA.auth);
    await first.opened;
    const kase = await caseOfTeamA();
    await expect.poll(() => updates(first.messages).length, { timeout: 10_000 }).toBe(1);
    const lastId = first.messages.filter((m) => m.event === 'message').at(-1)?.id as string;
    first.close();

    await addNote(asEmployeeA(), kase.ref, 'Missed while offline 1');
    await addNote(asEmployeeA(), kase.ref, 'Missed while offline 2');
    const again = openSse(base, { ...cast.supervisorA.auth, 'last-event-id': lastId });
    await again.opened;
    await expect.poll(() => updates(again.messages).map((u) => u.kind), { timeout: 10_000 }).toEqual(['note', 'note']);
    await addNote(asEmployeeA(), kase.ref, 'Live again');
    await expect.poll(() => updates(again.messages).length, { timeout: 10_000 }).toBe(3);
    const ids = again.messages.filter((m) => m.event === 'message').map((m) => m.id);
    expect(new Set(ids).size).toBe(3);
    again.close();

    const poll = openSse(`${base}?once=true&lastEventId=${encodeURIComponent(lastId)}`, cast.supervisorA.auth);
    await poll.opened;
    await expect.poll(() => poll.ended, { timeout: 10_000 }).toBe(true);
    expect(updates(poll.messages).map((u) => u.kind)).toEqual(['note', 'note', 'note']);
    expect(poll.messages.at(-1)?.event).toBe('caught-up');
  });

  it('refuses a stream to someone not signed in', async () => {
    const anonymous = openSse(`${base}?once=true`, {});
    await anonymous.opened;
    expect(anonymous.status).toBe(401);
  });
});
