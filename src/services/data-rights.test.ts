import { afterAll, beforeAll, expect, it } from 'vitest';
import { newAttachmentsDir } from '../../test/attachments-dir.js';
import { describeEachDatabase, openTestDatabase, type TestDatabase } from '../../test/databases.js';
import { buildCase, buildWorkspace } from '../../test/factories.js';
import { buildCast } from '../../test/people.js';
import type { AppError } from '../domain/errors.js';
import { lockCaseById } from '../store/cases.js';
import { insertReviewCases, insertReviewRow } from '../store/reviews.js';
import { reportAbuse } from './abuse.js';
import { listAccessLog } from './access-log.js';
import { addStatement } from './add-statement.js';
import { addNote } from './change-case.js';
import type { ServiceContext } from './context.js';
import { createCase } from './create-case.js';
import { recordCustomerMessage } from './customer-messages.js';
import { completeDataRequest, createDataRequest, listDataRequests, refuseDataRequest } from './data-requests.js';
import { eraseCustomer } from './erase-customer.js';
import { createLegalHold, listLegalHolds, releaseLegalHold } from './legal-holds.js';
import { recordReply } from './record-reply.js';
import { applyRetention, setRetention } from './retention.js';
import { exportCustomer, renderExportHtml } from './subject-export.js';
import { verifyRecord } from './verify-record.js';

const failure = (p: Promise<unknown>) =>
  p.then(
    () => 'ok',
    (e: AppError) => `${e.code}: ${e.detail}`,
  );

