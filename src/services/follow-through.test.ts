import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { describeEachDatabase, openTestDatabase, type TestDatabase } from '../../test/databases.js';
import { buildCase, buildWorkspace } from '../../test/factories.js';
import { buildResolvedCase, lastEmailTo, surveyTokenIn } from '../../test/follow-through.js';
import { buildCast } from '../../test/people.js';
import { processEvents } from '../../test/process-events.js';
import { remindAtFor } from '../domain/follow-through.js';
import { transitionCase } from './change-case.js';
import { commitmentReport } from './commitment-report.js';
import { addCommitment, closeCommitment, listCommitments } from './commitments.js';
import type { Actor, ServiceContext } from './context.js';
import { createCase } from './create-case.js';
import { answerFollowUp, listCaseFollowUps, listMyFollowUps } from './follow-ups.js';
import { listMyNotifications } from './notifications.js';
import { getCase, listCases, listEvents } from './read-cases.js';
import { sendDueFollowUps } from './send-due-follow-ups.js';
import { answerSurvey, readSurvey } from './survey.js';
import { sweepCommitments } from './sweep-commitments.js';

const HOUR = 3_600_000;
const at = (base: Date, hours: number) => new Date(base.getTime() + hours * HOUR);
const codeOf = (p: Promise<unknown>) =>
  p.then(
    () => 'ok',
    (e: { code?: string }) => e.code ?? String(e),
  );

describe('remindAtFor', () => {
  it('reminds a day ahead, or halfway for promises made less than two days ahead', () => {
    const now = new Date('2026-05-01T00:00:00Z');
    expect(remindAtFor(now, at(now, 72)).toISOString()).toBe(at(now, 48).toISOString());
    expect(remindAtFor(now, at(now, 10)).toISOString()).toBe(at(now, 5).toISOString());
  });
});

