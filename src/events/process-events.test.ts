import { sql } from 'kysely';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { describeEachDatabase, openTestDatabase, type TestDatabase } from '../../test/databases.js';
import { buildCase, buildWorkspace } from '../../test/factories.js';
import { captureLog, createJobEffects, recordJobEffect } from '../../test/job-effects.js';
import { signal } from '../../test/signal.js';
import type { DomainEvent } from '../domain/domain-events.js';
import { addNote, assignCase } from '../services/change-case.js';
import { createCase } from '../services/create-case.js';
import { inviteUser } from '../services/users.js';
import { insertOutboxEvents, listProcessorFailures, listProcessors, readEventsAfter } from '../store/event-outbox.js';
import type { EventProcessor } from './event-processor.js';
import { createEventRunner } from './event-runner.js';
import { processEvents } from './process-events.js';

/** A processor that remembers what it saw, and can be told to fail a number of times first. */
function recorder(name: string, options: { startFrom?: 'beginning' | 'now'; failures?: number } = {}) {
  const seen: DomainEvent[] = [];
  let failures = options.failures ?? 0;
  const processor: EventProcessor = {
    name,
    startFrom: options.startFrom ?? 'beginning',
    retryLimit: 2,
    backoffSeconds: 1,
    async handle(event) {
      if (failures > 0) {
        failures -= 1;
        throw new Error(`${name} is down`);
      }
      seen.push(event);
    },
  };
  return { processor, seen };
}

