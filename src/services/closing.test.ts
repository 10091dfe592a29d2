import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase, openTestDatabase, type TestDatabase } from '../../test/databases.js';
import { buildCase, buildWorkspace } from '../../test/factories.js';
import { buildResolvedCase, lastEmailTo, surveyTokenIn } from '../../test/follow-through.js';
import { buildCast } from '../../test/people.js';
import type { AppError } from '../domain/errors.js';
import { listFollowUpRows } from '../store/follow-ups.js';
import { reportAbuse } from './abuse.js';
import { transitionCase } from './change-case.js';
import { addCommitment, listCommitments } from './commitments.js';
import type { ServiceContext } from './context.js';
import { createCase } from './create-case.js';
import { casesCsv, exportCases } from './export-cases.js';
import { getCase, listCases, listEvents } from './read-cases.js';
import { proposeResolution } from './resolution.js';
import { readPlaybookRun, startPlaybook } from './run-playbook.js';
import { sendDueFollowUps } from './send-due-follow-ups.js';
import { readSurvey } from './survey.js';

const failure = (p: Promise<unknown>) =>
  p.then(
    () => ({ code: 'ok', detail: '', paths: [] as string[], messages: [] as string[] }),
    (e: AppError) => ({
      code: e.code,
      detail: e.detail,
      paths: (e.errors ?? []).map((f) => f.path),
      messages: (e.errors ?? []).map((f) => f.message),
    }),
  );

const T0 = new Date('2026-03-02T09:00:00.000Z'); // a Monday
const hours = (n: number) => new Date(T0.getTime() + n * 3_600_000);
const CLOSING = {
  to: 'closed' as const,
  outcome: 'Refunded the delivery fee; the customer accepted the apology.',
  rootCause: { category: 'process' as const, whys: ['The courier was not told about the road works'], factors: ['Holiday cover'] },
};