describeEachDatabase('follow-through', (kind) => {
  // The sweeps act on every due row of the database, so each test has a database of its own: what
  // one test leaves due must not be swept, or counted, by another's sweep.
  let database: TestDatabase;
  beforeEach(async () => {
    database = await openTestDatabase(kind);
  });
  afterEach(async () => database.dispose());

  async function setup() {
    const ws = await buildWorkspace(database.db);
    const cast = await buildCast(ws.ctx());
    const as = (actor: Actor, now: Date): ServiceContext => ({ db: database.db, actor, now });
    return { ws, cast, as };
  }

  it('reminds the owner before due and escalates to the supervisor after, each exactly once', async () => {
    const { ws, cast, as } = await setup();
    const t0 = new Date('2026-06-01T09:00:00.000Z');
    const kase = await createCase(ws.ctx(t0), {
      ...buildCase(),
      teamId: cast.teamA.id,
      employees: [{ employeeId: cast.employeeA.actor.employeeId as string, role: 'primary' }],
    });
    const employee = as(cast.employeeA.actor, t0);
    const c = await addCommitment(employee, kase.ref, {
      text: 'Call the customer back with the refund date',
      dueAt: at(t0, 48).toISOString(),
    });
    expect(c.ownerId).toBe(cast.employeeA.actor.userId);
    expect(c.remindAt).toBe(at(t0, 24).toISOString());

    expect(await sweepCommitments(database.db, at(t0, 23))).toEqual({ reminded: 0, escalated: 0 });
    expect(await sweepCommitments(database.db, at(t0, 25))).toEqual({ reminded: 1, escalated: 0 });
    expect(await sweepCommitments(database.db, at(t0, 26))).toEqual({ reminded: 0, escalated: 0 });
    await processEvents(database.db);
    const ownerEmail = (await database.db.selectFrom('users').select('email').where('id', '=', c.ownerId).executeTakeFirstOrThrow()).email;
    const mailed = await database.db
      .selectFrom('outbox_emails')
      .select('kind')
      .where('to_address', '=', ownerEmail)
      .orderBy('created_at')
      .execute();
    expect(mailed.map((m) => m.kind)).toEqual(['commitment_due', 'invitation']);

    expect(await sweepCommitments(database.db, at(t0, 49))).toEqual({ reminded: 0, escalated: 1 });
    expect(await sweepCommitments(database.db, at(t0, 50))).toEqual({ reminded: 0, escalated: 0 });
    await processEvents(database.db);

    const events = (await listEvents(ws.ctx(at(t0, 50)), kase.ref, 0, 1000)).items.map((e) => e.kind);
    expect(events.filter((k) => k === 'commitment_reminded')).toHaveLength(1);
    expect(events.filter((k) => k === 'commitment_escalated')).toHaveLength(1);
    const [listed] = await listCommitments(employee, kase.ref);
    expect(listed?.escalatedAt).toBe(at(t0, 49).toISOString());
    expect(listed?.overdue).toBe(false); // seen at t0: not yet due
    const supervisorNotes = await listMyNotifications(as(cast.supervisorA.actor, at(t0, 50)), true);
    expect(supervisorNotes.items.map((n) => n.kind)).toContain('commitment_overdue');
    const otherSupervisor = await listMyNotifications(as(cast.supervisorB.actor, at(t0, 50)), true);
    expect(otherSupervisor.items).toHaveLength(0);

    // The escalated case needs the attention of its team's supervisor, and nobody else's list shows it.
    const attentionA = await listCases(as(cast.supervisorA.actor, at(t0, 50)), { attention: true });
    expect(attentionA.items.map((i) => i.ref)).toEqual([kase.ref]);
    // Each case says why it is there; a plain list does not carry reasons.
    expect(attentionA.items[0]?.attention).toEqual(['escalated_promise']);
    expect((await listCases(as(cast.supervisorA.actor, at(t0, 50)), {})).items[0]?.attention).toBeUndefined();
    const attentionB = await listCases(as(cast.supervisorB.actor, at(t0, 50)), { attention: true });
    expect(attentionB.items).toHaveLength(0);

    // Keeping the promise (late) takes it out of the attention list and counts as kept, not on time.
    const closed = await closeCommitment(employee, kase.ref, c.id, { status: 'kept' });
    expect(closed.status).toBe('kept');
    expect(await codeOf(closeCommitment(employee, kase.ref, c.id, { status: 'broken' }))).toBe('conflict');
    expect((await listCases(as(cast.supervisorA.actor, at(t0, 50)), { attention: true })).items).toHaveLength(0);
  });

  it('refuses a commitment due in the past, for an unknown owner, or by someone not on the case', async () => {
    const { ws, cast, as } = await setup();
    const now = new Date('2026-06-01T09:00:00.000Z');
    const kase = await createCase(ws.ctx(now), { ...buildCase(), teamId: cast.teamA.id });
    const sup = as(cast.supervisorA.actor, now);
    expect(await codeOf(addCommitment(sup, kase.ref, { text: 'x', dueAt: at(now, -1).toISOString() }))).toBe('validation');
    expect(await codeOf(addCommitment(sup, kase.ref, { text: 'x', dueAt: at(now, 5).toISOString(), ownerId: ws.workspace.id }))).toBe(
      'validation',
    );
    expect(await codeOf(addCommitment(as(cast.employeeB.actor, now), kase.ref, { text: 'x', dueAt: at(now, 5).toISOString() }))).toBe(
      'not_found',
    );
    // The owner must be able to work on the case: not someone of another team who cannot open it.
    const elsewhere = { text: 'x', dueAt: at(now, 5).toISOString(), ownerId: cast.employeeB.actor.userId };
    expect(await codeOf(addCommitment(sup, kase.ref, elsewhere))).toBe('validation');
    const mine = { text: 'x', dueAt: at(now, 5).toISOString(), ownerId: cast.supervisorA.actor.userId };
    expect((await addCommitment(sup, kase.ref, mine)).ownerId).toBe(cast.supervisorA.actor.userId);
  });

  it('reports the kept-on-time rate per employee and team, scoped to who asks', async () => {
    const { ws, cast, as } = await setup();
    const t0 = new Date('2026-07-01T09:00:00.000Z');
    const kase = await createCase(ws.ctx(t0), {
      ...buildCase(),
      teamId: cast.teamA.id,
      employees: [{ employeeId: cast.employeeA.actor.employeeId as string, role: 'primary' }],
    });
    const emp = (now: Date) => as(cast.employeeA.actor, now);
    const onTime = await addCommitment(emp(t0), kase.ref, { text: 'Send the voucher', dueAt: at(t0, 10).toISOString() });
    const late = await addCommitment(emp(t0), kase.ref, { text: 'Call back', dueAt: at(t0, 10).toISOString() });
    const broken = await addCommitment(emp(t0), kase.ref, { text: 'Email the manager', dueAt: at(t0, 10).toISOString() });
    await addCommitment(emp(t0), kase.ref, { text: 'Still open', dueAt: at(t0, 10).toISOString() });
    await closeCommitment(emp(at(t0, 5)), kase.ref, onTime.id, { status: 'kept' });
    await closeCommitment(emp(at(t0, 12)), kase.ref, late.id, { status: 'kept' });
    await closeCommitment(emp(at(t0, 12)), kase.ref, broken.id, { status: 'broken' });

    const since = at(t0, -1).toISOString();
    const report = await commitmentReport(as(cast.supervisorA.actor, at(t0, 20)), since);
    expect(report.employees).toEqual([
      {
        userId: cast.employeeA.actor.userId,
        name: 'Emma Involved',
        closed: 3,
        kept: 2,
        keptOnTime: 1,
        broken: 1,
        openOverdue: 1,
        rate: 0.333,
      },
    ]);
    expect(report.teams.map((t) => [t.teamId, t.rate])).toEqual([[cast.teamA.id, 0.333]]);
    expect((await commitmentReport(as(cast.supervisorB.actor, at(t0, 20)), since)).employees).toHaveLength(0);
    expect((await commitmentReport(as(cast.employeeB.actor, at(t0, 20)), since)).employees).toHaveLength(0);
    expect((await commitmentReport(as(cast.hr.actor, at(t0, 20)), since)).employees).toHaveLength(1);
  });

  it('schedules both follow-ups on resolve, sends them when due and moves the case to following_up', async () => {
    const { ws, cast, as } = await setup();
    const t0 = new Date('2026-08-01T09:00:00.000Z');
    const kase = await buildResolvedCase(ws.ctx(t0), { teamId: cast.teamA.id, employeeId: cast.employeeA.actor.employeeId as string });
    const planned = await listCaseFollowUps(ws.ctx(t0), kase.ref);
    expect(planned.map((f) => [f.party, f.status, f.dueAt]).sort()).toEqual([
      ['customer', 'scheduled', at(t0, 72).toISOString()],
      ['employee', 'scheduled', at(t0, 48).toISOString()],
    ]);

    expect(await sendDueFollowUps(database.db, at(t0, 47), 'https://defuse.example')).toEqual({ sent: 0 });
    expect(await sendDueFollowUps(database.db, at(t0, 49), 'https://defuse.example')).toEqual({ sent: 1 });
    expect((await getCase(ws.ctx(at(t0, 49)), kase.ref)).status).toBe('following_up');
    expect(await sendDueFollowUps(database.db, at(t0, 73), 'https://defuse.example')).toEqual({ sent: 1 });
    expect(await sendDueFollowUps(database.db, at(t0, 74), 'https://defuse.example')).toEqual({ sent: 0 });

    const mail = await lastEmailTo(database.db, 'robin@example.test');
    expect(mail?.kind).toBe('survey');
    expect(mail?.text_body).toContain('https://defuse.example/public/survey/');
    const token = surveyTokenIn(mail?.text_body ?? '');
    const stored = await database.db
      .selectFrom('follow_ups')
      .select('token_hash')
      .where('party', '=', 'customer')
      .where('case_id', '=', kase.id)
      .executeTakeFirstOrThrow();
    expect(stored.token_hash).not.toBe(token);
    expect(stored.token_hash).toMatch(/^[0-9a-f]{64}$/);

    // The employee's own follow-up: only they may answer, once; asking for help reaches their supervisor.
    const mine = await listMyFollowUps(as(cast.employeeA.actor, at(t0, 50)));
    expect(mine.map((m) => m.caseRef)).toEqual([kase.ref]);
    const fid = mine[0]?.id as string;
    const answer = { feltSupported: 2, wantsTraining: true, wantsHelp: true, comment: 'It shook me a bit.' };
    expect(await codeOf(answerFollowUp(as(cast.employeeB.actor, at(t0, 50)), fid, answer))).toBe('not_found');
    expect(await codeOf(answerFollowUp(as(cast.supervisorA.actor, at(t0, 50)), fid, answer))).toBe('not_found');
    // Not even an admin answers for them.
    expect(await codeOf(answerFollowUp(ws.ctx(at(t0, 50)), fid, answer))).toBe('not_found');
    const answered = await answerFollowUp(as(cast.employeeA.actor, at(t0, 50)), fid, answer);
    expect(answered.status).toBe('answered');
    expect(await codeOf(answerFollowUp(as(cast.employeeA.actor, at(t0, 51)), fid, answer))).toBe('conflict');
    await processEvents(database.db);
    const help = await listMyNotifications(as(cast.supervisorA.actor, at(t0, 51)), true);
    expect(help.items.find((n) => n.kind === 'needs_help')?.caseRef).toBe(kase.ref);
    const needsHelp = (await listCases(as(cast.supervisorA.actor, at(t0, 51)), { attention: true })).items;
    expect(needsHelp.map((c) => [c.ref, c.attention])).toEqual([[kase.ref, ['asked_for_help']]]);
    // The timeline, which everyone on the case reads, says an answer came, not what it said.
    const events = JSON.stringify((await listEvents(ws.ctx(at(t0, 51)), kase.ref, 0, 100)).items);
    expect(events).toContain('follow_up_answered');
    expect(events).not.toContain('It shook me a bit.');
    // The supervisor sees how the employee felt; the case list of follow-ups shows it.
    const seen = await listCaseFollowUps(as(cast.supervisorA.actor, at(t0, 51)), kase.ref);
    expect(seen.find((f) => f.party === 'employee')?.answer).toMatchObject({ feltSupported: 2, wantsHelp: true });

    // The customer: opening the link records nothing; answering records once; an unhappy answer reopens.
    expect(await readSurvey(database.db, token, at(t0, 80))).toBe('open');
    expect(await readSurvey(database.db, token, at(t0, 80))).toBe('open');
    expect(await readSurvey(database.db, 'x'.repeat(43), at(t0, 80))).toBe('unknown');
    expect(await answerSurvey(database.db, token, { satisfaction: 2, wouldReturn: false, comment: 'Still no refund' }, at(t0, 81))).toBe(
      'recorded',
    );
    expect(await answerSurvey(database.db, token, { satisfaction: 5, wouldReturn: true, comment: null }, at(t0, 82))).toBe('answered');
    await processEvents(database.db);
    const after = await getCase(ws.ctx(at(t0, 82)), kase.ref);
    expect(after.status).toBe('reopened');
    const timeline = (await listEvents(ws.ctx(at(t0, 82)), kase.ref, 0, 1000)).items;
    const reopened = timeline.find((e) => e.kind === 'status_changed' && (e.data as { to?: string }).to === 'reopened');
    expect(reopened?.actorId).toBeNull();
    expect((reopened?.data as { reason?: string } | undefined)?.reason).toBe('The customer answered the follow-up unhappy (2/5)');
    expect(timeline.filter((e) => e.kind === 'follow_up_answered')).toHaveLength(2);
    const unhappy = await listMyNotifications(as(cast.supervisorA.actor, at(t0, 82)), true);
    expect(unhappy.items.map((n) => n.kind)).toContain('follow_up_unhappy');
    const reopenedCase = (await listCases(as(cast.supervisorA.actor, at(t0, 82)), { attention: true })).items;
    expect(reopenedCase.map((c) => c.attention)).toEqual([['asked_for_help', 'unhappy_customer']]);
  });

  it('refuses an expired survey link, and a happy answer leaves the case as it is', async () => {
    const { ws, cast } = await setup();
    const t0 = new Date('2026-09-01T09:00:00.000Z');
    const first = await buildResolvedCase(ws.ctx(t0), {
      teamId: cast.teamA.id,
      employeeId: cast.employeeA.actor.employeeId as string,
      customerEmail: 'kim@example.test',
    });
    await sendDueFollowUps(database.db, at(t0, 72), 'http://localhost');
    const token = surveyTokenIn((await lastEmailTo(database.db, 'kim@example.test'))?.text_body ?? '');
    expect(await readSurvey(database.db, token, at(t0, 72 + 14 * 24 + 1))).toBe('expired');
    expect(await answerSurvey(database.db, token, { satisfaction: 5, wouldReturn: true, comment: null }, at(t0, 72 + 14 * 24 + 1))).toBe(
      'expired',
    );
    expect(await answerSurvey(database.db, token, { satisfaction: 4, wouldReturn: true, comment: null }, at(t0, 80))).toBe('recorded');
    expect((await getCase(ws.ctx(at(t0, 80)), first.ref)).status).toBe('following_up');
  });

  it('lets a follow-up that is weeks overdue expire instead of mailing it late', async () => {
    const { ws, cast } = await setup();
    const t0 = new Date('2026-10-01T09:00:00.000Z');
    const kase = await buildResolvedCase(ws.ctx(t0), {
      teamId: cast.teamA.id,
      employeeId: cast.employeeA.actor.employeeId as string,
      customerEmail: 'late@example.test',
    });
    expect(await sendDueFollowUps(database.db, at(t0, 72 + 15 * 24), 'http://localhost', { caseId: kase.id })).toEqual({ sent: 0 });
    expect((await listCaseFollowUps(ws.ctx(), kase.ref)).map((f) => f.status)).toEqual(['expired', 'expired']);
    expect(await lastEmailTo(database.db, 'late@example.test')).toBeUndefined();
  });

  it('does not ask how it went while a reopened case is being worked on again, and asks after the next resolution', async () => {
    const { ws, cast } = await setup();
    const t0 = new Date('2026-10-10T09:00:00.000Z');
    const kase = await buildResolvedCase(ws.ctx(t0), {
      teamId: cast.teamA.id,
      employeeId: cast.employeeA.actor.employeeId as string,
      customerEmail: 'again@example.test',
    });
    await transitionCase(ws.ctx(at(t0, 1)), kase.ref, { to: 'reopened', reason: 'The fix did not hold' });
    await transitionCase(ws.ctx(at(t0, 2)), kase.ref, { to: 'investigating' });
    expect(await sendDueFollowUps(database.db, at(t0, 80), 'http://localhost', { caseId: kase.id })).toEqual({ sent: 0 });
    expect(await lastEmailTo(database.db, 'again@example.test')).toBeUndefined();
    await transitionCase(ws.ctx(at(t0, 90)), kase.ref, { to: 'resolving' });
    await transitionCase(ws.ctx(at(t0, 91)), kase.ref, { to: 'resolved' });
    const statuses = (await listCaseFollowUps(ws.ctx(), kase.ref)).map((f) => [f.party, f.status]);
    expect(statuses).toEqual([
      ['employee', 'cancelled'],
      ['customer', 'cancelled'],
      ['employee', 'scheduled'],
      ['customer', 'scheduled'],
    ]);
    expect(await sendDueFollowUps(database.db, at(t0, 91 + 73), 'http://localhost', { caseId: kase.id })).toEqual({ sent: 2 });
  });

  it('plans no customer follow-up when the customer left no email', async () => {
    const { ws, cast } = await setup();
    const kase = await buildResolvedCase(ws.ctx(), {
      teamId: cast.teamA.id,
      employeeId: cast.employeeA.actor.employeeId as string,
      customerEmail: null,
    });
    expect((await listCaseFollowUps(ws.ctx(), kase.ref)).map((f) => f.party)).toEqual(['employee']);
  });
});
