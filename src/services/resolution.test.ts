import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachDatabase, openTestDatabase, type TestDatabase } from '../../test/databases.js';
import { buildCase, buildWorkspace } from '../../test/factories.js';
import { buildCast, type Person } from '../../test/people.js';
import { processEvents } from '../../test/process-events.js';
import type { AppError } from '../domain/errors.js';
import { reportAbuse } from './abuse.js';
import { setAuthorityLimits } from './authority-limits.js';
import { transitionCase } from './change-case.js';
import type { ServiceContext } from './context.js';
import { createCase } from './create-case.js';
import { getCase, listCases, listEvents } from './read-cases.js';
import { decideResolution, getResolution, proposeResolution, type ResolutionInput } from './resolution.js';

const failure = async (p: Promise<unknown>) =>
  p.then(
    () => ({ code: 'ok', detail: '', errors: [] as unknown[] }),
    (e: AppError) => ({ code: e.code, detail: e.detail, errors: e.errors ?? [] }),
  );

const plan = (amount: number): ResolutionInput => ({
  problem: 'The blender broke after a week and the customer was told to wait a month.',
  options: ['Repair under warranty', 'Replace now', 'Refund'],
  solution: 'Replace the blender today and cover the delivery.',
  policyRefs: ['Warranty policy §3'],
  cost: { amount, currency: 'EUR' },
});

const ROOT_CAUSE = {
  category: 'process' as const,
  whys: ['The repair queue is a month long', 'Only one technician covers the region'],
  factors: ['Holiday season'],
};