describeEachDatabase('nothing closes too early, and the record says how it ended', (kind) => {
  let database: TestDatabase;
  let ws: Awaited<ReturnType<typeof buildWorkspace>>;
  let cast: Awaited<ReturnType<typeof buildCast>>;
  const admin = (now = T0): ServiceContext => ws.ctx(now);

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    ws = await buildWorkspace(database.db);
    cast = await buildCast(admin());
  });
  afterAll(async () => database.dispose());

  it('asks for a reason to resolve with playbook steps left, naming each step, and keeps the reason', async () => {
    const kase = await createCase(admin(), { ...buildCase({ customerState: 'hostile' }), teamId: cast.teamA.id });
    const rec = (await readPlaybookRun(admin(), kase.ref)).recommendation;
    await startPlaybook(admin(), kase.ref, { key: rec.playbookKey });
    const run = await readPlaybookRun(admin(), kase.ref);
    if (!run.playbook) throw new Error('no playbook running');
    for (const to of ['investigating', 'resolving'] as const) await transitionCase(admin(), kase.ref, { to });
    await proposeResolution(admin(), kase.ref, {
      problem: 'p',
      options: ['o'],
      solution: 's',
      policyRefs: [],
      cost: { amount: 0, currency: 'EUR' },
    });

    const refused = await failure(transitionCase(admin(), kase.ref, { to: 'resolved' }));
    expect(refused.code).toBe('conflict');
    const [first] = run.playbook.steps;
    expect(refused.messages[0]).toBe(`Step 1 of ${run.playbook.name} — ${first?.title}`);
    expect(refused.paths.filter((p) => p === 'stepsLeft')).toHaveLength(run.playbook.steps.length);
    expect(refused.paths.at(-1)).toBe('proceedReason');
    expect((await getCase(admin(), kase.ref)).status).toBe('resolving');

    await transitionCase(admin(), kase.ref, { to: 'resolved', proceedReason: 'The customer left happy after the first step' });
    const last = (await listEvents(admin(), kase.ref, 0, 100)).items.filter((e) => e.kind === 'status_changed').at(-1);
    expect(last?.data).toMatchObject({ to: 'resolved', proceedReason: 'The customer left happy after the first step' });
    expect(last?.data.stepsLeft).toHaveLength(run.playbook.steps.length);
  });

  it('refuses to close with a promise open or a follow-up planned until each is settled, with a reason', async () => {
    const kase = await buildResolvedCase(admin(), {
      teamId: cast.teamA.id,
      employeeId: cast.employeeA.actor.employeeId as string,
      customerEmail: 'robin@example.test',
    });
    // The customer's survey has gone out; the employee's check-in is still to come.
    await sendDueFollowUps(database.db, hours(72), 'http://localhost', { caseId: kase.id });
    const token = surveyTokenIn((await lastEmailTo(database.db, 'robin@example.test', 'survey'))?.text_body ?? '');
    expect(await readSurvey(database.db, token, hours(73))).toBe('open');
    const promise = await addCommitment(admin(hours(73)), kase.ref, { text: 'call back', dueAt: '2026-03-06T16:00:00.000Z' });
    const followUps = await listFollowUpRows(database.db, ws.workspace.id, kase.id);
    const customerFollowUp = followUps.find((f) => f.party === 'customer');
    const employeeFollowUp = followUps.find((f) => f.party === 'employee');
    if (!customerFollowUp || !employeeFollowUp) throw new Error('two follow-ups expected');
    const before = (await listEvents(admin(), kase.ref, 0, 200)).items.length;

    const refused = await failure(transitionCase(admin(hours(74)), kase.ref, CLOSING));
    expect(refused.code).toBe('conflict');
    expect(refused.messages[0]).toBe('Promise: call back by Fri 4 pm is still open; mark it kept, cancelled or broken');
    expect(refused.paths).toEqual(['promises', 'followUps', 'followUps', 'proceedReason']);
    expect(refused.messages).toContain('The follow-up with the customer is waiting for an answer; keep it or cancel it');
    expect(refused.messages).toContain('The follow-up with Emma Involved is waiting for an answer; keep it or cancel it');

    // Settling only some, or naming what is not open, changes nothing.
    const partial = await failure(
      transitionCase(admin(hours(74)), kase.ref, { ...CLOSING, proceedReason: 'Done', promises: [{ id: promise.id, status: 'kept' }] }),
    );
    expect(partial.paths).toEqual(['followUps', 'followUps']);
    const unknown = await failure(
      transitionCase(admin(hours(74)), kase.ref, {
        ...CLOSING,
        proceedReason: 'Done',
        promises: [{ id: customerFollowUp.id, status: 'kept' }],
      }),
    );
    expect(unknown).toMatchObject({ code: 'validation', paths: ['promises.0.id'] });
    expect((await listEvents(admin(), kase.ref, 0, 200)).items).toHaveLength(before);
    expect((await getCase(admin(), kase.ref)).status).toBe('following_up');

    await transitionCase(admin(hours(74)), kase.ref, {
      ...CLOSING,
      proceedReason: 'Everything agreed was done on the call',
      promises: [{ id: promise.id, status: 'kept', note: 'Called on Tuesday' }],
      followUps: [
        { id: customerFollowUp.id, action: 'cancel', reason: 'She asked us not to write again' },
        { id: employeeFollowUp.id, action: 'keep' },
      ],
    });
    expect((await getCase(admin(), kase.ref)).status).toBe('closed');
    expect((await listCommitments(admin(), kase.ref)).map((c) => c.status)).toEqual(['kept']);
    const after = await listFollowUpRows(database.db, ws.workspace.id, kase.id);
    expect(after.find((f) => f.id === customerFollowUp.id)?.status).toBe('cancelled');
    expect(after.find((f) => f.id === employeeFollowUp.id)?.status).toBe('sent');
    // The cancelled survey link no longer works.
    expect(await readSurvey(database.db, token, hours(75))).toBe('expired');

    const events = (await listEvents(admin(), kase.ref, 0, 200)).items.slice(before);
    expect(events.map((e) => e.kind)).toEqual(['commitment_closed', 'follow_up_cancelled', 'status_changed']);
    expect(events[0]?.data).toMatchObject({ text: 'call back', status: 'kept', note: 'Called on Tuesday', atClose: true });
    expect(events[1]?.data).toMatchObject({ party: 'customer', reason: 'She asked us not to write again' });
    expect(events[2]?.data).toMatchObject({
      to: 'closed',
      outcome: CLOSING.outcome,
      rootCause: CLOSING.rootCause,
      proceedReason: 'Everything agreed was done on the call',
      keptFollowUps: [employeeFollowUp.id],
    });

    // After close, what no longer applies is gone, in the abilities and in the API.
    const closed = await getCase(admin(), kase.ref);
    expect(closed.can).toMatchObject({ reportAbuse: false, addCommitment: false, requestHelp: false, proposeResolution: false });
    expect((await failure(addCommitment(admin(hours(75)), kase.ref, { text: 'more', dueAt: hours(80).toISOString() }))).code).toBe(
      'conflict',
    );
    expect((await failure(reportAbuse(admin(hours(75)), kase.ref, 'rude'))).code).toBe('conflict');
  });

  it('files closed cases under their root cause: the inbox filter and the export read it', async () => {
    const kase = await buildResolvedCase(admin(), {
      teamId: cast.teamB.id,
      employeeId: cast.employeeB.actor.employeeId as string,
      customerEmail: null,
    });
    const [checkIn] = await listFollowUpRows(database.db, ws.workspace.id, kase.id);
    if (!checkIn) throw new Error('the employee check-in should be planned');
    expect(await failure(transitionCase(admin(), kase.ref, CLOSING))).toMatchObject({
      code: 'conflict',
      messages: ['The follow-up with Eli Elsewhere is planned for Wed 9 am; keep it or cancel it', expect.stringMatching(/^say why/)],
    });
    await transitionCase(admin(), kase.ref, {
      ...CLOSING,
      rootCause: { category: 'training', whys: ['Nobody showed the new till'], factors: [] },
      proceedReason: 'Eli still hears from us',
      followUps: [{ id: checkIn.id, action: 'keep' }],
    });
    const training = (await listCases(admin(), { rootCause: ['training'] })).items.map((c) => c.ref);
    expect(training).toContain(kase.ref);
    expect((await listCases(admin(), { rootCause: ['policy'] })).items.map((c) => c.ref)).not.toContain(kase.ref);

    const { rows, truncated } = await exportCases(admin(), { rootCause: ['training'] });
    expect(truncated).toBe(false);
    expect(rows.find((r) => r.ref === kase.ref)).toMatchObject({
      status: 'closed',
      outcome: CLOSING.outcome,
      rootCauseCategory: 'training',
      rootCauseWhys: ['Nobody showed the new till'],
      team: expect.stringMatching(/^Team B/),
    });
    const csv = casesCsv(rows);
    expect(csv.split('\n')[0]).toBe(
      'ref,title,status,severity,channel,team,assignee,reportedAt,resolvedAt,outcome,rootCauseCategory,rootCauseWhys,contributingFactors',
    );
    expect(csv).toContain(`${kase.ref},`);
    expect(csv).toContain(',training,Nobody showed the new till,');
    // An employee exports only the cases they may see.
    const theirs = await exportCases({ db: database.db, actor: cast.employeeA.actor, now: T0 }, {});
    expect(theirs.rows.map((r) => r.ref)).not.toContain(kase.ref);
  });
});
