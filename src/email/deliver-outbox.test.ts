import { createServer } from 'node:net';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { newAttachmentsDir } from '../../test/attachments-dir.js';
import { describeEachDatabase, openTestDatabase, type TestDatabase } from '../../test/databases.js';
import { captureLog } from '../../test/job-effects.js';
import { TEST_SIGNING_KEY } from '../../test/signing-key.js';
import { type SmtpListener, startSmtpListener } from '../../test/smtp.js';
import { jobDefinitions } from '../jobs/definitions.js';
import { createEmbeddedRunner } from '../jobs/embedded-runner.js';
import { claimDueEmails, listOutbox, queueEmail } from '../store/outbox.js';
import { deliverOutbox } from './deliver-outbox.js';
import { createMailer, type Mailer } from './mailer.js';

const T0 = new Date('2026-03-02T09:00:00.000Z');
const seconds = (n: number) => new Date(T0.getTime() + n * 1000);
const FROM = 'Defuse <no-reply@defuse.test>';

const survey = {
  workspaceId: null,
  kind: 'survey',
  to: 'dana@example.com',
  subject: 'How did we do?',
  text: 'Thank you for your patience. Tell us how it went: http://localhost/s/abc',
  html: '<p>Thank you for your patience. <a href="http://localhost/s/abc">Tell us how it went</a></p>',
};

