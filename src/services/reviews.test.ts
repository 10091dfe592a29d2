import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { newAttachmentsDir } from '../../test/attachments-dir.js';
import { codeOf } from '../../test/codes.js';
import { describeEachDatabase, openTestDatabase, type TestDatabase } from '../../test/databases.js';
import { buildWorkspace } from '../../test/factories.js';
import { buildCast, buildPerson } from '../../test/people.js';
import { processEvents } from '../../test/process-events.js';
import { buildCostlyCase } from '../../test/reviews.js';
import { TEST_SIGNING_KEY } from '../../test/signing-key.js';
import { lockCaseById } from '../store/cases.js';
import { attachFiles, prepareFile } from './attachments.js';
import { signDueCheckpoints } from './audit-checkpoints.js';
import { type Actor, inTransaction, type ServiceContext } from './context.js';
import { eraseCustomer } from './erase-customer.js';
import { checkDossier, exportDossier } from './review-dossier.js';
import { decideReviewFlag, evaluateWorkspaceReviewRules, listReviewFlags } from './review-flags.js';
import { addMyStatement, appealMyReview, listMyReviews, waiveMyWindow } from './review-response.js';
import { listReviewRules, updateReviewRule } from './review-rules.js';
import { decideReview, getReview, getReviewEvidence, recordFinding, signOffReview } from './reviews.js';

const DAY = 86_400_000;

