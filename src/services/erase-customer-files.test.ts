import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { newAttachmentsDir } from '../../test/attachments-dir.js';
import { describeEachDatabase, openTestDatabase, type TestDatabase } from '../../test/databases.js';
import { buildCase, buildWorkspace } from '../../test/factories.js';
import { buildCast } from '../../test/people.js';
import type { AppError } from '../domain/errors.js';
import { lockCaseById } from '../store/cases.js';
import { newId } from '../store/ids.js';
import { addStatement } from './add-statement.js';
import { addAttachment, listAttachments, readAttachment } from './attachments.js';
import { inTransaction } from './context.js';
import { createCase } from './create-case.js';
import { completeDataRequest, createDataRequest } from './data-requests.js';
import { attachMailFiles, holdMailFiles } from './email-files.js';
import { eraseCustomer, eraseCustomerRecord, eraseThenRemoveFiles } from './erase-customer.js';
import { placeHeldMail } from './held-mail.js';
import { createLegalHold } from './legal-holds.js';
import { applyRetention } from './retention.js';
import { exportCustomer } from './subject-export.js';
import { verifyRecord } from './verify-record.js';

/** A plain-text file: the allowlist takes it as it is, so its bytes are what the test wrote. */
const file = (fileName: string, text: string) => ({ fileName, bytes: new Uint8Array(Buffer.from(text)) });

const failure = (p: Promise<unknown>) =>
  p.then(
    () => 'ok',
    (e: AppError) => `${e.code}: ${e.detail}`,
  );