describeEachDatabase('resolution, approvals, closing and abuse', (kind) => {
  let database: TestDatabase;
  let admin: (now?: Date) => ServiceContext;
  let cast: Awaited<ReturnType<typeof buildCast>>;
  const as = (p: Person, now = new Date()): ServiceContext => ({ db: database.db, actor: p.actor, now });

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    const ws = await buildWorkspace(database.db);
    admin = ws.ctx;
    cast = await buildCast(admin());
  });
  afterAll(async () => database.dispose());

  /** A case of team A with a customer, handled by employee A, already moved to `resolving`. */
  async function resolvingCase() {
    const kase = await createCase(admin(), {
      ...buildCase(),
      teamId: cast.teamA.id,
      assigneeId: cast.employeeA.actor.userId,
      customer: { name: `Rude Customer ${Math.random()}` },
    });
    await transitionCase(admin(), kase.ref, { to: 'investigating' });
    await transitionCase(admin(), kase.ref, { to: 'resolving' });
    return kase;
  }

  it('needs a supervisor of the team to approve a cost above the proposer’s limit before the case resolves', async () => {
    const kase = await resolvingCase();
    const proposed = await proposeResolution(as(cast.employeeA), kase.ref, plan(250));
    expect(proposed).toMatchObject({ approvalState: 'pending', limitApplied: 100, proposedBy: { id: cast.employeeA.actor.userId } });
    await processEvents(database.db);

    const notified = await database.db
      .selectFrom('notifications')
      .selectAll()
      .where('case_id', '=', kase.id)
      .where('kind', '!=', 'case_reported')
      .execute();
    expect(notified.map((n) => [n.user_id, n.kind])).toEqual([[cast.supervisorA.actor.userId, 'approval_requested']]);
    const mails = await database.db.selectFrom('outbox_emails').selectAll().where('kind', '=', 'approval_requested').execute();
    expect(mails.some((m) => m.text_body.includes(kase.ref) && m.subject.includes(kase.ref))).toBe(true);

    const waiting = (await listCases(as(cast.supervisorA), { attention: true })).items.filter((c) => c.ref === kase.ref);
    expect(waiting.map((c) => c.attention)).toEqual([['approval_pending']]);

    const refused = await failure(transitionCase(admin(), kase.ref, { to: 'resolved' }));
    expect(refused.code).toBe('conflict');
    // It names who was asked: the team's supervisor, whose limit covers the cost.
    expect(refused.detail).toMatch(/Sara Team must approve it first/);

    expect((await failure(decideResolution(as(cast.supervisorB), kase.ref, { decision: 'approve' }))).code).toBe('not_found');
    expect((await failure(decideResolution(as(cast.employeeA), kase.ref, { decision: 'approve' }))).code).toBe('forbidden');
    expect((await failure(decideResolution(as(cast.hr), kase.ref, { decision: 'approve' }))).code).toBe('forbidden');

    const approved = await decideResolution(as(cast.supervisorA), kase.ref, { decision: 'approve', note: 'Fair for a broken product.' });
    expect(approved).toMatchObject({ approvalState: 'approved', approver: { id: cast.supervisorA.actor.userId } });
    await processEvents(database.db);
    const proposerNote = await database.db
      .selectFrom('notifications')
      .selectAll()
      .where('user_id', '=', cast.employeeA.actor.userId)
      .where('case_id', '=', kase.id)
      .execute();
    expect(proposerNote.map((n) => n.kind)).toEqual(['approval_decided']);

    const resolved = await transitionCase(admin(), kase.ref, { to: 'resolved' });
    expect(resolved.status).toBe('resolved');
    const kinds = (await listEvents(admin(), kase.ref, 0, 50)).items.map((e) => e.kind);
    expect(kinds.filter((k) => k.startsWith('resolution_'))).toEqual(['resolution_proposed', 'resolution_decided']);
  });

  it('needs no approval within the limit, and changing the resolution starts approval over', async () => {
    const kase = await resolvingCase();
    expect((await proposeResolution(as(cast.employeeA), kase.ref, plan(80))).approvalState).toBe('not_needed');
    expect((await proposeResolution(as(cast.employeeA), kase.ref, plan(300))).approvalState).toBe('pending');
    await decideResolution(as(cast.supervisorA), kase.ref, { decision: 'reject', note: 'Too much' });
    expect((await getResolution(admin(), kase.ref)).resolution?.approvalState).toBe('rejected');
    expect((await failure(transitionCase(admin(), kase.ref, { to: 'resolved' }))).code).toBe('conflict');
    expect((await proposeResolution(as(cast.employeeA), kase.ref, plan(90))).approvalState).toBe('not_needed');
    expect((await transitionCase(admin(), kase.ref, { to: 'resolved' })).status).toBe('resolved');
  });

  it('refuses to resolve a case without a resolution and lets nobody approve their own proposal', async () => {
    const kase = await resolvingCase();
    expect((await failure(transitionCase(admin(), kase.ref, { to: 'resolved' }))).detail).toMatch(/Record a resolution/);
    expect((await getResolution(as(cast.employeeA), kase.ref)).resolution).toBeNull();
    await proposeResolution(as(cast.supervisorA), kase.ref, plan(5000));
    const own = await failure(decideResolution(as(cast.supervisorA), kase.ref, { decision: 'approve' }));
    expect(own).toMatchObject({ code: 'forbidden', detail: expect.stringMatching(/You proposed/) });
    // The admin has no limit by default, so they may approve it.
    expect((await decideResolution(admin(), kase.ref, { decision: 'approve' })).approvalState).toBe('approved');
  });

  it('refuses an approver whose own limit does not cover the cost', async () => {
    const kase = await resolvingCase();
    await proposeResolution(as(cast.employeeA), kase.ref, plan(1500));
    const refused = await failure(decideResolution(as(cast.supervisorA), kase.ref, { decision: 'approve' }));
    expect(refused.code).toBe('forbidden');
    expect(refused.detail).toMatch(/above your own authority limit of 1000\.00 EUR/);
    expect((await getResolution(admin(), kase.ref)).resolution?.approvalState).toBe('pending');
    // The request went to who can decide (the admin, no limit), not to the supervisor who cannot, and
    // each caller is told whether the buttons are theirs.
    await processEvents(database.db);
    const asked = await database.db
      .selectFrom('notifications')
      .select('user_id')
      .where('case_id', '=', kase.id)
      .where('kind', '=', 'approval_requested')
      .execute();
    expect(asked.map((n) => n.user_id)).toEqual([admin().actor.userId]);
    expect((await getResolution(as(cast.supervisorA), kase.ref)).resolution?.canDecide).toBe(false);
    expect((await getResolution(as(cast.employeeA), kase.ref)).resolution?.canDecide).toBe(false);
    expect((await getResolution(admin(), kase.ref)).resolution?.canDecide).toBe(true);
  });

  it('closes only with an outcome and a root cause, and shows them on the case', async () => {
    const kase = await resolvingCase();
    await proposeResolution(as(cast.employeeA), kase.ref, plan(0));
    await transitionCase(admin(), kase.ref, { to: 'resolved' });
    const before = (await listEvents(admin(), kase.ref, 0, 50)).items.length;

    const bare = await failure(transitionCase(admin(), kase.ref, { to: 'closed' }));
    expect(bare.code).toBe('validation');
    expect(bare.errors.map((e) => (e as { path: string }).path)).toEqual(['outcome', 'rootCause.category', 'rootCause.whys']);
    const noWhy = await failure(
      transitionCase(admin(), kase.ref, { to: 'closed', outcome: 'Replaced', rootCause: { ...ROOT_CAUSE, whys: ['  '] } }),
    );
    expect(noWhy.errors.map((e) => (e as { path: string }).path)).toEqual(['rootCause.whys']);
    expect((await getCase(admin(), kase.ref)).status).toBe('resolved');
    expect((await listEvents(admin(), kase.ref, 0, 50)).items.length).toBe(before);

    const closed = await transitionCase(admin(), kase.ref, {
      to: 'closed',
      outcome: 'Replaced the blender; customer happy.',
      rootCause: ROOT_CAUSE,
    });
    expect(closed.status).toBe('closed');
    expect(closed.outcome).toBe('Replaced the blender; customer happy.');
    expect(closed.rootCause).toEqual(ROOT_CAUSE);
    expect((await getCase(as(cast.hr), kase.ref)).rootCause?.category).toBe('process');
    const last = (await listEvents(admin(), kase.ref, 0, 50)).items.at(-1);
    expect(last?.data).toMatchObject({ to: 'closed', outcome: 'Replaced the blender; customer happy.', rootCause: ROOT_CAUSE });
  });

  it('lets an involved employee end an abusive interaction: customer flagged, case to the team supervisor, supervisors told', async () => {
    const kase = await resolvingCase();
    expect((await failure(reportAbuse(as(cast.employeeB), kase.ref, 'not my case'))).code).toBe('not_found');
    const after = await reportAbuse(as(cast.employeeA), kase.ref, 'Swore at me and threatened to come back.');
    expect(after.assigneeId).toBe(cast.supervisorA.actor.userId);
    const detail = await getCase(admin(), kase.ref);
    expect(detail.customer?.flagReason).toBe('Swore at me and threatened to come back.');
    expect(detail.customer?.flaggedAt).not.toBeNull();
    const events = (await listEvents(admin(), kase.ref, 0, 50)).items.slice(-2);
    expect(events.map((e) => e.kind)).toEqual(['abuse_reported', 'assigned']);
    expect(events[0]?.data).toEqual({
      note: 'Swore at me and threatened to come back.',
      by: cast.employeeA.actor.userId,
      handedTo: cast.supervisorA.actor.userId,
    });
    await processEvents(database.db);
    const notes = await database.db
      .selectFrom('notifications')
      .selectAll()
      .where('case_id', '=', kase.id)
      .where('kind', '=', 'abuse')
      .execute();
    expect(notes.map((n) => n.user_id)).toEqual([cast.supervisorA.actor.userId]);
  });

  describe('authority limits', () => {
    it('uses a user override before the role limit, and the role limit before the default', async () => {
      const ws = await buildWorkspace(database.db);
      const team = await buildCast(ws.ctx());
      const kase = await createCase(ws.ctx(), { ...buildCase(), teamId: team.teamA.id, assigneeId: team.employeeA.actor.userId });
      const ctx = { db: database.db, actor: team.employeeA.actor, now: new Date() };
      await setAuthorityLimits(ws.ctx(), { roles: { employee: 50, supervisor: 1000, hr: 0, admin: null }, users: [] });
      expect((await proposeResolution(ctx, kase.ref, plan(60))).approvalState).toBe('pending');
      await setAuthorityLimits(ws.ctx(), {
        roles: { employee: 50, supervisor: 1000, hr: 0, admin: null },
        users: [{ userId: team.employeeA.actor.userId, amount: 400 }],
      });
      const again = await proposeResolution(ctx, kase.ref, plan(300));
      expect(again).toMatchObject({ approvalState: 'not_needed', limitApplied: 400 });
      expect(
        (await failure(setAuthorityLimits(ctx, { roles: { employee: 1e6, supervisor: 0, hr: 0, admin: null }, users: [] }))).code,
      ).toBe('forbidden');
    });
  });
});