describeEachDatabase('event outbox and processors', (kind) => {
  let database: TestDatabase;
  beforeEach(async () => {
    database = await openTestDatabase(kind);
  });
  afterEach(async () => {
    await database.dispose();
  });

  const pass = (processors: EventProcessor[], now = new Date(), owner = 'test') =>
    processEvents(database.db, processors, { owner, now, log: captureLog() });
  // On PostgreSQL a committed event becomes readable once every older writing transaction on the
  // server has finished (other test files write at the same time): wait for that before a pass.
  const untilReadable = (count: number) =>
    expect
      .poll(async () => (await readEventsAfter(database.db, { tx: 0, position: 0 }, 1000)).length, { timeout: 20_000, interval: 20 })
      .toBe(count);

  it('writes every case event to the outbox in the same transaction, in order', async () => {
    const ws = await buildWorkspace(database.db);
    const kase = await createCase(ws.ctx(), buildCase());
    await addNote(ws.ctx(), kase.ref, 'Called the store.');
    await assignCase(ws.ctx(), kase.ref, ws.user.id);
    await untilReadable(3);
    const events = await readEventsAfter(database.db, { tx: 0, position: 0 }, 100, ws.workspace.id);
    expect(events.map((e) => [e.kind, e.caseId])).toEqual([
      ['case_created', kase.id],
      ['note', kase.id],
      ['assigned', kase.id],
    ]);
    expect(events[1]?.data).toEqual({ text: 'Called the store.' });
    // A change that fails writes nothing, outbox included.
    await expect(addNote({ ...ws.ctx(), actor: { ...ws.actor, workspaceId: 'elsewhere' } }, kase.ref, 'x')).rejects.toThrow();
    expect(await readEventsAfter(database.db, { tx: 0, position: 0 }, 100, ws.workspace.id)).toHaveLength(3);
    // Events outside a case's timeline go the same way.
    const { user } = await inviteUser(ws.ctx(), {
      email: 'new.colleague@example.test',
      name: 'New Colleague',
      role: 'employee',
      teamIds: [],
    });
    await untilReadable(4);
    const [invited] = (await readEventsAfter(database.db, events.at(-1) as DomainEvent, 10, ws.workspace.id)).slice(-1);
    expect(invited).toMatchObject({ kind: 'user_invited', caseId: null, actorId: ws.user.id, data: { userId: user.id, role: 'employee' } });
  });

  it('hands each event to each processor once, retries a failing processor alone, then sets the event aside', async () => {
    const ws = await buildWorkspace(database.db);
    await createCase(ws.ctx(), buildCase());
    await createCase(ws.ctx(), buildCase());
    const healthy = recorder('healthy');
    // Fails the first event three times: two retries, then it is set aside and the next one goes through.
    const flaky = recorder('flaky', { failures: 3 });
    await untilReadable(2);
    const t0 = new Date();
    const at = (s: number) => new Date(t0.getTime() + s * 1000);
    expect(await pass([healthy.processor, flaky.processor], at(0))).toEqual({ processed: 2, retrying: 1, setAside: 0 });
    expect(healthy.seen.map((e) => e.kind)).toEqual(['case_created', 'case_created']);
    // Waiting for its retry (1 s, then 2 s): nothing happens before.
    expect(await pass([healthy.processor, flaky.processor], at(0.5))).toEqual({ processed: 0, retrying: 0, setAside: 0 });
    expect(await pass([healthy.processor, flaky.processor], at(1.1))).toEqual({ processed: 0, retrying: 1, setAside: 0 });
    expect(await pass([healthy.processor, flaky.processor], at(3.2))).toEqual({ processed: 1, retrying: 0, setAside: 1 });
    expect(flaky.seen).toHaveLength(1);
    expect(healthy.seen).toHaveLength(2);
    const failures = await listProcessorFailures(database.db);
    expect(failures.map((f) => [f.processor, f.kind, f.attempts, f.error])).toEqual([['flaky', 'case_created', 3, 'flaky is down']]);
    const states = await listProcessors(database.db);
    expect(states.map((s) => [s.name, s.processed, s.attempts])).toEqual([
      ['flaky', 2, 0],
      ['healthy', 2, 0],
    ]);
  });

  it('handles a run of events in one transaction, keeping the ones before a failure and retrying from it', async () => {
    await createJobEffects(database.db);
    const ws = await buildWorkspace(database.db);
    for (let i = 0; i < 4; i++) await createCase(ws.ctx(), buildCase());
    await untilReadable(4);
    const positions = (await readEventsAfter(database.db, { tx: 0, position: 0 }, 10)).map((e) => e.position);
    let failThird = 2;
    const processor: EventProcessor = {
      name: 'effects',
      startFrom: 'beginning',
      backoffSeconds: 1,
      async handle(event, { db }) {
        await recordJobEffect(db, `event ${event.position}`);
        if (event.position === positions[2] && failThird-- > 0) throw new Error('third event fails twice');
      },
    };
    const effects = async () =>
      (await sql<{ note: string }>`select note from job_effects order by id`.execute(database.db)).rows.map((r) => r.note);
    const t0 = new Date();
    // The run fails at its third event: nothing of it is kept, then the first two commit alone.
    expect(await pass([processor], t0)).toEqual({ processed: 2, retrying: 0, setAside: 0 });
    expect(await effects()).toEqual([`event ${positions[0]}`, `event ${positions[1]}`]);
    // The failing event now comes first: its failure is a try, with a wait before the next.
    expect(await pass([processor], t0)).toEqual({ processed: 0, retrying: 1, setAside: 0 });
    expect(await pass([processor], new Date(t0.getTime() + 1100))).toEqual({ processed: 2, retrying: 0, setAside: 0 });
    expect(await effects()).toEqual(positions.map((p) => `event ${p}`));
    expect((await listProcessors(database.db))[0]).toMatchObject({ name: 'effects', processed: 4, attempts: 0 });
  });

  it('starts a processor added later from now or from the beginning, as it says', async () => {
    const ws = await buildWorkspace(database.db);
    await createCase(ws.ctx(), buildCase());
    const replaying = recorder('replaying', { startFrom: 'beginning' });
    const fresh = recorder('fresh', { startFrom: 'now' });
    await untilReadable(1);
    await pass([replaying.processor, fresh.processor]);
    await addNote(ws.ctx(), (await createCase(ws.ctx(), buildCase())).ref, 'after');
    await untilReadable(3);
    await pass([replaying.processor, fresh.processor]);
    expect(replaying.seen.map((e) => e.kind)).toEqual(['case_created', 'case_created', 'note']);
    expect(fresh.seen.map((e) => e.kind)).toEqual(['case_created', 'note']);
  });

  it('lets one instance at a time run a processor: two runners together handle each event once', async () => {
    const ws = await buildWorkspace(database.db);
    for (let i = 0; i < 30; i++) await createCase(ws.ctx(), buildCase());
    const shared = recorder('shared');
    const log = captureLog();
    const one = createEventRunner({ db: database.db, processors: [shared.processor], log });
    const two = createEventRunner({ db: database.db, processors: [shared.processor], log });
    await Promise.all([one.drain(), two.drain(), one.drain(), two.drain()]);
    expect(shared.seen).toHaveLength(30);
    expect(new Set(shared.seen.map((e) => e.position)).size).toBe(30);
  });

  it.runIf(kind === 'postgres')('never steps over an event whose transaction commits after a later one', async () => {
    const ws = await buildWorkspace(database.db);
    const seen = recorder('ordered');
    const event = (text: string) => ({
      workspaceId: ws.workspace.id,
      kind: 'note',
      caseId: null,
      actorId: null,
      at: new Date().toISOString(),
      data: { text },
    });
    const { reached: held, fire: release } = signal();
    // The slow transaction takes its position first, then waits; a second one commits meanwhile.
    const { reached: wrote, fire: slowWrote } = signal();
    const slow = database.db.transaction().execute(async (trx) => {
      await insertOutboxEvents(trx, [event('first, committed last')]);
      slowWrote();
      await held;
    });
    await wrote;
    await insertOutboxEvents(database.db, [event('second, committed first')]);
    await pass([seen.processor]);
    expect(seen.seen).toHaveLength(0);
    release();
    await slow;
    await untilReadable(2);
    await pass([seen.processor]);
    expect(seen.seen.map((e) => e.data.text)).toEqual(['first, committed last', 'second, committed first']);
    const positions = await sql<{ position: number }>`select position from event_outbox order by position`.execute(database.db);
    expect(positions.rows).toHaveLength(2);
  });
});
