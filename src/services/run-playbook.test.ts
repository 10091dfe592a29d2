import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase, openTestDatabase, type TestDatabase } from '../../test/databases.js';
import { buildCase, buildWorkspace } from '../../test/factories.js';
import { buildCast } from '../../test/people.js';
import type { AppError } from '../domain/errors.js';
import { createCase } from './create-case.js';
import { listEvents } from './read-cases.js';
import { recommendForCase } from './recommend-strategy.js';
import { markStepDone, readPlaybookRun, startPlaybook } from './run-playbook.js';
import { verifyTimelines } from './verify-timelines.js';
import { copyWorkspacePlaybook, listPlaybooks, readPlaybook, reviseWorkspacePlaybook } from './workspace-playbooks.js';

/** The error a promise rejects with, as code and field paths, or 'ok'. */
const outcome = async (p: Promise<unknown>) =>
  p.then(
    () => 'ok',
    (e: AppError) => [e.code, ...(e.errors ?? []).map((f) => f.path)].join(' '),
  );

describeEachDatabase('running playbooks on cases', (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
  });
  afterAll(async () => database.dispose());

  it('starts the recommended playbook, records the choice, and records each step once', async () => {
    const { ctx } = await buildWorkspace(database.db);
    const at = new Date('2026-04-02T10:00:00.000Z');
    const kase = await createCase(ctx(at), buildCase({ customerState: 'hostile' }));
    const before = await readPlaybookRun(ctx(at), kase.ref);
    expect(before.playbook).toBeNull();
    const rec = before.recommendation;
    expect(rec.strategy).toBe('withdraw');

    await startPlaybook(ctx(at), kase.ref, { key: rec.playbookKey });
    const run = await readPlaybookRun(ctx(at), kase.ref);
    if (!run.playbook) throw new Error('no playbook running');
    expect(run).toMatchObject({ strategy: 'withdraw', playbook: { key: rec.playbookKey, version: 1, builtIn: true } });
    expect(run.progress).toMatchObject({ done: 0, currentStepKey: run.playbook.steps[0]?.key });

    const [first, second] = run.playbook.steps;
    if (!first || !second) throw new Error('the playbook needs two steps');
    // Out of order is fine; the suggestion stays on the first step not done.
    await markStepDone(ctx(at), kase.ref, { stepKey: second.key, note: '  Handed over to Sam.  ' });
    const after = await readPlaybookRun(ctx(at), kase.ref);
    if (!after.playbook) throw new Error('no playbook running');
    expect(after.progress).toMatchObject({ done: 1, currentStepKey: first.key, isComplete: false });
    expect(after.steps?.find((s) => s.key === second.key)?.done).toEqual({
      at: at.toISOString(),
      by: ctx().actor.userId,
      note: 'Handed over to Sam.',
    });
    expect(after.steps?.find((s) => s.key === first.key)?.done).toBeNull();

    expect(await outcome(markStepDone(ctx(at), kase.ref, { stepKey: second.key }))).toBe('conflict');
    expect(await outcome(markStepDone(ctx(at), kase.ref, { stepKey: 'no-such-step' }))).toBe('validation stepKey');

    const events = (await listEvents(ctx(at), kase.ref, 0, 50)).items;
    expect(events.map((e) => e.kind)).toEqual(['case_created', 'strategy_chosen', 'playbook_started', 'step_done']);
    expect(events[1]?.data).toMatchObject({ recommended: 'withdraw', chosen: 'withdraw', reason: null, reasons: rec.reasons });
    expect(events[2]?.data).toMatchObject({ key: rec.playbookKey, version: 1 });
    expect(events[3]?.data).toEqual({
      key: rec.playbookKey,
      version: 1,
      playbookName: run.playbook.name,
      stepKey: second.key,
      title: second.title,
      position: 2,
      of: run.playbook.steps.length,
      note: 'Handed over to Sam.',
    });
    expect((await verifyTimelines(database.db, { caseRef: kase.ref, workspaceId: ctx().actor.workspaceId })).firstBreak).toBeNull();
  });

  it('refuses a strategy other than the recommended one without a reason, and records the reason when given', async () => {
    const { ctx } = await buildWorkspace(database.db);
    const kase = await createCase(ctx(), buildCase({ customerState: 'hostile' }));
    expect(await outcome(startPlaybook(ctx(), kase.ref, { key: 'strategy-negotiate', strategy: 'negotiate' }))).toBe('validation reason');
    expect(await outcome(startPlaybook(ctx(), kase.ref, { key: 'strategy-negotiate', strategy: 'negotiate', reason: '   ' }))).toBe(
      'validation reason',
    );
    expect((await readPlaybookRun(ctx(), kase.ref)).playbook).toBeNull();
    await startPlaybook(ctx(), kase.ref, { key: 'strategy-negotiate', strategy: 'negotiate', reason: 'They calmed down on the phone.' });
    const events = (await listEvents(ctx(), kase.ref, 0, 50)).items;
    expect(events.find((e) => e.kind === 'strategy_chosen')?.data).toMatchObject({
      recommended: 'withdraw',
      chosen: 'negotiate',
      reason: 'They calmed down on the phone.',
    });
  });

  it('switches playbook mid-case only with a reason, and refuses an unknown playbook or no playbook', async () => {
    const { ctx } = await buildWorkspace(database.db);
    const kase = await createCase(ctx(), buildCase({ customerState: 'calm', severity: 4 }));
    expect(await outcome(markStepDone(ctx(), kase.ref, { stepKey: 'focus' }))).toBe('conflict');
    expect(await outcome(startPlaybook(ctx(), kase.ref, { key: 'no-such-playbook' }))).toBe('validation key');
    expect(await outcome(startPlaybook(ctx(), kase.ref, { key: 'five-steps', version: 2 }))).toBe('validation key');
    await startPlaybook(ctx(), kase.ref, { key: 'five-steps' });
    expect(await outcome(startPlaybook(ctx(), kase.ref, { key: 'five-steps' }))).toBe('conflict');
    expect(await outcome(startPlaybook(ctx(), kase.ref, { key: 'six-tips' }))).toBe('validation reason');
    await startPlaybook(ctx(), kase.ref, { key: 'six-tips', reason: 'It is a chat; the six tips fit better.' });
    const run = await readPlaybookRun(ctx(), kase.ref);
    expect(run.playbook?.key).toBe('six-tips');
    const started = (await listEvents(ctx(), kase.ref, 0, 50)).items.filter((e) => e.kind === 'playbook_started');
    expect(started.map((e) => e.data.key)).toEqual(['five-steps', 'six-tips']);
    expect(started[1]?.data.previous).toMatchObject({ key: 'five-steps', version: 1 });
  });

  it('copies and revises workspace playbooks, keeps every version, and a case keeps the version it started', async () => {
    const { ctx } = await buildWorkspace(database.db);
    const copy = await copyWorkspacePlaybook(ctx(), { fromKey: 'five-steps', name: 'Five steps at our tills' });
    expect(copy).toMatchObject({ key: 'five-steps-at-our-tills', version: 1, builtIn: false, basedOn: { key: 'five-steps', version: 1 } });
    const again = await copyWorkspacePlaybook(ctx(), { fromKey: 'five-steps', name: 'Five steps at our tills' });
    expect(again.key).toBe('five-steps-at-our-tills-2');

    const kase = await createCase(ctx(), buildCase({ customerState: 'calm', severity: 4 }));
    await startPlaybook(ctx(), kase.ref, { key: copy.key });
    const steps = copy.steps.map((s, i) => (i === 0 ? { ...s, title: 'Drop everything and listen' } : s));
    const v2 = await reviseWorkspacePlaybook(ctx(), copy.key, { steps, name: 'Five steps, our way' });
    expect(v2).toMatchObject({ key: copy.key, version: 2, name: 'Five steps, our way', basedOn: { key: 'five-steps', version: 1 } });

    expect((await readPlaybook(ctx(), copy.key, 1)).steps[0]?.title).toBe(copy.steps[0]?.title);
    expect((await readPlaybook(ctx(), copy.key)).version).toBe(2);
    const listed = (await listPlaybooks(ctx())).filter((p) => p.key === copy.key);
    expect(listed.map((p) => p.version)).toEqual([2]);

    const run = await readPlaybookRun(ctx(), kase.ref);
    expect(run.playbook).toMatchObject({ key: copy.key, version: 1, name: 'Five steps at our tills' });
    const done = await markStepDone(ctx(), kase.ref, { stepKey: 'focus' });
    expect(done.eventCount).toBe(4);
    const later = await readPlaybookRun(ctx(), kase.ref);
    expect(later.playbook ? later.steps[0] : null).toMatchObject({ title: copy.steps[0]?.title });

    const bad = copy.steps.map((s, i) => (i === 1 ? { ...s, title: ' ', guidance: [] } : s));
    expect(await outcome(reviseWorkspacePlaybook(ctx(), copy.key, { steps: bad }))).toBe('validation steps.1.title steps.1.guidance');
    expect((await readPlaybook(ctx(), copy.key)).version).toBe(2);
    expect(await outcome(reviseWorkspacePlaybook(ctx(), 'five-steps', { name: 'Mine now' }))).toBe('conflict');
    expect(await outcome(reviseWorkspacePlaybook(ctx(), 'never-made', { name: 'Mine now' }))).toBe('not_found');
    expect(await outcome(copyWorkspacePlaybook(ctx(), { fromKey: copy.key, fromVersion: 9, name: 'X' }))).toBe('validation fromKey');
  });

  it('recommends the workspace’s own copy of a built-in playbook, the most revised one, once an admin has made it', async () => {
    const { ctx } = await buildWorkspace(database.db);
    const kase = await createCase(ctx(), buildCase({ customerState: 'calm', severity: 4 }));
    const builtIn = (await recommendForCase(ctx(), kase.ref)).playbookKey;
    const first = await copyWorkspacePlaybook(ctx(), { fromKey: builtIn, name: 'Ours, first try' });
    const ours = await copyWorkspacePlaybook(ctx(), { fromKey: builtIn, name: 'Ours' });
    await reviseWorkspacePlaybook(ctx(), ours.key, { summary: 'How we do it at our counters.' });
    expect((await recommendForCase(ctx(), kase.ref)).playbookKey).toBe(ours.key);
    expect(first.key).not.toBe(ours.key);
    // Another workspace's copies change nothing here.
    const other = await buildWorkspace(database.db);
    const elsewhere = await createCase(other.ctx(), buildCase({ customerState: 'calm', severity: 4 }));
    expect((await recommendForCase(other.ctx(), elsewhere.ref)).playbookKey).toBe(builtIn);
  });

  it('hides a case from an employee not on it and refuses playbook edits to anyone but admins', async () => {
    const admin = await buildWorkspace(database.db);
    const cast = await buildCast(admin.ctx());
    const kase = await createCase(admin.ctx(), {
      ...buildCase(),
      teamId: cast.teamA.id,
      employees: [{ employeeId: cast.employeeA.actor.employeeId as string, role: 'primary' }],
    });
    const as = (p: { actor: typeof admin.actor }) => ({ db: database.db, actor: p.actor, now: new Date() });
    expect(await outcome(startPlaybook(as(cast.employeeB), kase.ref, { key: 'five-steps', reason: 'x', strategy: 'negotiate' }))).toBe(
      'not_found',
    );
    expect(await outcome(readPlaybookRun(as(cast.employeeB), kase.ref))).toBe('not_found');
    expect(await outcome(readPlaybookRun(as(cast.hr), kase.ref))).toBe('ok');
    expect(await outcome(startPlaybook(as(cast.hr), kase.ref, { key: 'five-steps', reason: 'x', strategy: 'negotiate' }))).toBe(
      'forbidden',
    );
    for (const who of [cast.employeeA, cast.supervisorA, cast.hr]) {
      expect(await outcome(copyWorkspacePlaybook(as(who), { fromKey: 'five-steps', name: 'Mine' }))).toBe('forbidden');
    }
    const copy = await copyWorkspacePlaybook(admin.ctx(), { fromKey: 'five-steps', name: 'Ours' });
    expect(await outcome(reviseWorkspacePlaybook(as(cast.supervisorA), copy.key, { name: 'Theirs' }))).toBe('forbidden');
    // Everyone may read the workspace's playbooks and run them on cases they work on.
    expect(await outcome(readPlaybook(as(cast.employeeA), copy.key))).toBe('ok');
    expect(
      await outcome(startPlaybook(as(cast.employeeA), kase.ref, { key: copy.key, strategy: 'negotiate', reason: 'A fair offer.' })),
    ).toBe('ok');
  });
});