describeEachDatabase('customers’ data rights', (kind) => {
  let database: TestDatabase;
  const files = newAttachmentsDir();
  beforeAll(async () => {
    database = await openTestDatabase(kind);
  });
  afterAll(async () => {
    await database.dispose();
  });

  /** A customer, Marta Kowalczyk, named all over one case: its summary, a note, a reply, her statement and a witness's. */
  const setup = async () => {
    const ws = await buildWorkspace(database.db);
    const cast = await buildCast(ws.ctx());
    const kase = await createCase(ws.ctx(), {
      ...buildCase({
        title: 'Marta Kowalczyk refused a refund',
        summary: 'Ms Kowalczyk (marta.k@example.test, +48 601 234 567) shouted at the till.',
      }),
      teamId: cast.teamA.id,
      employees: [{ employeeId: cast.employeeA.actor.employeeId as string, role: 'primary' }],
      customer: { name: 'Marta Kowalczyk', email: 'marta.k@example.test', phone: '+48 601 234 567' },
    });
    const other = await createCase(ws.ctx(), {
      ...buildCase({ summary: 'Another customer, nothing to do with Marta.' }),
      teamId: cast.teamA.id,
    });
    await addNote(ws.ctx(), kase.ref, 'Called Marta back on 601-234-567, no answer.');
    await recordReply(ws.ctx(), kase.ref, { body: 'Dear Marta, we are sorry for how your visit went.', via: 'spoken' });
    await addStatement(ws.ctx(), kase.ref, { party: 'customer', authorName: 'Marta Kowalczyk', body: 'I was treated rudely.' });
    await addStatement(ws.ctx(), kase.ref, { party: 'witness', authorName: 'A shopper', body: 'Marta was loud but the clerk was curt.' });
    await reportAbuse(ws.ctx(), kase.ref, 'Threatened the clerk');
    await database.db
      .insertInto('training_scenarios')
      .values({
        workspace_id: ws.workspace.id,
        key: `from-case-${kase.ref}`,
        version: 1,
        body: JSON.stringify({ title: 'A refund refused', opening: 'Marta Kowalczyk wants her money back.' }),
        created_by: ws.user.id,
        created_at: new Date().toISOString(),
        draft: 1,
        from_case_id: null,
      })
      .execute();
    return { ws, cast, kase, other, customerId: kase.customerId as string };
  };

  /** Every row an erasure could touch, to show a refused one changed nothing. */
  const snapshot = async () =>
    JSON.stringify(
      await Promise.all([
        database.db.selectFrom('customers').selectAll().orderBy('id').execute(),
        database.db.selectFrom('cases').selectAll().orderBy('id').execute(),
        database.db.selectFrom('case_events').selectAll().orderBy('id').execute(),
        database.db.selectFrom('statements').selectAll().orderBy('id').execute(),
        database.db.selectFrom('personal_data_salts').selectAll().orderBy('subject_id').execute(),
        database.db.selectFrom('training_scenarios').selectAll().orderBy('key').execute(),
      ]),
    );

  it('exports everything held about a customer, abuse flag and expiry included, and logs the export', async () => {
    const { ws, customerId, kase } = await setup();
    const x = await exportCustomer(ws.ctx(), customerId);
    const data = x.data as {
      customer: { name: string };
      abuseFlag: { reason: string; expiresAt: string; active: boolean };
      cases: { ref: string; statements: { words: string }[]; timeline: { words: string | null }[] }[];
    };
    expect(data.customer.name).toBe('Marta Kowalczyk');
    expect(data.abuseFlag.reason).toBe('Threatened the clerk');
    expect(data.abuseFlag.active).toBe(true);
    expect(data.abuseFlag.expiresAt > new Date(Date.now() + 300 * 86_400_000).toISOString()).toBe(true);
    expect(data.cases.map((c) => c.ref)).toEqual([kase.ref]);
    expect(data.cases[0]?.statements.map((s) => s.words)).toContain('I was treated rudely.');
    expect(data.cases[0]?.timeline.map((e) => e.words)).toContain('Called Marta back on 601-234-567, no answer.');
    const html = renderExportHtml(x);
    expect(html).toContain('<td>Marta Kowalczyk</td>');
    expect(html).toContain('Abuse flag');
    const log = await listAccessLog(ws.ctx(), {});
    expect(log.items[0]).toMatchObject({ action: 'export', resource: 'personal_data', subjectId: customerId });
  });

  it('erases a customer: details, contacts, mentions and derived texts gone, and the whole record still verifies', async () => {
    const { ws, customerId, kase, other } = await setup();
    const before = await verifyRecord(database.db, ws.workspace.id);
    expect(before.problems).toEqual([]);
    const result = await eraseCustomer(ws.ctx(), files, customerId, 'the customer asked');
    expect(result.cases).toBe(1);
    expect(result.statementsErased).toBe(1);
    expect(result.eventsScrubbed).toBeGreaterThanOrEqual(3);

    const report = await verifyRecord(database.db, ws.workspace.id);
    expect(report.problems).toEqual([]);
    expect(report.intact).toBe(true);
    expect(report.erased.customers).toBe(1);
    expect(report.erased.statements).toBe(1);
    expect(report.erased.events).toBe(result.eventsScrubbed);

    const everything = JSON.stringify(
      await Promise.all([
        database.db.selectFrom('customers').selectAll().where('workspace_id', '=', ws.workspace.id).execute(),
        database.db.selectFrom('cases').selectAll().where('id', 'in', [kase.id]).execute(),
        database.db.selectFrom('case_events').selectAll().where('case_id', '=', kase.id).execute(),
        database.db.selectFrom('statements').selectAll().where('case_id', '=', kase.id).execute(),
        database.db.selectFrom('event_outbox').selectAll().where('case_id', '=', kase.id).execute(),
        database.db.selectFrom('training_scenarios').selectAll().where('workspace_id', '=', ws.workspace.id).execute(),
      ]),
    );
    // Whole phone fragments: a bare '601' turns up in random ids and hashes.
    for (const trace of ['Marta', 'Kowalczyk', 'marta.k@example.test', '601 234', '601-234', 'rudely'])
      expect(everything).not.toContain(trace);
    expect(everything).toContain('[erased] refused a refund');
    // The witness's account stays, with the name taken out of it.
    expect(everything).toContain('[erased] was loud but the clerk was curt.');
    // Another customer's case is not theirs to scrub.
    const untouched = await database.db.selectFrom('cases').select('summary').where('id', '=', other.id).executeTakeFirstOrThrow();
    expect(untouched.summary).toBe('Another customer, nothing to do with Marta.');
    const log = await listAccessLog(ws.ctx(), {});
    expect(log.items[0]).toMatchObject({ action: 'erase', resource: 'personal_data', subjectId: customerId });
    expect(await failure(eraseCustomer(ws.ctx(), files, customerId, 'again'))).toMatch(/^conflict: .*already erased/);
  });

  it('erases mail the customer sent in, placed on their case or held', async () => {
    const { ws, customerId, kase } = await setup();
    const mail = (id: string, caseId: string | null, status: string) => ({
      id,
      workspace_id: ws.workspace.id,
      message_id: `<${id}@mail.example.test>`,
      from_address: 'Marta.K@example.test',
      from_name: 'Marta Kowalczyk',
      subject: 'About my refund, Marta Kowalczyk',
      text_body: 'I still have not been paid. Marta',
      received_at: new Date().toISOString(),
      status,
      reason: 'test',
      case_id: caseId,
      placed_by: null,
      placed_at: null,
    });
    const placed = crypto.randomUUID();
    const held = crypto.randomUUID();
    await database.db
      .insertInto('inbound_emails')
      .values([mail(placed, kase.id, 'placed'), mail(held, null, 'held')])
      .execute();
    await eraseCustomer(ws.ctx(), files, customerId, 'asked');
    const rows = await database.db.selectFrom('inbound_emails').selectAll().where('id', 'in', [placed, held]).execute();
    expect(rows).toHaveLength(2);
    for (const row of rows) {
      expect(row).toMatchObject({ from_address: '', from_name: null, text_body: '[erased]' });
      expect(row.subject).not.toContain('Marta');
    }
  });

  it('erases what the customer wrote into the case, from the messages and the search index, and still verifies', async () => {
    const { ws, customerId, kase } = await setup();
    const row = await lockCaseById(database.db, ws.workspace.id, kase.id);
    if (!row) throw new Error('case missing');
    await recordCustomerMessage(database.db, row, { via: 'web', body: 'The receipt number was 88-41, please check it.' }, new Date());
    await eraseCustomer(ws.ctx(), files, customerId, 'asked');
    const messages = await database.db.selectFrom('customer_messages').select('body').where('case_id', '=', kase.id).execute();
    expect(messages).toEqual([{ body: '' }]);
    const after = await database.db.selectFrom('cases').select('search_text').where('id', '=', kase.id).executeTakeFirstOrThrow();
    expect(after.search_text).not.toContain('receipt number');
    const report = await verifyRecord(database.db, ws.workspace.id);
    expect(report.problems).toEqual([]);
  });

  it('notices an erased event altered afterwards', async () => {
    const { ws, customerId, kase } = await setup();
    await eraseCustomer(ws.ctx(), files, customerId, 'asked');
    await database.db
      .updateTable('case_events')
      .set({ data: JSON.stringify({ text: 'forged after the erasure' }) })
      .where('case_id', '=', kase.id)
      .where('kind', '=', 'note')
      .execute();
    const report = await verifyRecord(database.db, ws.workspace.id);
    expect(report.intact).toBe(false);
    expect(report.problems.join()).toMatch(/does not match its hash/);
  });

  it('refuses to erase under a legal hold or an open review, changing nothing, until the hold is released', async () => {
    const { ws, cast, customerId, kase } = await setup();
    const hold = await createLegalHold(ws.ctx(), {
      matter: 'Kowalczyk v. Shop',
      reason: 'A claim was filed',
      subjects: [{ kind: 'case', id: kase.id }],
    });
    await createLegalHold(ws.ctx(), {
      matter: 'Tax audit 2026',
      reason: 'Auditor asked',
      subjects: [{ kind: 'employee', id: cast.employeeA.actor.employeeId as string }],
    });
    const held = await snapshot();
    expect(await failure(eraseCustomer(ws.ctx(), files, customerId, 'asked'))).toMatch(/^conflict: .*legal hold "Kowalczyk v\. Shop"/);
    expect(await snapshot()).toBe(held);
    const request = await createDataRequest(ws.ctx(), {
      subjectKind: 'customer',
      subjectId: customerId,
      kind: 'erasure',
      regime: 'gdpr',
      requestedBy: 'The customer, by email',
      identityCheck: 'Replied from the address on file',
    });
    expect(await failure(completeDataRequest(ws.ctx(), files, request.id, undefined))).toMatch(/^conflict: /);
    expect((await listDataRequests(ws.ctx(), 'open')).items.map((r) => r.id)).toEqual([request.id]);

    await releaseLegalHold(ws.ctx(), hold.id, 'Claim settled');
    expect(await failure(releaseLegalHold(ws.ctx(), hold.id, 'again'))).toMatch(/^conflict: /);
    const review = await insertReviewRow(database.db, {
      workspace_id: ws.workspace.id,
      employee_id: cast.employeeA.actor.employeeId as string,
      flag_id: null,
      rule_id: null,
      status: 'open',
      reason: 'Two costly cases',
      opened_by: cast.hr.actor.userId,
      opened_at: new Date().toISOString(),
      response_due_at: new Date(Date.now() + 7 * 86_400_000).toISOString(),
      waived_at: null,
      employee_statement: null,
      employee_statement_at: null,
      appeal_reason: null,
      appealed_at: null,
      updated_at: new Date().toISOString(),
    });
    await insertReviewCases(database.db, [
      {
        workspace_id: ws.workspace.id,
        review_id: review.id,
        case_id: kase.id,
        counted: 1,
        why: 'costly',
        exclusions: '[]',
        allegation: null,
        finding: null,
        policy: null,
        recorded_by: null,
        recorded_at: null,
      },
    ]);
    const holds = await listLegalHolds(ws.ctx());
    expect(holds.reviewHolds.map((h) => h.caseRef)).toEqual([kase.ref]);
    expect(holds.items.filter((h) => h.released === null).map((h) => h.matter)).toEqual(['Tax audit 2026']);
    const reviewHeld = await snapshot();
    expect(await failure(completeDataRequest(ws.ctx(), files, request.id, undefined))).toMatch(
      new RegExp(`^conflict: .*open review that counts case ${kase.ref}`),
    );
    expect(await snapshot()).toBe(reviewHeld);

    await database.db.updateTable('reviews').set({ status: 'decided' }).where('id', '=', review.id).execute();
    const done = await completeDataRequest(ws.ctx(), files, request.id, undefined);
    expect(done.status).toBe('done');
    expect(done.outcome).toMatch(/^Personal data erased/);
    expect(done.subject.label).toBe('an erased customer');
    expect((await verifyRecord(database.db, ws.workspace.id)).intact).toBe(true);
  });

  it('keeps a request workflow with legal deadlines and refusals with a reason', async () => {
    const { ws, cast, customerId } = await setup();
    const received = '2026-01-31T09:00:00.000Z';
    const ctx: ServiceContext = ws.ctx(new Date('2026-02-10T09:00:00.000Z'));
    const gdpr = await createDataRequest(ctx, {
      subjectKind: 'customer',
      subjectId: customerId,
      kind: 'access',
      regime: 'gdpr',
      requestedBy: 'The customer, in the shop',
      identityCheck: 'Showed a photo ID',
      receivedAt: received,
    });
    expect(gdpr.dueAt).toBe('2026-02-28T09:00:00.000Z');
    const ccpa = await createDataRequest(ctx, {
      subjectKind: 'employee',
      subjectId: cast.employeeA.actor.employeeId as string,
      kind: 'erasure',
      regime: 'ccpa',
      requestedBy: 'The employee',
      identityCheck: 'Asked from their own account',
      receivedAt: received,
    });
    expect(ccpa.dueAt).toBe('2026-03-17T09:00:00.000Z');
    expect(await failure(refuseDataRequest(ctx, ccpa.id, '  '))).toMatch(/^validation: reason/);
    expect(await failure(completeDataRequest(ctx, files, ccpa.id, undefined))).toMatch(/^validation: outcome/);
    const refused = await refuseDataRequest(ctx, ccpa.id, 'Their statements are evidence in an open claim');
    expect(refused).toMatchObject({ status: 'refused', outcome: 'Their statements are evidence in an open claim' });
    expect((await completeDataRequest(ctx, files, gdpr.id, undefined)).outcome).toBe('The export was handed to the requester');
    expect(
      await failure(
        createDataRequest(ctx, {
          subjectKind: 'customer',
          subjectId: customerId,
          kind: 'access',
          regime: 'gdpr',
          requestedBy: 'x',
          identityCheck: '',
        }),
      ),
    ).toMatch(/^validation: identityCheck/);
    expect(
      await failure(
        createDataRequest(
          { ...ctx, actor: cast.hr.actor },
          { subjectKind: 'customer', subjectId: customerId, kind: 'access', regime: 'gdpr', requestedBy: 'x', identityCheck: 'y' },
        ),
      ),
    ).toMatch(/^forbidden/);
  });

  it('erases by the retention rule only customers whose cases all closed long enough ago, skipping held ones', async () => {
    const { ws, cast, customerId, kase } = await setup();
    const old = await createCase(ws.ctx(), { ...buildCase(), teamId: cast.teamA.id, customer: { name: 'Olaf Brandt' } });
    await database.db
      .updateTable('cases')
      .set({ status: 'closed', updated_at: '2024-01-01T00:00:00.000Z' })
      .where('id', 'in', [old.id, kase.id])
      .execute();
    await createLegalHold(ws.ctx(), {
      matter: 'Complaint to the regulator',
      reason: 'Pending',
      subjects: [{ kind: 'customer', id: customerId }],
    });
    await setRetention(ws.ctx(), 12);
    expect(await failure(setRetention(ws.ctx(), 0))).toMatch(/^validation: customerMonths/);
    const run = await applyRetention(database.db, files, new Date());
    expect(run.erased).toBeGreaterThanOrEqual(1);
    expect(run.held).toBeGreaterThanOrEqual(1);
    const rows = await database.db
      .selectFrom('customers')
      .select(['id', 'erased_at'])
      .where('id', 'in', [old.customerId as string, customerId])
      .execute();
    const erased = new Map(rows.map((r) => [r.id, r.erased_at]));
    expect(erased.get(old.customerId as string)).not.toBeNull();
    expect(erased.get(customerId)).toBeNull();
  });
});
