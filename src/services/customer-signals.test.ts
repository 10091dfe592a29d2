import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase, openTestDatabase, type TestDatabase } from '../../test/databases.js';
import { buildCase, buildWorkspace } from '../../test/factories.js';
import { buildResolvedCase, lastEmailTo, surveyTokenIn } from '../../test/follow-through.js';
import { buildCast } from '../../test/people.js';
import type { AppError } from '../domain/errors.js';
import { reportAbuse } from './abuse.js';
import { addCommitment } from './commitments.js';
import type { Actor, ServiceContext } from './context.js';
import { createCase } from './create-case.js';
import { getCustomerProfile } from './customer-profile.js';
import { listCases } from './read-cases.js';
import { sendDueFollowUps } from './send-due-follow-ups.js';
import { answerSurvey } from './survey.js';

const DAY = 86_400_000;
const codeOf = (p: Promise<unknown>) =>
  p.then(
    () => 'ok',
    (e: AppError) => e.code,
  );

describeEachDatabase('customer signals', (kind) => {
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

  it('counts repeat complaints in the recent window, threats, abuse, open promises and satisfaction', async () => {
    const { ws, cast, as } = await setup();
    const now = new Date();
    const customer = { name: 'Marta Kowalczyk', email: 'marta@example.test' };
    const teamA = {
      teamId: cast.teamA.id,
      employees: [{ employeeId: cast.employeeA.actor.employeeId as string, role: 'primary' as const }],
    };
    // An old case, outside the 90-day window, with a review threat.
    const old = await createCase(ws.ctx(new Date(now.getTime() - 200 * DAY)), {
      ...buildCase({ riskFlags: ['threatened_review'] }),
      ...teamA,
      customer,
    });
    // Two recent ones: one of team B with a legal threat and media, one of team A ended under the abuse policy.
    const other = await createCase(ws.ctx(new Date(now.getTime() - 10 * DAY)), {
      ...buildCase({ riskFlags: ['legal_threat', 'media'] }),
      teamId: cast.teamB.id,
      customer,
    });
    const abusive = await createCase(ws.ctx(new Date(now.getTime() - 2 * DAY)), { ...buildCase(), ...teamA, customer });
    await reportAbuse(as(cast.employeeA.actor), abusive.ref, 'Shouted insults and would not stop.');
    await addCommitment(ws.ctx(new Date(now.getTime() - 2 * DAY)), abusive.ref, {
      text: 'Call back about the refund',
      dueAt: new Date(now.getTime() - DAY).toISOString(),
    });
    await addCommitment(ws.ctx(), other.ref, { text: 'Send the written answer', dueAt: new Date(now.getTime() + DAY).toISOString() });
    expect(old.customerId).toBe(abusive.customerId);
    const id = old.customerId as string;

    const profile = await getCustomerProfile(as(cast.supervisorA.actor, now), id);
    expect(profile.signals.cases).toEqual({ total: 3, recent: 2, windowDays: 90, repeat: true });
    expect(profile.signals.threats).toEqual([
      { kind: 'review', cases: 1 },
      { kind: 'legal', cases: 1 },
      { kind: 'media', cases: 1 },
    ]);
    expect(profile.signals.abuse).toMatchObject({ flagged: true, reason: 'Shouted insults and would not stop.', reports: 1 });
    expect(profile.signals.openCommitments).toEqual({ count: 2, overdue: 1 });
    expect(profile.signals.satisfaction).toEqual({ answers: 0, average: null, latest: null, unhappy: 0 });
    // A supervisor of team A finds any customer, but opens only their own teams' cases; the admin opens all.
    expect(profile.cases.map((c) => c.ref)).toEqual([abusive.ref, old.ref]);
    expect(profile.otherCases).toBe(1);
    expect(profile.can.merge).toBe(true);
    expect((await getCustomerProfile(ws.ctx(now), id)).cases.map((c) => c.ref)).toEqual([abusive.ref, other.ref, old.ref]);
    expect(profile.contacts).toEqual([{ kind: 'email', value: 'marta@example.test', fromCustomerId: null }]);

    // Employee A, party to two of the cases: the signals count every case, the lists only theirs.
    const seen = await getCustomerProfile(as(cast.employeeA.actor, now), id);
    expect(seen.signals.cases.total).toBe(3);
    expect(seen.cases.map((c) => c.ref)).toEqual([abusive.ref, old.ref]);
    expect(seen.otherCases).toBe(1);
    expect(seen.openCommitments.map((c) => c.text)).toEqual(['Call back about the refund']);
    expect(seen.contacts.map((c) => c.value)).toEqual(['marta@example.test']);
    expect(seen.can.merge).toBe(false);

    // The inbox filters by the same signals.
    const refs = async (q: Parameters<typeof listCases>[1]) => (await listCases(ws.ctx(now), q)).items.map((c) => c.ref).sort();
    const calm = await createCase(ws.ctx(now), { ...buildCase(), customer: { name: 'Nia Once' } });
    const threatOnly = await createCase(ws.ctx(now), { ...buildCase({ riskFlags: ['public_post'] }) });
    const hers = [old.ref, other.ref, abusive.ref].sort();
    expect(await refs({ repeatCustomer: true })).toEqual(hers);
    expect(await refs({ abuseFlagged: true })).toEqual(hers);
    expect(await refs({ threat: true })).toEqual([...hers, threatOnly.ref].sort());
    expect(await refs({ repeatCustomer: false })).toContain(calm.ref);
    // Ten months on, only one case would be recent: no longer a repeat complainant.
    const later = new Date(now.getTime() + 100 * DAY);
    expect((await listCases(ws.ctx(later), { repeatCustomer: true })).items).toEqual([]);
    expect((await getCustomerProfile(ws.ctx(later), id)).signals.cases).toMatchObject({ recent: 0, repeat: false });
  });

  it('averages the customer’s follow-up answers and counts the unhappy ones', async () => {
    const { ws, cast } = await setup();
    const scores = [5, 2];
    let id = '';
    for (const [i, score] of scores.entries()) {
      const kase = await buildResolvedCase(ws.ctx(new Date(Date.now() + i * 1000)), {
        teamId: cast.teamA.id,
        employeeId: cast.employeeA.actor.employeeId as string,
        customerEmail: 'robin@example.test',
      });
      id = kase.customerId as string;
      await sendDueFollowUps(database.db, new Date(Date.now() + 7 * DAY), 'http://localhost', { caseId: kase.id });
      const mail = await lastEmailTo(database.db, 'robin@example.test');
      const token = surveyTokenIn(mail?.text_body ?? '');
      expect(
        await answerSurvey(
          database.db,
          token,
          { satisfaction: score, wouldReturn: score > 3, comment: null },
          new Date(Date.now() + (8 + i) * DAY),
        ),
      ).toBe('recorded');
    }
    const profile = await getCustomerProfile(ws.ctx(new Date(Date.now() + 10 * DAY)), id);
    expect(profile.signals.satisfaction).toEqual({ answers: 2, average: 3.5, latest: 2, unhappy: 1 });
    expect(profile.satisfaction.map((s) => s.satisfaction)).toEqual([2, 5]);
  });

  it('shows an employee only customers of cases they may see, and contact details only with them', async () => {
    const { ws, cast, as } = await setup();
    const kase = await createCase(ws.ctx(), {
      ...buildCase(),
      teamId: cast.teamA.id,
      employees: [{ employeeId: cast.employeeA.actor.employeeId as string, role: 'primary' }],
      customer: { name: 'Olu Adeyemi', email: 'olu@example.test', phone: '+44 20 7946 0000' },
    });
    const id = kase.customerId as string;
    // Employee B has no case with this customer: to them the customer does not exist.
    expect(await codeOf(getCustomerProfile(as(cast.employeeB.actor), id))).toBe('not_found');
    // An unknown id and another workspace's customer read the same.
    expect(await codeOf(getCustomerProfile(as(cast.employeeA.actor), '01a20000-0000-7000-8000-000000000000'))).toBe('not_found');
    const outsider = await buildWorkspace(database.db);
    expect(await codeOf(getCustomerProfile(outsider.ctx(), id))).toBe('not_found');
    const hr = await getCustomerProfile(as(cast.hr.actor), id);
    expect(hr.contacts.map((c) => c.value)).toEqual(['olu@example.test', '+44 20 7946 0000']);
    expect(hr.can.merge).toBe(false);
    const mine = await getCustomerProfile(as(cast.employeeA.actor), id);
    expect(mine).toMatchObject({ name: 'Olu Adeyemi', contactHidden: false });
  });
});
