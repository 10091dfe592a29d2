import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase, openTestDatabase, type TestDatabase } from '../../test/databases.js';
import { buildCase, buildWorkspace } from '../../test/factories.js';
import { buildCast } from '../../test/people.js';
import { processEvents } from '../../test/process-events.js';
import type { AppError } from '../domain/errors.js';
import { findCaseByRef } from '../store/cases.js';
import { listCommitmentRows } from '../store/commitments.js';
import { assignCase } from './change-case.js';
import { addCommitment } from './commitments.js';
import type { Actor, ServiceContext } from './context.js';
import { createCase } from './create-case.js';
import { recordCustomerMessage } from './customer-messages.js';
import { mergeCase } from './merge-cases.js';
import { getCase, listCases, listEvents } from './read-cases.js';
import { receiveEmail } from './receive-email.js';
import { splitCase } from './split-case.js';
import { listCaseMessages } from './status-page.js';
import { verifyTimelines } from './verify-timelines.js';

const failure = (p: Promise<unknown>) =>
  p.then(
    () => 'ok',
    (e: AppError) => `${e.code}: ${e.detail}`,
  );

describeEachDatabase('merging and splitting cases', (kind) => {
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
    const party = {
      teamId: cast.teamA.id,
      employees: [{ employeeId: cast.employeeA.actor.employeeId as string, role: 'primary' as const }],
    };
    const customer = { name: 'Maren Holt', email: `maren.${Math.random().toString(36).slice(2)}@example.test` };
    const kept = await createCase(ws.ctx(), { ...buildCase(), ...party, customer });
    const duplicate = await createCase(ws.ctx(), { ...buildCase({ severity: 2 }), ...party, customerId: kept.customerId });
    return { ws, cast, as, party, kept, duplicate };
  };

  it('closes the duplicate as merged, moves its open promises, and writes an event on both timelines', async () => {
    const { ws, cast, as, kept, duplicate } = await setup();
    const sup = as(cast.supervisorA.actor);
    const due = new Date(Date.now() + 86_400_000).toISOString();
    await addCommitment(sup, duplicate.ref, { text: 'Call back with the refund', dueAt: due });
    const dupRow = await findCaseByRef(database.db, ws.workspace.id, duplicate.ref);
    await recordCustomerMessage(database.db, dupRow as NonNullable<typeof dupRow>, { via: 'web', body: 'I wrote in twice' }, new Date());

    const result = await mergeCase(sup, duplicate.ref, { intoRef: kept.ref, reason: 'Same till, same afternoon' });
    expect(result.duplicate.status).toBe('closed');
    expect(result.duplicate.mergedInto).toEqual({ id: kept.id, ref: kept.ref });
    // The duplicate was more serious, so its earlier deadlines now bind the case kept.
    expect(result.kept.sla.resolve.dueAt).toBe(duplicate.sla.resolve.dueAt);
    expect(result.kept.sla.resolve.dueAt < kept.sla.resolve.dueAt).toBe(true);

    const dupEvents = (await listEvents(ws.ctx(), duplicate.ref, 0, 100)).items;
    const keptEvents = (await listEvents(ws.ctx(), kept.ref, 0, 100)).items;
    const merged = dupEvents.find((e) => e.kind === 'case_merged');
    expect(merged?.data).toMatchObject({ intoRef: kept.ref, to: 'closed', reason: 'Same till, same afternoon', customerMessages: 1 });
    const took = keptEvents.find((e) => e.kind === 'duplicate_merged');
    expect(took?.data).toMatchObject({ duplicateRef: duplicate.ref, customerMessages: 1, statements: 0 });
    expect(((took?.data.promisesMoved ?? []) as { text: string }[]).map((p) => p.text)).toEqual(['Call back with the refund']);
    // No earlier event was rewritten: each chain only grew.
    expect(dupEvents[0]?.kind).toBe('case_created');
    expect((await verifyTimelines(database.db, { workspaceId: ws.workspace.id })).firstBreak).toBeNull();

    expect((await listCommitmentRows(database.db, ws.workspace.id, kept.id)).map((c) => c.text)).toEqual(['Call back with the refund']);
    expect((await getCase(ws.ctx(), kept.ref)).mergedCases.map((m) => m.ref)).toEqual([duplicate.ref]);
    // The message stays on the duplicate, which the case kept references.
    expect((await listCaseMessages(ws.ctx(), duplicate.ref)).map((m) => m.body)).toEqual(['I wrote in twice']);

    // The inbox leaves the duplicate out unless asked; its reference still finds it.
    const refs = async (q: Parameters<typeof listCases>[1]) => (await listCases(ws.ctx(), q)).items.map((c) => c.ref);
    expect(await refs({})).not.toContain(duplicate.ref);
    expect(await refs({ merged: true })).toContain(duplicate.ref);
    expect(await refs({ q: duplicate.ref })).toEqual([duplicate.ref]);
  });

  it('tells the duplicate’s reporter, the owners of its promises and the handler of the case kept where the work goes on', async () => {
    const { ws, cast, as, party, kept } = await setup();
    const reported = await createCase(as(cast.employeeA.actor), { ...buildCase(), ...party, customerId: kept.customerId });
    const sup = as(cast.supervisorA.actor);
    await addCommitment(sup, reported.ref, { text: 'Send the voucher', dueAt: new Date(Date.now() + 86_400_000).toISOString() });
    await assignCase(ws.ctx(), kept.ref, cast.supervisorA.actor.userId);
    await processEvents(database.db);
    const merged = async (userId: string) =>
      database.db
        .selectFrom('notifications')
        .select(['title', 'body', 'case_id'])
        .where('user_id', '=', userId)
        .where('kind', '=', 'case_merged')
        .execute();

    await mergeCase(ws.ctx(), reported.ref, { intoRef: kept.ref, reason: 'Same receipt' });
    await processEvents(database.db);
    const told = {
      title: `${reported.ref} was merged into ${kept.ref}`,
      body: `${ws.user.name} merged it as the same incident (Same receipt); the work goes on in ${kept.ref}. Its open promise moved with it.`,
      case_id: kept.id,
    };
    expect(await merged(cast.employeeA.actor.userId)).toEqual([told]);
    expect(await merged(cast.supervisorA.actor.userId)).toEqual([told]);
    // The one who merged and those with no part in either case hear nothing.
    expect(await merged(ws.ctx().actor.userId)).toEqual([]);
    expect(await merged(cast.hr.actor.userId)).toEqual([]);
    expect(await merged(cast.supervisorB.actor.userId)).toEqual([]);
  });

  it('places mail answering the duplicate on the case kept', async () => {
    const { ws, cast, as, kept, duplicate } = await setup();
    await mergeCase(as(cast.supervisorA.actor), duplicate.ref, { intoRef: kept.ref });
    const customer = (await getCase(ws.ctx(), kept.ref)).customer;
    const outcome = await receiveEmail(
      database.db,
      {
        messageId: `<answer.${Math.random()}@example.test>`,
        from: { address: customer?.email as string, name: 'Maren Holt' },
        recipients: [`reply+${duplicate.ref.toLowerCase()}@replies.shop.test`],
        subject: 'Re: your case',
        text: 'Any news about my refund?',
        inReplyTo: [],
        headers: new Map(),
        files: [],
      },
      new Date(),
      // The mail carries no files, so nothing is written where files would go.
      { publicUrl: 'http://localhost', replyDomain: 'replies.shop.test', attachmentsDir: join(tmpdir(), 'defuse-merge-mail-files') },
    );
    expect(outcome).toEqual({ kind: 'placed', caseRef: kept.ref });
    expect((await listCaseMessages(ws.ctx(), kept.ref)).map((m) => m.body)).toEqual(['Any news about my refund?']);
  });

  it('refuses merges that make no sense, and changes nothing', async () => {
    const { ws, cast, as, party, kept, duplicate } = await setup();
    const sup = as(cast.supervisorA.actor);
    expect(await failure(mergeCase(sup, kept.ref, { intoRef: kept.ref }))).toBe('validation: intoRef: a case cannot be merged into itself');
    const stranger = await createCase(ws.ctx(), { ...buildCase(), ...party, customer: { name: 'Someone Else' } });
    expect(await failure(mergeCase(sup, stranger.ref, { intoRef: kept.ref }))).toMatch(/^conflict: .* name different customers/);
    expect(await failure(mergeCase(as(cast.employeeA.actor), duplicate.ref, { intoRef: kept.ref }))).toMatch(/^forbidden: /);
    expect(await failure(mergeCase(as(cast.supervisorB.actor), duplicate.ref, { intoRef: kept.ref }))).toMatch(/^not_found: /);
    // Another workspace's case reads as unknown (its fourth case has a number this workspace has not given out).
    const other = await buildWorkspace(database.db);
    let foreign = await createCase(other.ctx(), buildCase());
    for (let i = 0; i < 3; i++) foreign = await createCase(other.ctx(), buildCase());
    expect(await failure(mergeCase(ws.ctx(), duplicate.ref, { intoRef: foreign.ref }))).toBe(
      `not_found: Case ${foreign.ref} was not found`,
    );
    expect((await listEvents(ws.ctx(), duplicate.ref, 0, 100)).items.map((e) => e.kind)).toEqual(['case_created']);

    expect(await failure(mergeCase(sup, stranger.ref, { intoRef: kept.ref, confirmDifferentCustomers: true }))).toBe('ok');
    expect(await failure(mergeCase(sup, duplicate.ref, { intoRef: stranger.ref }))).toBe(
      `conflict: ${stranger.ref} was itself merged into ${kept.ref}; merge into ${kept.ref} instead`,
    );
    expect(await failure(mergeCase(sup, stranger.ref, { intoRef: duplicate.ref }))).toBe(
      `conflict: ${stranger.ref} was already merged into ${kept.ref}`,
    );
  });

  it('splits chosen customer messages into a new case with the same customer, with an event on both', async () => {
    const { ws, cast, as, kept } = await setup();
    const message = async (body: string) => {
      const row = await findCaseByRef(database.db, ws.workspace.id, kept.ref);
      return recordCustomerMessage(database.db, row as NonNullable<typeof row>, { via: 'web', body }, new Date());
    };
    const first = await message('About the till');
    const second = await message('And the parking fine');
    const sup = as(cast.supervisorA.actor);
    expect(await failure(splitCase(sup, kept.ref, { title: 'Parking fine', summary: 'A second matter', messageIds: [kept.id] }))).toMatch(
      /^validation: messageIds/,
    );
    const { original, created } = await splitCase(sup, kept.ref, {
      title: 'Parking fine',
      summary: 'The customer was fined in our car park.',
      messageIds: [second.id],
    });
    expect(created.customerId).toBe(kept.customerId);
    expect(created.teamId).toBe(kept.teamId);
    expect((await listCaseMessages(ws.ctx(), kept.ref)).map((m) => m.id)).toEqual([first.id]);
    expect((await listCaseMessages(ws.ctx(), created.ref)).map((m) => m.body)).toEqual(['And the parking fine']);
    const originalEvents = (await listEvents(ws.ctx(), original.ref, 0, 100)).items;
    expect(originalEvents.at(-1)).toMatchObject({ kind: 'case_split', data: { toRef: created.ref, messageIds: [second.id] } });
    const createdEvents = (await listEvents(ws.ctx(), created.ref, 0, 100)).items;
    expect(createdEvents.map((e) => e.kind)).toEqual(['case_created', 'split_from']);
    expect(createdEvents[1]?.data).toMatchObject({ fromRef: kept.ref });
    expect((await verifyTimelines(database.db, { workspaceId: ws.workspace.id })).firstBreak).toBeNull();
    // An employee on the case may split it too, but not someone outside it.
    expect(await failure(splitCase(as(cast.employeeB.actor), kept.ref, { title: 'x', summary: 'y' }))).toMatch(/^not_found: /);
  });
});
