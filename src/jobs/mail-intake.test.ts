import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AutoReplyStyle, startAutoReplier } from '../../test/auto-replier.js';
import { describeEachDatabase, openTestDatabase, type TestDatabase } from '../../test/databases.js';
import { buildWorkspace } from '../../test/factories.js';
import { intakeAddress } from '../domain/automatic-mail.js';
import { caseReplyAddress } from '../domain/reply-address.js';
import { deliverOutbox } from '../email/deliver-outbox.js';
import { createMailer } from '../email/mailer.js';
import { type SmtpIntake, startSmtpIntake } from '../email/smtp-intake.js';
import { dismissHeldMail, listInboundMail, placeHeldMail } from '../services/held-mail.js';
import { fileComplaint } from '../services/public-complaint.js';
import { listCaseMessages } from '../services/status-page.js';
import { findCaseByRef } from '../store/cases.js';
import { listCustomerMessages } from '../store/customer-messages.js';
import type { Db } from '../store/schema.js';
import { mailFiler } from './mail-intake.js';

type MailOptions = Parameters<ReturnType<typeof nodemailer.createTransport>['sendMail']>[0];

const DOMAIN = 'in.shop.test';
const silent = { info() {}, warn() {} };
const links = { publicUrl: 'http://shop.test', replyDomain: DOMAIN };
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('a photo of the box')]);
const PDF = Buffer.from('%PDF-1.4\n% the receipt\n');
const EXE = Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00]);
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describeEachDatabase('inbound email over SMTP', (kind) => {
  let database: TestDatabase;
  let db: Db;
  let ws: Awaited<ReturnType<typeof buildWorkspace>>;
  let intake: SmtpIntake;
  let send: (mail: MailOptions) => Promise<unknown>;
  const attachmentsDir = mkdtempSync(join(tmpdir(), 'defuse-mail-files-'));
  beforeAll(async () => {
    database = await openTestDatabase(kind);
    db = database.db;
    ws = await buildWorkspace(db);
    intake = await startSmtpIntake({
      host: '127.0.0.1',
      port: 0,
      domain: DOMAIN,
      onMail: mailFiler(db, { ...links, imapUrl: undefined, imapWorkspace: undefined, smtpIn: undefined, attachmentsDir }, silent),
      log: silent,
    });
    const transport = nodemailer.createTransport({ url: `smtp://127.0.0.1:${intake.port}`, ignoreTLS: true });
    send = (mail) => transport.sendMail({ text: 'Hello', ...mail });
  });
  afterAll(async () => {
    await intake.close();
    await database.dispose();
    rmSync(attachmentsDir, { recursive: true, force: true });
  });

  /** A complaint filed on the public form; returns its case and the acknowledgement's Message-ID. */
  async function complaint(email: string) {
    const filed = await fileComplaint(
      db,
      ws.workspace.slug,
      { name: 'Rita Ames', email, story: 'My order arrived without the charger.' },
      new Date(),
      links,
    );
    if (filed.kind !== 'filed') throw new Error(filed.kind);
    const kase = await findCaseByRef(db, ws.workspace.id, filed.ref);
    const ack = await db
      .selectFrom('outbox_emails')
      .selectAll()
      .where('case_id', '=', kase?.id ?? '')
      .executeTakeFirstOrThrow();
    return { ref: filed.ref, caseId: kase?.id ?? '', ackId: ack.message_id ?? '' };
  }
  const messagesOf = (caseId: string) => listCustomerMessages(db, ws.workspace.id, caseId);
  const inbound = (status: string) =>
    db.selectFrom('inbound_emails').selectAll().where('workspace_id', '=', ws.workspace.id).where('status', '=', status).execute();

  it('threads the customer’s answer onto the case by In-Reply-To, keeping only the new text', async () => {
    const c = await complaint('rita@example.test');
    await send({
      from: 'Rita Ames <Rita@Example.test>',
      to: 'somewhere@in.shop.test',
      subject: 'Re: We have your report',
      inReplyTo: c.ackId,
      text: 'The charger is still missing.\n\nOn Tue, 1 Dec 2026, Shop wrote:\n> We have your report',
    });
    expect((await messagesOf(c.caseId)).map((m) => [m.via, m.body])).toEqual([['email', 'The charger is still missing.']]);
  });

  it('threads by the per-case reply address too, never by the subject, and files each Message-ID once', async () => {
    const c = await complaint('sam@example.test');
    const mail = {
      from: 'sam@example.test',
      to: caseReplyAddress(c.ref, DOMAIN),
      subject: 'anything',
      text: 'One more thing.',
      messageId: '<once.1@example.test>',
    };
    await send(mail);
    await send(mail);
    expect(await messagesOf(c.caseId)).toHaveLength(1);
    // A subject naming the case, sent nowhere of ours, opens nothing and lands nowhere.
    await send({ from: 'sam@example.test', to: 'nobody@in.shop.test', subject: `Re: ${c.ref}`, text: 'By subject.' });
    expect(await messagesOf(c.caseId)).toHaveLength(1);
  });

  it('holds mail from someone who is not the case’s customer until a person places it', async () => {
    const c = await complaint('tom@example.test');
    await send({
      from: 'tom.work@corp.test',
      to: caseReplyAddress(c.ref, DOMAIN),
      subject: 'From my work address',
      text: 'It is me, Tom.',
    });
    expect(await messagesOf(c.caseId)).toHaveLength(0);
    const held = (await inbound('held')).find((m) => m.from_address === 'tom.work@corp.test');
    expect(held).toMatchObject({ case_id: c.caseId, reason: 'The sender is not this case’s customer' });
    const placed = await placeHeldMail(ws.ctx(), attachmentsDir, held?.id ?? '', c.ref);
    expect(placed).toMatchObject({ status: 'placed', caseRef: c.ref });
    expect((await messagesOf(c.caseId)).map((m) => m.body)).toEqual(['It is me, Tom.']);
    await expect(placeHeldMail(ws.ctx(), attachmentsDir, held?.id ?? '', c.ref)).rejects.toThrow(/no longer held/);
  });

  const attachmentsOf = (caseId: string) =>
    db.selectFrom('attachments').selectAll().where('case_id', '=', caseId).orderBy('added_at').orderBy('id').execute();
  const attachmentEvents = (caseId: string) =>
    db
      .selectFrom('case_events')
      .select('data')
      .where('case_id', '=', caseId)
      .where('kind', '=', 'attachment_added')
      .orderBy('seq')
      .execute();

  it('keeps the files of a customer’s answer on the case, as uploads are kept, and says which it refused', async () => {
    const c = await complaint('fay@example.test');
    await send({
      from: 'fay@example.test',
      to: caseReplyAddress(c.ref, DOMAIN),
      subject: 'Photos',
      text: 'Here is the box and the receipt.',
      attachments: [
        { filename: 'box.png', content: PNG, contentType: 'image/png' },
        { filename: '../../receipt.pdf', content: PDF, contentType: 'application/pdf' },
        { filename: 'invoice.pdf.exe', content: EXE, contentType: 'application/pdf' },
      ],
    });
    const files = await attachmentsOf(c.caseId);
    expect(files.map((f) => [f.file_name, f.content_type, f.source, f.added_by, f.sha256])).toEqual([
      ['box.png', 'image/png', 'email', null, sha256(PNG)],
      ['receipt.pdf', 'application/pdf', 'email', null, sha256(PDF)],
    ]);
    const events = (await attachmentEvents(c.caseId)).map((e) => JSON.parse(String(e.data)) as { sha256: string; source: string });
    expect(events.map((e) => [e.sha256, e.source])).toEqual([
      [sha256(PNG), 'email'],
      [sha256(PDF), 'email'],
    ]);
    const [message] = await listCaseMessages(ws.ctx(), c.ref);
    expect(message?.files.map((f) => [f.fileName, f.attachmentId !== null, f.refused])).toEqual([
      ['box.png', true, null],
      ['receipt.pdf', true, null],
      ['invoice.pdf.exe', false, 'only photos (JPEG, PNG, GIF, WebP), PDF and plain text can be attached'],
    ]);
  });

  it('keeps at most 20 files of one mail and lists the rest as not kept', async () => {
    const c = await complaint('joy@example.test');
    const notes = Array.from({ length: 21 }, (_, i) => ({
      filename: `note-${i + 1}.txt`,
      content: `Note ${i + 1}`,
      contentType: 'text/plain',
    }));
    await send({
      from: 'joy@example.test',
      to: caseReplyAddress(c.ref, DOMAIN),
      subject: 'Notes',
      text: 'All my notes.',
      attachments: notes,
    });
    expect(await attachmentsOf(c.caseId)).toHaveLength(20);
    const [message] = await listCaseMessages(ws.ctx(), c.ref);
    expect(message?.files.at(-1)).toMatchObject({
      fileName: 'note-21.txt',
      attachmentId: null,
      refused: 'only the first 20 files of an email are kept',
    });
  });

  /** A mail from someone who is not the case's customer, carrying one file; returns it as held, and where its file waits. */
  async function heldWithFile(customer: string, sender: string, subject: string, file: { filename: string; content: Buffer }) {
    const c = await complaint(customer);
    await send({ from: sender, to: caseReplyAddress(c.ref, DOMAIN), subject, text: 'See the file.', attachments: [file] });
    const held = (await listInboundMail(ws.ctx(), { status: 'held', limit: 50 })).find((m) => m.subject === subject);
    if (!held) throw new Error('not held');
    return { c, held, waitingAt: join(attachmentsDir, ws.workspace.id, held.files[0]?.id ?? '') };
  }

  it('keeps a held mail’s files aside until it is placed, then puts them on the case it is placed on', async () => {
    const { c, held, waitingAt } = await heldWithFile('gil@example.test', 'gil.work@corp.test', 'The receipt', {
      filename: 'receipt.pdf',
      content: PDF,
    });
    expect(held.files).toMatchObject([
      { fileName: 'receipt.pdf', contentType: 'application/pdf', size: PDF.length, attachmentId: null, refused: null },
    ]);
    expect(await attachmentsOf(c.caseId)).toEqual([]);
    expect(existsSync(waitingAt)).toBe(true);
    const placed = await placeHeldMail(ws.ctx(), attachmentsDir, held.id, c.ref);
    const [file] = await attachmentsOf(c.caseId);
    expect(file).toMatchObject({ file_name: 'receipt.pdf', source: 'email', sha256: sha256(PDF) });
    expect(placed.files[0]?.attachmentId).toBe(file?.id);
    expect(JSON.parse(String((await attachmentEvents(c.caseId))[0]?.data))).toMatchObject({ sha256: sha256(PDF), source: 'email' });
    // The waiting copy is gone; the case's copy is there.
    expect(existsSync(waitingAt)).toBe(false);
    expect(existsSync(join(attachmentsDir, ws.workspace.id, file?.id ?? ''))).toBe(true);
  });

  it('removes a dismissed mail’s files', async () => {
    const { held, waitingAt } = await heldWithFile('hal@example.test', 'stranger@corp.test', 'Unrelated flyer', {
      filename: 'flyer.png',
      content: PNG,
    });
    expect(existsSync(waitingAt)).toBe(true);
    const dismissed = await dismissHeldMail(ws.ctx(), attachmentsDir, held.id);
    expect(dismissed.files).toMatchObject([{ fileName: 'flyer.png', attachmentId: null, refused: 'removed when the email was dismissed' }]);
    expect(existsSync(waitingAt)).toBe(false);
  });

  it('keeps the files of a new mail that opens a case', async () => {
    await send({
      from: 'ivy@example.test',
      to: intakeAddress(ws.workspace.slug, DOMAIN),
      subject: 'Scratched table',
      text: 'The table came scratched; photo attached.',
      messageId: '<ivy.1@example.test>',
      attachments: [{ filename: 'table.png', content: PNG }],
    });
    const opened = (await inbound('opened')).find((m) => m.message_id === '<ivy.1@example.test>');
    expect((await attachmentsOf(opened?.case_id ?? '')).map((f) => [f.file_name, f.sha256])).toEqual([['table.png', sha256(PNG)]]);
  });

  it('opens a case from a new mail to the intake address and acknowledges it as automatic mail', async () => {
    await send({
      from: 'Una Vale <una@example.test>',
      to: intakeAddress(ws.workspace.slug, DOMAIN),
      subject: 'Broken lamp',
      text: 'The lamp I bought flickers and then goes out.',
      messageId: '<una.1@example.test>',
    });
    const opened = (await inbound('opened')).find((m) => m.message_id === '<una.1@example.test>');
    const kase = await db
      .selectFrom('cases')
      .selectAll()
      .where('id', '=', opened?.case_id ?? '')
      .executeTakeFirstOrThrow();
    expect(kase).toMatchObject({ channel: 'email', reporter_id: null, title: 'Email: The lamp I bought flickers and then goes out.' });
    const ack = await db.selectFrom('outbox_emails').selectAll().where('case_id', '=', kase.id).executeTakeFirstOrThrow();
    expect(ack).toMatchObject({ to_address: 'una@example.test', kind: 'acknowledgement', auto_submitted: 'auto-replied' });
  });

  it('neither files nor answers auto-replies, list mail and bounces', async () => {
    const count = async () =>
      Number(
        (
          await db
            .selectFrom('inbound_emails')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const cases = async () =>
      Number(
        (
          await db
            .selectFrom('cases')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = [await count(), await cases()];
    const to = intakeAddress(ws.workspace.slug, DOMAIN);
    await send({ from: 'ooo@example.test', to, subject: 'Out of office', headers: { 'Auto-Submitted': 'auto-replied' } });
    await send({ from: 'news@example.test', to, subject: 'Weekly deals', headers: { Precedence: 'bulk' } });
    await send({ from: 'list@example.test', to, subject: 'Digest', list: { id: 'deals.example.test' } });
    await send({ from: 'MAILER-DAEMON@mx.example.test', to, subject: 'Undelivered Mail Returned to Sender' });
    expect([await count(), await cases()]).toEqual(before);
  });

  it('refuses recipients outside its domain, so it relays nothing', async () => {
    await expect(send({ from: 'x@example.test', to: 'someone@elsewhere.test', subject: 'relay?' })).rejects.toThrow(/550|No such mailbox/);
  });
});

describe('two automatic mailboxes cannot loop', () => {
  /**
   * Runs our side against a mailbox that answers every mail automatically: the customer's first
   * mail to the intake address, then rounds of our outbox delivering to it (each delivery brings its
   * answer back to our listener at once) until nothing is left to send or 10 rounds have passed.
   */
  async function loop(style: AutoReplyStyle) {
    const database = await openTestDatabase('sqlite');
    const db = database.db;
    const ws = await buildWorkspace(db);
    const to = intakeAddress(ws.workspace.slug, DOMAIN);
    const config = { ...links, imapUrl: undefined, imapWorkspace: undefined, smtpIn: undefined, attachmentsDir: tmpdir() };
    const intake = await startSmtpIntake({
      host: '127.0.0.1',
      port: 0,
      domain: DOMAIN,
      onMail: mailFiler(db, config, silent),
      log: silent,
    });
    const other = await startAutoReplier({ address: 'desk@other.test', style, intakeUrl: `smtp://127.0.0.1:${intake.port}`, freshTo: to });
    const mailer = createMailer({ smtpUrl: other.url, from: `Shop <no-reply@${DOMAIN}>`, log: silent, ignoreTLS: true });
    const first = nodemailer.createTransport({ url: `smtp://127.0.0.1:${intake.port}`, ignoreTLS: true });
    await first.sendMail({ from: other.address, to, subject: 'Where is my parcel?', text: 'It was due on Monday and has not come.' });
    let rounds = 0;
    while (rounds < 10 && (await deliverOutbox(db, mailer, new Date())).sent > 0) rounds++;
    const cases = await db.selectFrom('cases').select('id').where('workspace_id', '=', ws.workspace.id).execute();
    const messages = await db.selectFrom('customer_messages').select('id').execute();
    const result = { rounds, acknowledgements: other.received, cases: cases.length, messages: messages.length };
    first.close();
    mailer.close();
    await other.close();
    await intake.close();
    await database.dispose();
    return result;
  }

  it('stops at once when the other side answers in the thread: its answer is a message, and messages are not acknowledged', async () => {
    expect(await loop('threaded')).toEqual({ rounds: 1, acknowledgements: 1, cases: 1, messages: 1 });
  });

  it('stops at once when the other side marks its answers as automatic', async () => {
    expect(await loop('marked')).toEqual({ rounds: 1, acknowledgements: 1, cases: 1, messages: 0 });
  });

  it('stops after the hourly cap when the other side opens a fresh conversation with every answer', async () => {
    // Each unmarked fresh mail opens a case, but only three acknowledgements go out, so the fourth case ends it.
    expect(await loop('fresh')).toEqual({ rounds: 3, acknowledgements: 3, cases: 4, messages: 0 });
  });
});
