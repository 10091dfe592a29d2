import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/app.js';
import { describeEachDatabase } from '../../test/databases.js';
import { buildResolvedCase, keepEverythingOpen } from '../../test/follow-through.js';
import { buildCast, buildPerson, type Person } from '../../test/people.js';
import { modelReplies } from '../../test/practice.js';
import { processEvents } from '../../test/process-events.js';
import { CAKE_NOT_READY } from '../training/scenarios-in-person.js';
import { DOUBLE_CHARGE } from '../training/scenarios-phone.js';
import { WRONG_SIZE_TWICE } from '../training/scenarios-written.js';
import { addStatement } from './add-statement.js';
import { transitionCase } from './change-case.js';
import { recordReply } from './record-reply.js';
import { assignTrainingFromDecision } from './training-assignments.js';
import { runTrainingRules } from './training-rule-runs.js';

type Cast = Awaited<ReturnType<typeof buildCast>>;
// biome-ignore lint/suspicious/noExplicitAny: response bodies of many shapes, read field by field
type Json = Record<string, any>;
const DAY = 86_400_000;
const GOOD = modelReplies(CAKE_NOT_READY);

describeEachDatabase('training assignments, certification, review and reports', (kind) => {
  let t: TestApp;
  let cast: Cast;
  beforeAll(async () => {
    t = await buildTestApp(kind);
    cast = await buildCast(t.workspace.ctx());
  }, 60_000);
  afterAll(async () => t.close());

  const as = (p: { auth: Record<string, string> }) => ({
    get: async (url: string) => t.app.inject({ method: 'GET', url: `/api/v1${url}`, headers: p.auth }),
    post: async (url: string, payload: object) => t.app.inject({ method: 'POST', url: `/api/v1${url}`, headers: p.auth, payload }),
    put: async (url: string, payload: object) => t.app.inject({ method: 'PUT', url: `/api/v1${url}`, headers: p.auth, payload }),
  });
  const admin = () => ({ auth: t.auth });
  const inDays = (d: number) => new Date(Date.now() + d * DAY).toISOString();

  async function play(p: Person, key: string, replies: readonly string[], mode?: 'certification'): Promise<Json> {
    const started = await as(p).post('/training/sessions', { scenarioKey: key, difficulty: 'patient', ...(mode ? { mode } : { seed: 5 }) });
    expect(started.statusCode, started.body).toBe(201);
    let s = started.json() as Json;
    for (const reply of replies) {
      if (s.status !== 'active') break;
      const res = await as(p).post(`/training/sessions/${s.id}/turns`, { reply });
      expect(res.statusCode, res.body).toBe(201);
      s = res.json().session;
    }
    return s;
  }

  async function notificationsOf(p: Person): Promise<Json[]> {
    await processEvents(t.database.db);
    return (await as(p).get('/notifications')).json().items;
  }

  it('a supervisor assigns to their team; the employee sees it as theirs, passes it, and it is done; the supervisor hears', async () => {
    const refused = await as(cast.supervisorB).post('/training/assignments', {
      scenarioKeys: ['cake-not-ready'],
      userIds: [cast.employeeA.actor.userId],
      dueAt: inDays(7),
    });
    expect(refused.statusCode).toBe(403);
    const past = await as(cast.supervisorA).post('/training/assignments', {
      scenarioKeys: ['cake-not-ready'],
      userIds: [cast.employeeA.actor.userId],
      dueAt: inDays(-1),
    });
    expect(past.statusCode).toBe(400);
    expect(
      (await as(cast.employeeA).get('/training/assignments?mine=true')).json().items.filter((a: Json) => a.source === 'supervisor'),
    ).toEqual([]);

    const made = await as(cast.supervisorA).post('/training/assignments', {
      scenarioKeys: ['cake-not-ready'],
      teamId: cast.teamA.id,
      dueAt: inDays(7),
    });
    expect(made.statusCode, made.body).toBe(201);
    const mine = (await as(cast.employeeA).get('/training/assignments?mine=true')).json().items as Json[];
    const cake = mine.find((a) => a.scenario.key === 'cake-not-ready' && a.source === 'supervisor');
    expect(cake).toMatchObject({ state: 'due', mode: 'practice', can: { start: true, cancel: false } });
    // Employee B (team B) sees none of team A's; the assignee was told in the bell.
    expect(
      (await as(cast.employeeB).get('/training/assignments')).json().items.some((a: Json) => a.user.id === cast.employeeA.actor.userId),
    ).toBe(false);
    expect((await notificationsOf(cast.employeeA)).some((n) => n.kind === 'training_assigned')).toBe(true);

    const s = await play(cast.employeeA, 'cake-not-ready', GOOD);
    expect(s.passed).toBe(true);
    const after = (await as(cast.supervisorA).get(`/training/assignments?userId=${cast.employeeA.actor.userId}`)).json().items as Json[];
    expect(after.find((a) => a.id === cake?.id)).toMatchObject({ state: 'done', sessionId: s.id });
    expect((await notificationsOf(cast.supervisorA)).some((n) => n.kind === 'training_completed')).toBe(true);
  });

  it('rules: new hires get the starter set, low scorers the scenarios training that part, and a pass comes back for re-practice', async () => {
    const hire = await buildPerson(t.workspace.ctx(), 'employee', [cast.teamA.id], 'Nina New');
    const veteran = await buildPerson(t.workspace.ctx(new Date(Date.now() - 400 * DAY)), 'employee', [cast.teamB.id], 'Victor Veteran');
    // Veteran writes curt, blaming replies on a case of team B.
    const kase = await buildResolvedCase(t.workspace.ctx(), { teamId: cast.teamB.id, employeeId: veteran.actor.employeeId as string });
    for (const body of ['Not our fault. Read the terms.', 'You should have checked. Nothing I can do.', 'That is policy, deal with it.'])
      await recordReply({ db: t.database.db, actor: t.workspace.actor, now: new Date() }, kase.ref, { body });
    await t.database.db.updateTable('case_events').set({ actor_id: veteran.actor.userId }).where('kind', '=', 'reply').execute();

    const first = await runTrainingRules(t.database.db, new Date());
    expect(first.assigned).toBeGreaterThan(0);
    const of = async (p: Person) => (await as(admin()).get(`/training/assignments?userId=${p.actor.userId}`)).json().items as Json[];
    expect(
      (await of(hire))
        .filter((a) => a.source === 'new_hire')
        .map((a) => a.scenario.key)
        .sort(),
    ).toEqual(['abusive-caller', 'cake-not-ready', 'refund-no-receipt']);
    expect((await of(veteran)).some((a) => a.source === 'new_hire')).toBe(false);
    const low = (await of(veteran)).filter((a) => a.source === 'low_score');
    expect(low.length).toBeGreaterThan(0);
    expect(low[0]?.reason).toMatch(/below 55/);
    // A second pass assigns nothing twice.
    expect((await runTrainingRules(t.database.db, new Date())).assigned).toBe(0);

    // The veteran passes a scenario; 43 days later (the default interval is 42) it comes back for a short re-practice.
    expect((await play(veteran, 'double-charge', modelReplies(DOUBLE_CHARGE))).passed).toBe(true);
    await runTrainingRules(t.database.db, new Date(Date.now() + 41 * DAY));
    expect((await of(veteran)).some((a) => a.source === 'refresher')).toBe(false);
    await runTrainingRules(t.database.db, new Date(Date.now() + 43 * DAY));
    expect((await of(veteran)).find((a) => a.source === 'refresher')).toMatchObject({ scenario: { key: 'double-charge' }, state: 'due' });
  });

  it('reminds the assignee before the due time and tells the supervisor once it passed, each once, in the bell and by mail', async () => {
    const made = await as(cast.supervisorA).post('/training/assignments', {
      scenarioKeys: ['double-charge'],
      userIds: [cast.employeeA.actor.userId],
      dueAt: inDays(3),
    });
    const due = Date.parse(made.json().items[0].dueAt);
    expect((await runTrainingRules(t.database.db, new Date(due - 47 * 3600_000))).reminded).toBeGreaterThan(0);
    expect((await runTrainingRules(t.database.db, new Date(due - 46 * 3600_000))).reminded).toBe(0);
    const title = made.json().items[0].scenario.title as string;
    expect((await notificationsOf(cast.employeeA)).some((n) => n.kind === 'training_due_soon' && n.title.includes(title))).toBe(true);
    const overdue = await runTrainingRules(t.database.db, new Date(due + 3600_000));
    expect(overdue.overdue).toBeGreaterThan(0);
    expect((await runTrainingRules(t.database.db, new Date(due + 7200_000))).overdue).toBe(0);
    const bell = await notificationsOf(cast.supervisorA);
    expect(bell.some((n) => n.kind === 'training_overdue' && n.title.includes('Emma Involved'))).toBe(true);
    const mail = await t.database.db
      .selectFrom('outbox_emails')
      .select(['to_address', 'subject'])
      .where('kind', '=', 'training_overdue')
      .execute();
    expect(mail.some((m) => m.subject.includes('Emma Involved'))).toBe(true);
  });

  it('a review decision of training assigns what HR chose', async () => {
    const rows = await assignTrainingFromDecision(
      t.database.db,
      {
        workspaceId: t.workspace.actor.workspaceId,
        userId: cast.employeeB.actor.userId,
        scenarioKeys: ['complaint-about-you'],
        decidedBy: cast.hr.actor.userId,
      },
      new Date(),
    );
    expect(rows).toHaveLength(1);
    const items = (await as(cast.employeeB).get('/training/assignments?mine=true')).json().items as Json[];
    expect(items.find((a) => a.id === rows[0]?.id)).toMatchObject({ source: 'review', state: 'due' });
    await expect(
      assignTrainingFromDecision(
        t.database.db,
        { workspaceId: t.workspace.actor.workspaceId, userId: cast.employeeB.actor.userId, scenarioKeys: ['nope'], decidedBy: null },
        new Date(),
      ),
    ).rejects.toThrow(/scenarioKeys/);
  });

  it('certification: no hints while it runs, its own pass mark, limited attempts, and an expiry', async () => {
    const rules = (await as(admin()).get('/training/rules')).json();
    expect(
      (await as(admin()).put('/training/rules', { ...rules, certification: { attempts: 0, passMark: 80, validDays: 30 } })).statusCode,
    ).toBe(400);
    expect((await as(cast.supervisorA).put('/training/rules', rules)).statusCode).toBe(403);
    expect(
      (await as(admin()).put('/training/rules', { ...rules, certification: { attempts: 2, passMark: 85, validDays: 30 } })).statusCode,
    ).toBe(200);

    expect(
      (
        await as(cast.employeeB).post('/training/sessions', {
          scenarioKey: 'cake-not-ready',
          difficulty: 'patient',
          mode: 'certification',
          seed: 3,
        })
      ).statusCode,
    ).toBe(400);
    const half = await play(cast.employeeB, 'cake-not-ready', GOOD.slice(0, 2), 'certification');
    expect(half).toMatchObject({ mode: 'certification', hints: false, nextStep: null, scenario: { passMark: 85 } });
    expect(half.turnsPlayed[0].reading.moves).toEqual([]);
    expect(half.turnsPlayed[0].customer).toBeTruthy();
    await as(cast.employeeB).post(`/training/sessions/${half.id}/end`, { how: 'stop' });
    const passed = await play(cast.employeeB, 'cake-not-ready', GOOD, 'certification');
    expect(passed).toMatchObject({ passed: true, hints: true });
    expect(passed.turnsPlayed[0].reading.moves.length).toBeGreaterThan(0);
    expect(Date.parse(passed.expiresAt) - Date.now()).toBeGreaterThan(29 * DAY);
    // Certified: no new attempt until renewal opens.
    const again = await as(cast.employeeB).post('/training/sessions', {
      scenarioKey: 'cake-not-ready',
      difficulty: 'patient',
      mode: 'certification',
    });
    expect(again.statusCode).toBe(409);
    const certs = (await as(cast.employeeB).get('/training/certifications?mine=true')).json().items as Json[];
    expect(certs.find((c) => c.scenario.key === 'cake-not-ready')).toMatchObject({ status: 'certified', mayStart: false });
    // Near the expiry the rules bring a renewal.
    await runTrainingRules(t.database.db, new Date(Date.parse(passed.expiresAt) - 5 * DAY));
    const mine = (await as(cast.employeeB).get('/training/assignments?mine=true')).json().items as Json[];
    expect(mine.some((a) => a.source === 'renewal' && a.mode === 'certification')).toBe(true);

    // Two failed attempts use up a round.
    for (let i = 0; i < 2; i++) {
      const s = await play(cast.employeeB, 'double-charge', ['Calm down.'], 'certification');
      if (s.status === 'active') await as(cast.employeeB).post(`/training/sessions/${s.id}/end`, { how: 'stop' });
    }
    const third = await as(cast.employeeB).post('/training/sessions', {
      scenarioKey: 'double-charge',
      difficulty: 'patient',
      mode: 'certification',
    });
    expect(third.statusCode).toBe(409);
    expect(third.json().detail).toMatch(/attempt/);
  });

  it('a supervisor overrides a team member’s score with a reason; the calibration report compares it with the coach', async () => {
    const s = await play(cast.employeeA, 'cake-not-ready', ['Calm down.', 'Not our fault.']);
    const ended = s.status === 'active' ? (await as(cast.employeeA).post(`/training/sessions/${s.id}/end`, { how: 'stop' })).json() : s;
    expect(ended.can.review).toBe(false);
    expect((await as(cast.employeeA).post(`/training/sessions/${s.id}/review`, { total: 90, reason: 'Mine' })).statusCode).toBe(403);
    expect((await as(cast.supervisorB).post(`/training/sessions/${s.id}/review`, { total: 90, reason: 'No' })).statusCode).toBe(404);
    expect((await as(cast.supervisorA).post(`/training/sessions/${s.id}/review`, { total: 50, reason: ' ' })).statusCode).toBe(400);
    expect((await as(cast.supervisorA).get(`/training/sessions/${s.id}`)).json()).toMatchObject({
      overridden: false,
      can: { review: true },
    });
    const reviewed = await as(cast.supervisorA).post(`/training/sessions/${s.id}/review`, {
      total: 40,
      reason: 'The coach missed the blame in reply 2',
    });
    expect(reviewed.statusCode, reviewed.body).toBe(200);
    expect(reviewed.json()).toMatchObject({ total: 40, overridden: true, review: { total: 40, by: { name: 'Sara Team' } } });
    const cal = (await as(cast.supervisorA).get('/training/reports/calibration')).json();
    expect(cal.overall.reviewed).toBe(1);
    expect(cal.items[0]).toMatchObject({ sessionId: s.id, supervisor: 40, coach: ended.coachTotal, reviewer: 'Sara Team' });
    expect((await as(cast.supervisorB).get('/training/reports/calibration')).json().overall.reviewed).toBe(0);
    expect((await as(cast.employeeA).get('/training/reports/calibration')).json().overall.reviewed).toBe(1);

    // A pass reviewed down to a fail opens its assignment again; raised back, it is done again.
    const given = await as(cast.supervisorA).post('/training/assignments', {
      scenarioKeys: ['wrong-size-twice'],
      userIds: [cast.employeeA.actor.userId],
      dueAt: inDays(5),
    });
    const id = given.json().items[0].id as string;
    const pass = await play(cast.employeeA, 'wrong-size-twice', modelReplies(WRONG_SIZE_TWICE));
    expect(pass.passed).toBe(true);
    const stateOf = async () =>
      ((await as(cast.supervisorA).get('/training/assignments')).json().items as Json[]).find((a) => a.id === id)?.state;
    expect(await stateOf()).toBe('done');
    await as(cast.supervisorA).post(`/training/sessions/${pass.id}/review`, {
      total: 10,
      reason: 'Read from a script, not to this customer',
    });
    expect(await stateOf()).toBe('due');
    await as(cast.supervisorA).post(`/training/sessions/${pass.id}/review`, { total: 95, reason: 'On a second look it was fine' });
    expect(await stateOf()).toBe('done');
  });

  it('reports completion and pass rates per team and scenario; HR’s view of a history never shows practice scores', async () => {
    const report = (await as(cast.supervisorA).get('/training/reports/completion')).json();
    expect(report.byTeam.map((r: Json) => r.id)).toEqual([cast.teamA.id]);
    const cake = report.byScenario.find((r: Json) => r.key === 'cake-not-ready');
    expect(cake.done).toBeGreaterThan(0);
    expect(cake.passRate).toBeGreaterThan(0);
    const hrView = (await as(cast.hr).get(`/training/people/${cast.employeeA.actor.userId}/history`)).json();
    expect(hrView.practice).toBeNull();
    expect(hrView.assignments.length).toBeGreaterThan(0);
    const own = (await as(cast.employeeA).get(`/training/people/${cast.employeeA.actor.userId}/history`)).json();
    expect(own.practice.sessions).toBeGreaterThan(0);
    expect((await as(cast.employeeA).get(`/training/people/${cast.employeeB.actor.userId}/history`)).statusCode).toBe(403);
    const history = (await as(cast.hr).get(`/employees/${cast.employeeA.actor.employeeId}/history`)).json();
    expect(history.training.assignments.length).toBeGreaterThan(0);
    expect(history.training).not.toHaveProperty('practice');
    const effect = (await as(admin()).get('/training/reports/effect')).json();
    expect(effect.parts.map((p: Json) => p.part)).toEqual(['empathy', 'comprehension', 'solution', 'tone', 'clarity', 'closing']);
    expect(effect.trainedPeople).toBeGreaterThan(0);
  });

  it('a supervisor turns a closed case of their team into a redacted draft, edits and publishes it', async () => {
    const kase = await buildResolvedCase(t.workspace.ctx(), {
      teamId: cast.teamA.id,
      employeeId: cast.employeeA.actor.employeeId as string,
    });
    await addStatement(t.workspace.ctx(), kase.ref, {
      party: 'customer',
      authorName: 'Robin Customer',
      body: 'I am Robin Customer, call me on 0612345678 or robin@example.test. My parcel came a week late and Emma Involved just shrugged.',
    });
    const open = await as(cast.supervisorA).post('/training/scenarios/from-case', { caseRef: kase.ref });
    expect(open.statusCode).toBe(409);
    await transitionCase(t.workspace.ctx(), kase.ref, {
      to: 'closed',
      ...(await keepEverythingOpen(t.database.db, kase, t.workspace.actor.workspaceId)),
      outcome: 'Refunded the delivery',
      rootCause: { category: 'process', whys: ['The courier lost the parcel for a week'], factors: [] },
    });
    expect((await as(cast.supervisorB).post('/training/scenarios/from-case', { caseRef: kase.ref })).statusCode).toBe(404);
    expect((await as(cast.employeeA).post('/training/scenarios/from-case', { caseRef: kase.ref })).statusCode).toBe(403);
    const made = await as(cast.supervisorA).post('/training/scenarios/from-case', { caseRef: kase.ref });
    expect(made.statusCode, made.body).toBe(201);
    const draft = made.json();
    expect(draft).toMatchObject({ draft: true, can: { edit: true }, persona: { startMood: expect.any(String) } });
    const text = JSON.stringify([draft.title, draft.summary, draft.brief, draft.persona]);
    for (const secret of ['Robin', '0612345678', 'robin@example.test', 'Emma']) expect(text).not.toContain(secret);
    expect(draft.persona.whatHappened).toContain('parcel came a week late');
    // Nobody else sees or practises the draft; a supervisor may not copy the library.
    expect((await as(cast.employeeA).get('/training/scenarios')).json().items.some((s: Json) => s.key === draft.key)).toBe(false);
    expect((await as(cast.employeeA).get(`/training/scenarios/${draft.key}`)).statusCode).toBe(404);
    expect((await as(cast.supervisorA).post('/training/sessions', { scenarioKey: draft.key, difficulty: 'patient' })).statusCode).toBe(400);
    expect((await as(cast.supervisorA).post('/training/scenarios', { fromKey: 'cake-not-ready', title: 'Mine' })).statusCode).toBe(403);
    const published = await as(cast.supervisorA).put(`/training/scenarios/${draft.key}`, {
      title: 'The late parcel and the shrug',
      publish: true,
    });
    expect(published.statusCode, published.body).toBe(200);
    expect(published.json()).toMatchObject({ draft: false, version: 2, can: { edit: false } });
    expect((await as(cast.employeeA).get('/training/scenarios')).json().items.some((s: Json) => s.key === draft.key)).toBe(true);
    expect((await as(cast.supervisorA).put(`/training/scenarios/${draft.key}`, { title: 'Again' })).statusCode).toBe(403);
  });
});