describeEachDatabase('fair reviews', (kind) => {
  let database: TestDatabase;
  const files = newAttachmentsDir();
  beforeAll(async () => {
    database = await openTestDatabase(kind);
    // Processors that start from "now" begin at their first run: run them once before any case exists.
    await processEvents(database.db);
  });
  afterAll(async () => database.dispose());

  const setup = async () => {
    const ws = await buildWorkspace(database.db);
    const cast = await buildCast(ws.ctx());
    const hr2 = await buildPerson(ws.ctx(), 'hr', [], 'Hugo Second');
    const as = (actor: Actor, now = new Date()): ServiceContext => ({ db: database.db, actor, now });
    const employeeId = cast.employeeA.actor.employeeId as string;
    const costly = (loss: number, extra: { rootCause?: 'process'; abusive?: boolean } = {}) =>
      buildCostlyCase(ws.ctx(), { teamId: cast.teamA.id, employeeId, employee: as(cast.employeeA.actor), loss, ...extra });
    const notes = (userId: string) =>
      database.db.selectFrom('notifications').select(['kind', 'title']).where('user_id', '=', userId).orderBy('created_at').execute();
    return { ws, cast, hr2, as, employeeId, costly, notes };
  };

  /** Two counted costly cases and one set apart (abusive customer), flagged and opened by HR. */
  const flaggedReview = async () => {
    const s = await setup();
    await s.costly(800);
    await s.costly(900, { abusive: true });
    await s.costly(650);
    await processEvents(database.db);
    const [flag] = await listReviewFlags(s.as(s.cast.hr.actor), 'pending');
    if (!flag) throw new Error('no flag');
    const opened = await decideReviewFlag(s.as(s.cast.hr.actor), flag.id, { open: true, reason: 'Two costly cases in a year' });
    await processEvents(database.db);
    return { ...s, flag, reviewId: opened.reviewId as string };
  };

  it('counts costly cases as primary party and sets apart abusive customers and systemic root causes, unless the admin counts them', async () => {
    const s = await setup();
    await s.costly(800);
    await s.costly(900, { abusive: true });
    await s.costly(700, { rootCause: 'process' });
    await s.costly(100); // below the least loss: irrelevant, neither counted nor set apart
    await processEvents(database.db);
    expect(await listReviewFlags(s.as(s.cast.hr.actor))).toEqual([]);

    const [rule] = await listReviewRules(s.as(s.cast.hr.actor));
    expect(rule).toMatchObject({
      kind: 'costly_cases',
      threshold: 2,
      windowMonths: 12,
      minLossMinor: 50_000,
      currency: null,
      enabled: true,
    });
    expect(rule?.description).toBe(
      '2 or more cases as the primary party with a loss of at least 500.00 in the workspace currency within 12 months',
    );

    const base = {
      kind: 'costly_cases' as const,
      name: 'Costly',
      threshold: 2,
      windowMonths: 12,
      minLoss: 500,
      currency: 'EUR',
      enabled: true,
    };
    await updateReviewRule(s.ws.ctx(), rule?.id as string, { ...base, countExclusions: ['abusive_customer'] });
    const raised = await evaluateWorkspaceReviewRules(database.db, s.ws.actor.workspaceId, new Date());
    expect(raised).toHaveLength(1);
    const [flag] = await listReviewFlags(s.as(s.cast.hr.actor));
    expect(flag?.counted).toHaveLength(2);
    expect(flag?.counted[1]?.why).toContain('counted although the customer was flagged under the abuse policy');
    expect(flag?.excluded.map((c) => c.reasons)).toEqual([['systemic_root_cause']]);
    // The same counted cases do not raise the same flag twice.
    expect(await evaluateWorkspaceReviewRules(database.db, s.ws.actor.workspaceId, new Date())).toHaveLength(0);
  });

  it('tells HR of a flag first; the supervisor and the employee hear only once HR opens a review with a reason', async () => {
    const s = await setup();
    await s.costly(800);
    await s.costly(900, { abusive: true });
    await s.costly(650);
    // The flag is raised while the close is processed; telling HR of it is the next pass.
    await processEvents(database.db);
    await processEvents(database.db);
    const [flag] = await listReviewFlags(s.as(s.cast.hr.actor), 'pending');
    expect(flag?.counted.map((c) => c.ref)).toHaveLength(2);
    expect(flag?.excluded[0]?.why).toContain('set apart: the customer was flagged under the abuse policy');
    expect((await s.notes(s.cast.hr.actor.userId)).map((n) => n.kind)).toContain('review_flag');
    expect((await s.notes(s.cast.supervisorA.actor.userId)).map((n) => n.kind)).not.toContain('review_opened');

    expect(await codeOf(decideReviewFlag(s.as(s.cast.hr.actor), flag?.id as string, { open: true, reason: '  ' }))).toBe('validation');
    expect(await codeOf(decideReviewFlag(s.as(s.cast.employeeB.actor), flag?.id as string, { open: true, reason: 'x' }))).toBe('forbidden');
    const decided = await decideReviewFlag(s.as(s.cast.hr.actor), flag?.id as string, { open: true, reason: 'Worth a fair look' });
    expect(decided.status).toBe('opened');
    await processEvents(database.db);
    expect((await s.notes(s.cast.supervisorA.actor.userId)).map((n) => n.kind)).toContain('review_opened');
    expect((await s.notes(s.cast.employeeA.actor.userId)).map((n) => n.kind)).toContain('review_opened');

    const review = await getReview(s.as(s.cast.hr.actor), decided.reviewId as string);
    expect(review.cases.filter((c) => c.counted)).toHaveLength(2);
    expect(review.cases.find((c) => !c.counted)?.exclusions).toEqual(['abusive_customer']);
  });

  it('gathers the evidence, writes every read to the access log, and keeps parties and other roles out', async () => {
    const s = await flaggedReview();
    const before = await database.db.selectFrom('access_log').select('id').where('subject_id', '=', s.reviewId).execute();
    const evidence = await getReviewEvidence(s.as(s.cast.hr.actor), s.reviewId);
    await getReview(s.as(s.cast.hr.actor), s.reviewId);
    const log = await database.db.selectFrom('access_log').selectAll().where('subject_id', '=', s.reviewId).execute();
    expect(log.length - before.length).toBe(2);
    expect(log.every((l) => l.resource === 'review' && l.actor_id === s.cast.hr.actor.userId)).toBe(true);

    const first = evidence.cases[0];
    expect(first?.statements.map((st) => st.party).sort()).toEqual(['customer', 'employee']);
    expect(first?.statements.find((st) => st.party === 'customer')?.body).toBe('Nobody listened to me — I was “told off”.');
    expect(first?.chain).toMatchObject({ intact: true });
    expect(first?.cost.impact).toMatchObject({ amount: 800, currency: 'EUR' });
    expect(first?.rootCause.category).toBe('employee_conduct');
    // The abuse case offered the employee support: it shows as offered, without any content.
    expect(evidence.support).toEqual([expect.objectContaining({ source: 'abuse_offer', status: 'offered', kind: null })]);
    expect(Object.keys(evidence.support[0] ?? {})).not.toContain('note');

    // The admin reported the counted cases, so is a party; the employee and other roles are not HR.
    expect(await codeOf(getReview(s.ws.ctx(), s.reviewId))).toBe('forbidden');
    expect(await codeOf(getReview(s.as(s.cast.supervisorA.actor), s.reviewId))).toBe('forbidden');
    expect(await codeOf(getReview(s.as(s.cast.employeeA.actor), s.reviewId))).toBe('forbidden');
    const after = await database.db.selectFrom('access_log').select('id').where('subject_id', '=', s.reviewId).execute();
    expect(after).toHaveLength(log.length);
  });

  it('refuses a decision inside the response window, keeps the employee statement as written, and decides after', async () => {
    const s = await flaggedReview();
    const hr = s.as(s.cast.hr.actor);
    const decision = { outcome: 'coaching' as const, rationale: 'Coaching on refusing refunds kindly' };
    expect(await codeOf(decideReview(hr, s.reviewId, decision))).toBe('conflict');
    expect(
      await codeOf(decideReview(s.as(s.cast.hr.actor, new Date(Date.now() + 8 * DAY)), s.reviewId, { ...decision, rationale: ' ' })),
    ).toBe('validation');
    expect(await database.db.selectFrom('review_decisions').select('id').where('review_id', '=', s.reviewId).execute()).toEqual([]);

    const [mine] = await listMyReviews(s.as(s.cast.employeeA.actor));
    expect(mine).toMatchObject({ id: s.reviewId, windowOpen: true, decision: null });
    expect(mine?.summary.cases).toHaveLength(2);
    const words = '  I was alone at the till that week.\nThe second customer threw the receipt.  ';
    const answered = await addMyStatement(s.as(s.cast.employeeA.actor), s.reviewId, words);
    expect(answered.statement?.body).toBe(words);
    expect(await codeOf(addMyStatement(s.as(s.cast.employeeA.actor), s.reviewId, 'Changed my mind'))).toBe('conflict');
    expect(await codeOf(addMyStatement(s.as(s.cast.employeeB.actor), s.reviewId, 'Not mine'))).toBe('not_found');

    // Their statement is their answer: the decision need not wait for the rest of the window.
    const decided = await decideReview(hr, s.reviewId, decision);
    expect(decided.status).toBe('decided');
    expect(decided.employeeStatement?.body).toBe(words);
    await processEvents(database.db);
    const [after] = await listMyReviews(s.as(s.cast.employeeA.actor));
    expect(after?.decision).toMatchObject({ outcome: 'coaching', rationale: 'Coaching on refusing refunds kindly' });

    // One appeal, decided by someone other than the first decider.
    await appealMyReview(s.as(s.cast.employeeA.actor), s.reviewId, 'The second case was not my fault');
    expect(await codeOf(appealMyReview(s.as(s.cast.employeeA.actor), s.reviewId, 'Again'))).toBe('conflict');
    expect(await codeOf(decideReview(hr, s.reviewId, { outcome: 'no_action', rationale: 'On appeal' }))).toBe('forbidden');
    const onAppeal = await decideReview(s.as(s.hr2.actor), s.reviewId, { outcome: 'coaching', rationale: 'The coaching stands' });
    expect(onAppeal.decisions.map((d) => [d.stage, d.effective])).toEqual([
      ['first', false],
      ['appeal', true],
    ]);
  });

  it('needs a second sign-off for a termination, a reason to depart from comparable outcomes, and shows notice', async () => {
    const s = await flaggedReview();
    const hr = s.as(s.cast.hr.actor);
    await waiveMyWindow(s.as(s.cast.employeeA.actor), s.reviewId);
    const review = await getReview(hr, s.reviewId);
    const ref = review.cases.find((c) => c.counted)?.ref as string;
    const found = await recordFinding(hr, s.reviewId, ref, {
      allegation: 'Refused a valid refund',
      finding: 'substantiated',
      policy: 'Returns policy',
    });
    expect(found.cases.find((c) => c.ref === ref)).toMatchObject({ finding: 'substantiated', notice: { trained: false } });

    const termination = await decideReview(hr, s.reviewId, {
      outcome: 'termination',
      rationale: 'Repeated costly refusals after coaching',
    });
    expect(termination.status).toBe('awaiting_sign_off');
    expect(termination.decisions[0]?.effective).toBe(false);
    expect(await codeOf(signOffReview(hr, s.reviewId))).toBe('forbidden');
    expect(await codeOf(signOffReview(s.as(s.cast.supervisorA.actor), s.reviewId))).toBe('forbidden');
    expect((await getReview(hr, s.reviewId)).status).toBe('awaiting_sign_off');
    const signed = await signOffReview(s.as(s.hr2.actor), s.reviewId);
    expect(signed.status).toBe('decided');
    expect(signed.decisions[0]?.signOff?.by.id).toBe(s.hr2.actor.userId);

    // A second employee's review under the same rule: departing from "termination" needs a reason.
    const other = await buildPerson(s.ws.ctx(), 'employee', [s.cast.teamA.id], 'Owen Other');
    const otherId = other.actor.employeeId as string;
    for (const loss of [700, 750])
      await buildCostlyCase(s.ws.ctx(), { teamId: s.cast.teamA.id, employeeId: otherId, employee: s.as(other.actor), loss });
    await processEvents(database.db);
    const flag = (await listReviewFlags(hr, 'pending')).find((f) => f.employee.id === otherId);
    const opened = await decideReviewFlag(hr, flag?.id as string, { open: true, reason: 'Same rule' });
    const later = s.as(s.cast.hr.actor, new Date(Date.now() + 8 * DAY));
    const r2 = await getReview(later, opened.reviewId as string);
    expect(r2.comparable.map((c) => c.outcome)).toEqual(['termination']);
    expect(await codeOf(decideReview(later, r2.id, { outcome: 'training', rationale: 'Train', scenarioIds: ['cake-not-ready'] }))).toBe(
      'validation',
    );
    // A scenario that does not exist refuses the whole decision.
    expect(
      await codeOf(
        decideReview(later, r2.id, {
          outcome: 'training',
          rationale: 'Train',
          departureReason: 'First time',
          scenarioIds: ['no-such-scenario'],
        }),
      ),
    ).toBe('validation');
    expect((await getReview(later, r2.id)).decisions).toEqual([]);
    const trained = await decideReview(later, r2.id, {
      outcome: 'training',
      rationale: 'First time: train before anything else',
      departureReason: 'No coaching had been offered to this employee before',
      scenarioIds: ['cake-not-ready'],
    });
    // The chosen scenario is now the employee's assigned training.
    const assigned = await database.db
      .selectFrom('training_assignments')
      .select(['scenario_key', 'source', 'status'])
      .where('user_id', '=', other.actor.userId)
      .execute();
    expect(assigned).toEqual([{ scenario_key: 'cake-not-ready', source: 'review', status: 'open' }]);
    expect(trained.decisions[0]).toMatchObject({
      outcome: 'training',
      scenarioIds: ['cake-not-ready'],
      departureReason: expect.stringContaining('No coaching'),
    });
  });

  it('exports the same dossier twice, records its SHA-256 and recognises an unchanged copy only', async () => {
    const s = await flaggedReview();
    const hr = s.as(s.cast.hr.actor);
    await addMyStatement(s.as(s.cast.employeeA.actor), s.reviewId, 'I did my best with the policy I was given.');
    const review = await getReview(hr, s.reviewId);
    const ref = review.cases.find((c) => c.counted)?.ref as string;
    await recordFinding(hr, s.reviewId, ref, { allegation: 'Refused a valid refund', finding: 'inconclusive', policy: 'Returns policy' });
    // The record is pinned by a signed checkpoint before the decision; the dossier prints that one.
    await signDueCheckpoints(database.db, TEST_SIGNING_KEY, new Date(Date.now() - 1000));
    await decideReview(hr, s.reviewId, { outcome: 'termination', rationale: 'Refusals cost the shop twice this year' });
    await signOffReview(s.as(s.hr2.actor), s.reviewId);

    const one = await exportDossier(hr, s.reviewId);
    // A newer checkpoint signed after the decision does not change what a later export says.
    await signDueCheckpoints(database.db, TEST_SIGNING_KEY, new Date(Date.now() + DAY / 2));
    const two = await exportDossier(s.as(s.cast.hr.actor, new Date(Date.now() + DAY)), s.reviewId);
    expect(two.sha256).toBe(one.sha256);
    expect(Buffer.compare(one.pdf, two.pdf)).toBe(0);
    const audit = (await getReview(hr, s.reviewId)).audit.filter((a) => a.kind === 'dossier_exported');
    expect(audit.map((a) => a.fileSha256)).toEqual([one.sha256, one.sha256]);

    const { text } = await extractText(await getDocumentProxy(new Uint8Array(one.pdf)), { mergePages: true });
    const flat = text.replace(/\s+/g, ' ');
    expect(flat).toContain('Review dossier');
    expect(flat).toContain('Signed checkpoint of the whole record');
    expect(flat).toMatch(/Checkpoint:? #1 signed/);
    expect(flat).toContain(`Case ${ref}`);
    expect(flat).toContain('Finding: Inconclusive');
    expect(flat).toContain('Policy: Returns policy');
    expect(flat).toContain('Notice: no record that the employee was trained on this policy before the case');
    expect(flat).toContain('I did my best with the policy I was given.');
    expect(flat).toContain('I explained the returns policy twice and offered a manager.');
    expect(flat).toContain('Decision: Termination (stands)');
    expect(flat).toMatch(/Second sign-off: Hugo Second on \d{4}-/);
    expect(flat).toMatch(/Hash chain verified at export: intact \(\d+ events checked\)/);
    expect(flat).toMatch(/Page 1 of \d+/);

    expect(await checkDossier(database.db, one.pdf)).toMatchObject({ genuine: true, reviewId: s.reviewId });
    const altered = Buffer.from(one.pdf);
    altered[altered.length - 20] = (altered[altered.length - 20] as number) ^ 1;
    expect((await checkDossier(database.db, altered)).genuine).toBe(false);
  });

  it('lists a counted case’s files in the dossier, and one erased with the customer’s personal data as erased', async () => {
    const s = await flaggedReview();
    const hr = s.as(s.cast.hr.actor);
    const counted = (await getReview(hr, s.reviewId)).cases.find((c) => c.counted);
    if (!counted) throw new Error('no counted case');
    // The customer emailed a photo of the receipt after the case closed.
    await inTransaction(database.db, async (trx) => {
      const row = await lockCaseById(trx, s.ws.workspace.id, counted.caseId);
      if (!row) throw new Error('no case');
      const receipt = prepareFile({ fileName: 'till receipt.txt', bytes: new Uint8Array(Buffer.from('Receipt 17: 800.00 EUR')) });
      await attachFiles(trx, files, row, [receipt], { source: 'email', actorId: null }, new Date());
    });
    await recordFinding(hr, s.reviewId, counted.ref, {
      allegation: 'Refused a valid refund',
      finding: 'substantiated',
      policy: 'Returns policy',
    });
    await waiveMyWindow(s.as(s.cast.employeeA.actor), s.reviewId);
    await decideReview(hr, s.reviewId, { outcome: 'coaching', rationale: 'Once, with a clear policy' });
    const { customer_id } = await database.db
      .selectFrom('cases')
      .select('customer_id')
      .where('id', '=', counted.caseId)
      .executeTakeFirstOrThrow();
    await eraseCustomer(s.ws.ctx(new Date('2026-06-01T08:00:00.000Z')), files, customer_id as string, 'the customer asked');

    const { pdf } = await exportDossier(hr, s.reviewId);
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true });
    const flat = text.replace(/\s+/g, ' ');
    expect(flat).toMatch(/till receipt\.txt \(text\/plain, from an email \d{4}-/);
    expect(flat).toContain('erased with the customer’s personal data on 2026-06-01T08:00:00.000Z: the file itself is gone');
  });
});
