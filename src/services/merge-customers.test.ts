import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase, openTestDatabase, type TestDatabase } from '../../test/databases.js';
import { buildCase, buildWorkspace } from '../../test/factories.js';
import { buildCast } from '../../test/people.js';
import type { AppError } from '../domain/errors.js';
import { reportAbuse } from './abuse.js';
import type { Actor, ServiceContext } from './context.js';
import { createCase } from './create-case.js';
import { getCustomerProfile } from './customer-profile.js';
import { listCustomersOf } from './directory.js';
import { mergeCustomers } from './merge-customers.js';
import { getCase, listCases, listEvents } from './read-cases.js';
import { verifyRecord } from './verify-record.js';
import { verifyTimelines } from './verify-timelines.js';

const failure = (p: Promise<unknown>) =>
  p.then(
    () => 'ok',
    (e: AppError) => `${e.code}: ${e.detail}`,
  );

describeEachDatabase('merging duplicate customers', (kind) => {
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
    const keep = await createCase(ws.ctx(), {
      ...buildCase(),
      ...party,
      customer: { name: 'Ingrid Halvorsen', email: 'ingrid@example.test' },
    });
    const dupA = await createCase(ws.ctx(), {
      ...buildCase(),
      ...party,
      customer: { name: 'Ingrid Halvorson', email: 'i.halvorsen@example.test', phone: '+47 22 00 00 00' },
    });
    const dupB = await createCase(ws.ctx(), { ...buildCase(), teamId: cast.teamB.id, customerId: dupA.customerId as string });
    return { ws, cast, as, keepId: keep.customerId as string, dupId: dupA.customerId as string, keep, dupA, dupB };
  };

  /** Every row a merge could touch, to show a refused merge changed nothing. */
  const snapshot = async () =>
    JSON.stringify(
      await Promise.all([
        database.db.selectFrom('customers').selectAll().orderBy('id').execute(),
        database.db.selectFrom('customer_contacts').selectAll().orderBy('id').execute(),
        database.db.selectFrom('customer_merges').selectAll().orderBy('id').execute(),
        database.db.selectFrom('cases').select(['id', 'customer_id', 'event_count', 'last_event_hash']).orderBy('id').execute(),
        database.db.selectFrom('case_events').select(['id']).orderBy('id').execute(),
        database.db.selectFrom('event_outbox').select(['position']).orderBy('position').execute(),
      ]),
    );

  it('moves the cases with an event on each timeline, carries contacts and the abuse flag, and leaves a tombstone', async () => {
    const { ws, cast, as, keepId, dupId, keep, dupA, dupB } = await setup();
    await reportAbuse(as(cast.employeeA.actor), dupA.ref, 'Threw the receipt at me.');
    const kept = await mergeCustomers(as(cast.supervisorA.actor), dupId, keepId);

    expect(kept.id).toBe(keepId);
    expect(kept.signals.cases.total).toBe(3);
    expect(kept.signals.abuse).toMatchObject({ flagged: true, reason: 'Threw the receipt at me.', reports: 1 });
    // Its own details stay as they are (its cases committed to them); the duplicate's email and phone come along.
    expect(kept.contacts).toEqual([
      { kind: 'email', value: 'ingrid@example.test', fromCustomerId: null },
      { kind: 'email', value: 'i.halvorsen@example.test', fromCustomerId: dupId },
      { kind: 'phone', value: '+47 22 00 00 00', fromCustomerId: dupId },
    ]);
    expect(kept.merges).toEqual([
      expect.objectContaining({
        from: { id: dupId, name: 'Ingrid Halvorson' },
        into: { id: keepId, name: 'Ingrid Halvorsen' },
        mergedBy: cast.supervisorA.actor.userId,
        caseCount: 2,
      }),
    ]);

    for (const moved of [dupA, dupB]) {
      expect((await getCase(ws.ctx(), moved.ref)).customer?.id).toBe(keepId);
      const last = (await listEvents(ws.ctx(), moved.ref, 0, 100)).items.at(-1);
      expect(last).toMatchObject({
        kind: 'customer_merged',
        actorId: cast.supervisorA.actor.userId,
        data: { fromCustomerId: dupId, intoCustomerId: keepId },
      });
      // Ids only: no name or contact detail enters the hash chain.
      expect(JSON.stringify(last?.data)).not.toMatch(/Halvors|example\.test/);
    }
    // The kept record's own case is untouched: nothing happened to it.
    expect((await listEvents(ws.ctx(), keep.ref, 0, 100)).items.map((e) => e.kind)).not.toContain('customer_merged');
    expect(await verifyTimelines(database.db, { workspaceId: ws.actor.workspaceId })).toMatchObject({ casesChecked: 3, firstBreak: null });
    // The whole record holds too: customers' commitments, the access log, the case rows.
    const record = await verifyRecord(database.db, ws.actor.workspaceId);
    expect(record.problems).toEqual([]);

    // The duplicate is a tombstone: it says where it went, holds no contact details, and is no longer listed.
    const tomb = await getCustomerProfile(as(cast.supervisorB.actor), dupId);
    expect(tomb).toMatchObject({ mergedInto: { id: keepId, name: 'Ingrid Halvorsen' }, contacts: [], cases: [], can: { merge: false } });
    expect(tomb.signals.abuse.flagged).toBe(false);
    // Employee A reaches it through the kept customer's cases; employee B never could.
    expect((await getCustomerProfile(as(cast.employeeA.actor), dupId)).mergedInto?.id).toBe(keepId);
    expect(await failure(getCustomerProfile(as(cast.employeeB.actor), dupId))).toMatch(/^not_found/);
    expect((await listCustomersOf(ws.ctx())).map((c) => c.id)).toEqual([keepId]);
    // The duplicate's address, now one of the kept record's contacts, still finds all her cases.
    const found = await listCases(ws.ctx(), { q: 'I.Halvorsen@example.test' });
    expect(found.items.map((c) => c.ref).sort()).toEqual([keep.ref, dupA.ref, dupB.ref].sort());
  });

  it('points older tombstones at the record kept when the kept record is merged in turn', async () => {
    const { ws, keepId, dupId } = await setup();
    await mergeCustomers(ws.ctx(), dupId, keepId);
    const third = await createCase(ws.ctx(), { ...buildCase(), customer: { name: 'I. Halvorsen' } });
    await mergeCustomers(ws.ctx(), keepId, third.customerId as string);
    expect((await getCustomerProfile(ws.ctx(), dupId)).mergedInto?.id).toBe(third.customerId);
    const final = await getCustomerProfile(ws.ctx(), third.customerId as string);
    expect(final.signals.cases.total).toBe(4);
    expect(final.contacts.map((c) => c.value).sort()).toEqual(['+47 22 00 00 00', 'i.halvorsen@example.test', 'ingrid@example.test']);
    expect((await verifyRecord(database.db, ws.actor.workspaceId)).problems).toEqual([]);
  });

  it('refuses bad merges with a clear reason and changes nothing', async () => {
    const { ws, cast, as, keepId, dupId } = await setup();
    const outsider = await buildWorkspace(database.db);
    const theirs = await createCase(outsider.ctx(), { ...buildCase(), customer: { name: 'Someone Else' } });
    const before = await snapshot();
    expect(await failure(mergeCustomers(ws.ctx(), dupId, dupId))).toBe(
      'validation: intoId: a customer cannot be merged into itself; name the record to keep',
    );
    expect(await failure(mergeCustomers(ws.ctx(), dupId, theirs.customerId as string))).toBe(
      'validation: intoId: no such customer in this workspace',
    );
    expect(await failure(mergeCustomers(ws.ctx(), theirs.customerId as string, keepId))).toBe('not_found: Customer was not found');
    expect(await failure(mergeCustomers(outsider.ctx(), dupId, keepId))).toBe('not_found: Customer was not found');
    expect(await failure(mergeCustomers(as(cast.employeeA.actor), dupId, keepId))).toBe(
      'forbidden: The employee role may not merge customer records; ask a supervisor or an admin',
    );
    expect(await failure(mergeCustomers(as(cast.hr.actor), dupId, keepId))).toMatch(/^forbidden/);
    expect(await snapshot()).toBe(before);

    await mergeCustomers(ws.ctx(), dupId, keepId);
    const after = await snapshot();
    expect(await failure(mergeCustomers(ws.ctx(), dupId, keepId))).toBe(
      'conflict: Ingrid Halvorson was already merged into another customer record; open that record instead',
    );
    const other = await createCase(ws.ctx(), { ...buildCase(), customer: { name: 'Per Olsen' } });
    const afterOther = await snapshot();
    expect(await failure(mergeCustomers(ws.ctx(), other.customerId as string, dupId))).toBe(
      'conflict: Ingrid Halvorson was itself merged into another customer record; merge into that record instead',
    );
    expect(after).not.toBe(afterOther);
    expect(await snapshot()).toBe(afterOther);
  });
});