/** A port on 127.0.0.1 that nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describeEachDatabase('outbox delivery', (kind) => {
  let database: TestDatabase;
  let smtp: SmtpListener;
  let mailer: Mailer;

  beforeEach(async () => {
    database = await openTestDatabase(kind);
    smtp = await startSmtpListener();
    mailer = createMailer({ smtpUrl: smtp.url, from: FROM, log: captureLog(), ignoreTLS: true });
  });
  afterEach(async () => {
    mailer.close();
    await smtp.close();
    await database.dispose();
  });

  it('sends a mail again after a crash between sending and recording it, under the same Message-ID', async () => {
    const queued = await queueEmail(database.db, survey, T0);
    // The first instance claims the mail and hands it to the SMTP server, then dies before `sent_at`.
    const [claimed] = await claimDueEmails(database.db, T0, seconds(300), 10);
    await mailer.send({ ...survey, outboxId: claimed?.id });
    // Once the lease runs out, another instance sends it again: the receiver sees the same message twice.
    expect(await deliverOutbox(database.db, mailer, seconds(301))).toEqual({ sent: 1, retrying: 0, failed: 0 });
    const [first, second] = await smtp.waitFor(2);
    expect(first?.messageId).toBe(`<${queued.id}@defuse.test>`);
    expect(second?.messageId).toBe(first?.messageId);
    expect(await deliverOutbox(database.db, mailer, seconds(3600))).toEqual({ sent: 0, retrying: 0, failed: 0 });
  });

  it('sends a queued email over SMTP with its text and HTML bodies, once', async () => {
    await queueEmail(database.db, survey, T0);
    expect(await deliverOutbox(database.db, mailer, T0)).toEqual({ sent: 1, retrying: 0, failed: 0 });
    const [mail] = await smtp.waitFor(1);
    expect(mail?.subject).toBe(survey.subject);
    expect(mail?.text?.trim()).toBe(survey.text);
    expect(mail?.html).toContain('<a href="http://localhost/s/abc">Tell us how it went</a>');
    expect(mail?.from?.value).toEqual([{ name: 'Defuse', address: 'no-reply@defuse.test' }]);
    expect(mail?.to && !Array.isArray(mail.to) ? mail.to.text : '').toBe('dana@example.com');

    expect(await deliverOutbox(database.db, mailer, seconds(3600))).toEqual({ sent: 0, retrying: 0, failed: 0 });
    expect(smtp.messages).toHaveLength(1);
    expect(await listOutbox(database.db)).toMatchObject([{ sent_at: T0.toISOString(), attempts: 0, failed_at: null }]);
  });

  it('leaves the email unsent when SMTP is unreachable, retries with backoff, and gives up after the last try', async () => {
    const down = createMailer({ smtpUrl: `smtp://127.0.0.1:${await closedPort()}`, from: FROM, log: captureLog(), ignoreTLS: true });
    await queueEmail(database.db, survey, T0);
    const options = { maxAttempts: 3, backoffSeconds: 60 };
    expect(await deliverOutbox(database.db, down, T0, options)).toEqual({ sent: 0, retrying: 1, failed: 0 });
    let [row] = await listOutbox(database.db);
    expect(row).toMatchObject({ sent_at: null, failed_at: null, attempts: 1, next_attempt_at: seconds(60).toISOString() });
    expect(row?.last_error).toMatch(/ECONNREFUSED|connect/i);

    expect((await deliverOutbox(database.db, down, seconds(59), options)).retrying).toBe(0);
    expect((await deliverOutbox(database.db, down, seconds(60), options)).retrying).toBe(1);
    [row] = await listOutbox(database.db);
    expect(row).toMatchObject({ attempts: 2, next_attempt_at: seconds(180).toISOString() });
    expect(await deliverOutbox(database.db, down, seconds(180), options)).toEqual({ sent: 0, retrying: 0, failed: 1 });
    [row] = await listOutbox(database.db);
    expect(row).toMatchObject({ attempts: 3, sent_at: null, failed_at: seconds(180).toISOString() });
    expect(await deliverOutbox(database.db, mailer, seconds(99_999), options)).toEqual({ sent: 0, retrying: 0, failed: 0 });
  });

  it('never hands the same email to two senders at once', async () => {
    for (let i = 0; i < 6; i++) await queueEmail(database.db, { ...survey, to: `p${i}@example.com` }, T0);
    const lease = seconds(300);
    const [a, b] = await Promise.all([claimDueEmails(database.db, T0, lease, 4), claimDueEmails(database.db, T0, lease, 4)]);
    const ids = [...(a ?? []), ...(b ?? [])].map((e) => e.id);
    expect(ids).toHaveLength(6);
    expect(new Set(ids).size).toBe(6);
    // Claimed rows are not due again until their lease runs out.
    expect(await claimDueEmails(database.db, seconds(299), lease, 10)).toHaveLength(0);
    expect(await claimDueEmails(database.db, seconds(300), seconds(600), 10)).toHaveLength(6);
  });

  it('is delivered by the recurring deliver-outbox job', async () => {
    let clock = T0;
    const jobs = createEmbeddedRunner({
      db: database.db,
      definitions: jobDefinitions({
        mailer,
        publicUrl: 'http://localhost:3000',
        signingKey: TEST_SIGNING_KEY,
        attachmentsDir: newAttachmentsDir(),
      }).filter((j) => j.name === 'deliver-outbox'),
      log: captureLog(),
      now: () => clock,
    });
    await queueEmail(database.db, survey, T0);
    expect((await jobs.runDue()).done).toBe(1);
    await smtp.waitFor(1);
    await queueEmail(database.db, { ...survey, subject: 'Second' }, T0);
    expect((await jobs.runDue()).done).toBe(0);
    clock = seconds(5);
    expect((await jobs.runDue()).done).toBe(1);
    expect((await smtp.waitFor(2)).map((m) => m.subject)).toEqual(['How did we do?', 'Second']);
  });
});

it('writes the email to the log when no SMTP_URL is set', async () => {
  const log = captureLog();
  const mailer = createMailer({ smtpUrl: undefined, from: FROM, log });
  await mailer.send({ to: survey.to, subject: survey.subject, text: survey.text, html: survey.html });
  expect(log.lines).toEqual([
    { level: 'info', obj: { to: survey.to, subject: survey.subject, text: survey.text }, msg: expect.stringContaining('no SMTP_URL') },
  ]);
});
