import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ImapFlow } from 'imapflow';
import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachDatabase, openTestDatabase, type TestDatabase } from '../../test/databases.js';
import { type Dovecot, hasDovecot, startDovecot } from '../../test/dovecot.js';
import { buildWorkspace } from '../../test/factories.js';
import { pollMailboxOnce } from '../email/imap-poller.js';
import type { Db } from '../store/schema.js';
import { mailFiler } from './mail-intake.js';

const silent = { info() {}, warn() {} };
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('a photo of the dent')]);

/** An RFC 5322 message as a mail client would write it, built by nodemailer without sending it. */
async function rawMail(mail: Parameters<ReturnType<typeof nodemailer.createTransport>['sendMail']>[0]): Promise<Buffer> {
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
  const info = (await transport.sendMail({ text: 'Hello', ...mail })) as unknown as { message: Buffer };
  return info.message;
}

if (!hasDovecot) console.info('IMAP polling tests skipped: dovecot is not installed (apt-get install -y dovecot-imapd)');
const describeWithDovecot = hasDovecot
  ? describeEachDatabase
  : (name: string, _suite: (kind: 'sqlite' | 'postgres') => void) =>
      describe(name, () => {
        it.skip('skipped: needs dovecot at /usr/sbin/dovecot (apt-get install -y dovecot-imapd)', () => {});
      });

describeWithDovecot('IMAP polling against a real IMAP server (dovecot)', (kind) => {
  let database: TestDatabase;
  let db: Db;
  let ws: Awaited<ReturnType<typeof buildWorkspace>>;
  let dovecot: Dovecot;
  let mailbox: ImapFlow;
  const attachmentsDir = mkdtempSync(join(tmpdir(), 'defuse-imap-files-'));
  beforeAll(async () => {
    database = await openTestDatabase(kind);
    db = database.db;
    ws = await buildWorkspace(db);
    dovecot = await startDovecot();
    mailbox = new ImapFlow({
      host: '127.0.0.1',
      port: dovecot.port,
      secure: false,
      auth: { user: dovecot.user, pass: dovecot.password },
      logger: false,
    });
    await mailbox.connect();
  });
  afterAll(async () => {
    await mailbox?.logout().catch(() => undefined);
    await dovecot?.stop();
    await database?.dispose();
    rmSync(attachmentsDir, { recursive: true, force: true });
  });

  const config = {
    publicUrl: 'http://shop.test',
    replyDomain: 'in.shop.test',
    imapUrl: undefined,
    imapWorkspace: undefined,
    smtpIn: undefined,
    attachmentsDir,
  };
  const poll = (onMail = mailFiler(db, config, silent, ws.workspace.slug)) => pollMailboxOnce({ url: dovecot.url(), onMail, log: silent });
  const unseen = async () => {
    const status = await mailbox.status('INBOX', { unseen: true });
    return status ? status.unseen : undefined;
  };

  it('files each new mail in the mailbox once, opening cases with their files, and marks it seen', async () => {
    await mailbox.append(
      'INBOX',
      await rawMail({
        from: 'Nia Ross <nia@example.test>',
        to: 'help@shop.test',
        subject: 'Dented fridge',
        text: 'The fridge you delivered today has a dent in the door.',
        messageId: '<nia.1@example.test>',
        attachments: [{ filename: 'dent.png', content: PNG }],
      }),
    );
    await mailbox.append(
      'INBOX',
      await rawMail({
        from: 'away@example.test',
        to: 'help@shop.test',
        subject: 'Out of office',
        headers: { 'Auto-Submitted': 'auto-replied' },
      }),
    );
    expect(await unseen()).toBe(2);
    expect(await poll()).toBe(2);
    expect(await unseen()).toBe(0);
    const opened = await db.selectFrom('inbound_emails').selectAll().where('workspace_id', '=', ws.workspace.id).execute();
    expect(opened.map((m) => [m.message_id, m.status])).toEqual([['<nia.1@example.test>', 'opened']]);
    const kase = await db
      .selectFrom('cases')
      .selectAll()
      .where('id', '=', opened[0]?.case_id ?? '')
      .executeTakeFirstOrThrow();
    expect(kase).toMatchObject({ channel: 'email', title: 'Email: The fridge you delivered today has a dent in the door.' });
    const files = await db.selectFrom('attachments').selectAll().where('case_id', '=', kase.id).execute();
    expect(files.map((f) => [f.file_name, f.sha256])).toEqual([['dent.png', createHash('sha256').update(PNG).digest('hex')]]);
    // Nothing unseen is left, so the next pass files nothing.
    expect(await poll()).toBe(0);
  });

  it('leaves a mail that could not be filed unseen, and files it on the next pass', async () => {
    await mailbox.append(
      'INBOX',
      await rawMail({ from: 'omar@example.test', to: 'help@shop.test', subject: 'Late parcel', text: 'My parcel is a week late.' }),
    );
    const failing = async () => {
      throw new Error('the database is away');
    };
    expect(await poll(failing)).toBe(0);
    expect(await unseen()).toBe(1);
    expect(await poll()).toBe(1);
    expect(await unseen()).toBe(0);
    const cases = await db.selectFrom('cases').select('title').where('workspace_id', '=', ws.workspace.id).execute();
    expect(cases.map((c) => c.title)).toContain('Email: My parcel is a week late.');
  });

  it('refuses a wrong password with an error, filing nothing', async () => {
    const wrong = dovecot.url().replace(encodeURIComponent(dovecot.password), 'wrong');
    await expect(pollMailboxOnce({ url: wrong, onMail: async () => {}, log: silent })).rejects.toThrow();
  });
});