describeEachDatabase('erasing the files a customer gave us', (kind) => {
  let database: TestDatabase;
  const dir = newAttachmentsDir();
  beforeAll(async () => {
    database = await openTestDatabase(kind);
  });
  afterAll(async () => database.dispose());

  /**
   * Paula Nowak's case with five files: a receipt her email carried, a photo on her own statement
   * (taken down by staff), the shop's CCTV still on the case, the clerk's note on his own statement,
   * and a second photo waiting beside a held mail she sent from her address.
   */
  const setup = async () => {
    const ws = await buildWorkspace(database.db);
    const cast = await buildCast(ws.ctx());
    const kase = await createCase(ws.ctx(), {
      ...buildCase({ title: 'Damaged kettle' }),
      teamId: cast.teamA.id,
      employees: [{ employeeId: cast.employeeA.actor.employeeId as string, role: 'primary' }],
      customer: { name: 'Paula Nowak', email: 'paula.n@example.test' },
    });
    const w = ws.workspace.id;
    const at = new Date().toISOString();
    const mail = (status: string, caseId: string | null) => ({
      id: newId(),
      workspace_id: w,
      message_id: null,
      from_address: 'paula.n@example.test',
      from_name: 'Paula Nowak',
      subject: 'My kettle',
      text_body: 'Photos attached.',
      received_at: at,
      status,
      reason: status === 'held' ? 'it names no case' : 'from the case’s customer',
      case_id: caseId,
      placed_by: null,
      placed_at: null,
    });
    const placed = mail('placed', kase.id);
    const held = mail('held', null);
    await database.db.insertInto('inbound_emails').values([placed, held]).execute();
    await inTransaction(database.db, async (trx) => {
      const row = await lockCaseById(trx, w, kase.id);
      if (!row) throw new Error('no case');
      await attachMailFiles(trx, dir, row, placed.id, [file('Paula Nowak receipt.txt', 'Receipt 0042: kettle, 39.99')], new Date());
      await holdMailFiles(trx, dir, w, held.id, [file('second photo.txt', 'the kettle from below')]);
    });
    const hers = await addStatement(ws.ctx(), kase.ref, {
      party: 'customer',
      authorName: 'Paula Nowak',
      body: 'It was broken in the box.',
    });
    const onHers = await addAttachment(ws.ctx(), dir, kase.ref, { ...file('kettle.txt', 'a dented kettle'), statementId: hers.id });
    const staff = await addAttachment(ws.ctx(), dir, kase.ref, file('cctv.txt', 'till 2 at 14:02'));
    const employee = { db: database.db, actor: cast.employeeA.actor, now: new Date() };
    const his = await addStatement(employee, kase.ref, {
      party: 'employee',
      employeeId: cast.employeeA.actor.employeeId,
      body: 'The box was sealed.',
    });
    const onHis = await addAttachment(employee, dir, kase.ref, { ...file('seal.txt', 'seal intact'), statementId: his.id });
    const all = await listAttachments(ws.ctx(), kase.ref);
    const emailed = all.find((a) => a.source === 'email');
    const waiting = await database.db.selectFrom('inbound_email_files').select('id').where('inbound_email_id', '=', held.id).execute();
    if (!emailed || !waiting[0]) throw new Error('files missing');
    const onDisk = (id: string) => existsSync(join(dir, w, id));
    return {
      ws,
      cast,
      kase,
      customerId: kase.customerId as string,
      heldMailId: held.id,
      theirs: [emailed.id, onHers.id],
      ours: [staff.id, onHis.id],
      waitingId: waiting[0].id,
      onDisk,
    };
  };

  /** Her request to be erased, recorded and not yet completed. */
  const erasureRequest = (s: Awaited<ReturnType<typeof setup>>) =>
    createDataRequest(s.ws.ctx(), {
      subjectKind: 'customer',
      subjectId: s.customerId,
      kind: 'erasure',
      regime: 'gdpr',
      requestedBy: 'Paula Nowak, by email',
      identityCheck: 'Order number matched',
    });

  const rowsOf = async (caseId: string) =>
    database.db.selectFrom('attachments').select(['id', 'sha256', 'erased_at']).where('case_id', '=', caseId).orderBy('id').execute();

  it('deletes the bytes of her files, keeps staff’s, marks the rows erased with their SHA-256, and the record still verifies', async () => {
    const s = await setup();
    const hashes = await rowsOf(s.kase.id);
    const erasedAt = new Date('2026-05-04T10:00:00.000Z');
    const result = await eraseCustomer({ ...s.ws.ctx(), now: erasedAt }, dir, s.customerId, 'she asked');
    expect(result.filesErased).toBe(3);

    for (const id of [...s.theirs, s.waitingId]) expect(s.onDisk(id)).toBe(false);
    for (const id of s.ours) expect(s.onDisk(id)).toBe(true);
    const after = await rowsOf(s.kase.id);
    expect(after.map((r) => r.sha256)).toEqual(hashes.map((r) => r.sha256));
    expect(after.filter((r) => r.erased_at !== null).map((r) => r.id)).toEqual([...s.theirs].sort());
    const files = await listAttachments(s.ws.ctx(), s.kase.ref);
    expect(files.find((f) => f.source === 'email')?.fileName).toBe('[erased] receipt.txt');
    expect(files.filter((f) => f.erasedAt).map((f) => f.erasedAt)).toEqual([erasedAt.toISOString(), erasedAt.toISOString()]);

    // The download says what happened, instead of failing on missing bytes.
    expect(await failure(readAttachment(s.ws.ctx(), dir, s.kase.ref, s.theirs[0] as string))).toBe(
      'gone: This file was erased with the customer’s personal data on 2026-05-04 (2026-05-04T10:00:00.000Z); only the record that it was added is kept.',
    );
    expect((await readAttachment(s.ws.ctx(), dir, s.kase.ref, s.ours[0] as string)).bytes.toString()).toBe('till 2 at 14:02');

    const erasure = await database.db
      .selectFrom('case_events')
      .select('data')
      .where('case_id', '=', s.kase.id)
      .where('kind', '=', 'personal_data_erased')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(erasure.data)).toMatchObject({ filesErased: 2 });
    expect((await verifyRecord(database.db, s.ws.workspace.id)).problems).toEqual([]);

    // Her held mail's file is marked erased, and placing the mail later puts no file on the case.
    const waiting = await database.db.selectFrom('inbound_email_files').selectAll().where('id', '=', s.waitingId).executeTakeFirstOrThrow();
    expect(waiting.erased_at).toBe(erasedAt.toISOString());
    const placed = await placeHeldMail(s.ws.ctx(), dir, s.heldMailId, s.kase.ref);
    expect(placed.files).toMatchObject([{ erasedAt: erasedAt.toISOString(), attachmentId: null }]);
    expect(await listAttachments(s.ws.ctx(), s.kase.ref)).toHaveLength(4);
  });

  it('says in the subject-access export which of her files were erased, and when', async () => {
    const s = await setup();
    await eraseCustomer({ ...s.ws.ctx(), now: new Date('2026-05-04T10:00:00.000Z') }, dir, s.customerId, 'she asked');
    const x = await exportCustomer(s.ws.ctx(), s.customerId);
    const cases = (x.data as { cases: { files: { from: string; status: string; erasedAt: string | null }[] }[] }).cases;
    expect(cases[0]?.files.map((f) => [f.from, f.status])).toEqual([
      ['an email', 'erased with their personal data on 2026-05-04'],
      ['a statement of theirs', 'erased with their personal data on 2026-05-04'],
      ['staff', 'kept'],
      ['staff', 'kept'],
    ]);
    expect(x.sections.find((sec) => sec.title.endsWith(': files'))?.rows).toHaveLength(4);
  });

  it('under a legal hold refuses the erasure and keeps every file and row as it was', async () => {
    const s = await setup();
    await createLegalHold(s.ws.ctx(), { matter: 'Nowak v. Shop', reason: 'A claim', subjects: [{ kind: 'customer', id: s.customerId }] });
    const before = await rowsOf(s.kase.id);
    expect(await failure(eraseCustomer(s.ws.ctx(), dir, s.customerId, 'asked'))).toMatch(/^conflict: .*legal hold "Nowak v\. Shop"/);
    const request = await erasureRequest(s);
    expect(await failure(completeDataRequest(s.ws.ctx(), dir, request.id, undefined))).toMatch(/^conflict: /);
    expect(await rowsOf(s.kase.id)).toEqual(before);
    for (const id of [...s.theirs, ...s.ours, s.waitingId]) expect(s.onDisk(id)).toBe(true);
  });

  it('loses no file when the erasure’s transaction rolls back', async () => {
    const s = await setup();
    const before = await rowsOf(s.kase.id);
    const rolledBack = eraseThenRemoveFiles(database.db, dir, async (trx) => {
      const erasure = await eraseCustomerRecord(trx, s.ws.workspace.id, s.customerId, { actorId: null, now: new Date() });
      expect(erasure.files).toHaveLength(3);
      throw new Error('the access log was away');
    });
    await expect(rolledBack).rejects.toThrow('the access log was away');
    expect(await rowsOf(s.kase.id)).toEqual(before);
    for (const id of [...s.theirs, s.waitingId]) expect(s.onDisk(id)).toBe(true);
  });

  it('completing her erasure request erases her files, and bytes an erasure left behind go on the retention job’s pass', async () => {
    const s = await setup();
    const request = await erasureRequest(s);
    // Inside a transaction the caller commits, the bytes cannot go yet: the rows already say erased.
    const done = await inTransaction(database.db, (trx) => completeDataRequest({ ...s.ws.ctx(), db: trx }, dir, request.id, undefined));
    expect(done.outcome).toBe('Personal data erased: 1 cases scrubbed, 1 of their statements and 3 of their files erased');
    for (const id of [...s.theirs, s.waitingId]) expect(s.onDisk(id)).toBe(true);
    await expect(readAttachment(s.ws.ctx(), dir, s.kase.ref, s.theirs[0] as string)).rejects.toMatchObject({ code: 'gone' });

    const run = await applyRetention(database.db, dir, new Date());
    expect(run.leftoverFilesRemoved).toBe(3);
    for (const id of [...s.theirs, s.waitingId]) expect(s.onDisk(id)).toBe(false);
    for (const id of s.ours) expect(s.onDisk(id)).toBe(true);
    expect((await applyRetention(database.db, dir, new Date())).leftoverFilesRemoved).toBe(0);
  });
});
