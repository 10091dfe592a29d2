import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase, openTestDatabase, type TestDatabase } from '../../test/databases.js';
import { buildCase, buildWorkspace } from '../../test/factories.js';
import { captureLog } from '../../test/job-effects.js';
import { buildCast } from '../../test/people.js';
import { type SmtpListener, startSmtpListener } from '../../test/smtp.js';
import type { AppError } from '../domain/errors.js';
import { deliverOutbox } from '../email/deliver-outbox.js';
import { createMailer } from '../email/mailer.js';
import { listOutbox } from '../store/outbox.js';
import type { ServiceContext } from './context.js';
import { createCase } from './create-case.js';
import { listEvents } from './read-cases.js';
import { recordReply } from './record-reply.js';
import { recordReplyDelivery } from './reply-delivery.js';

const T0 = new Date('2026-04-01T09:00:00.000Z');
const BODY = 'I am sorry the parcel arrived broken.\n\nI have sent a replacement today; it arrives on Friday.';

describeEachDatabase('replies by email', (kind) => {
  let database: TestDatabase;
  let smtp: SmtpListener;
  let cast: Awaited<ReturnType<typeof buildCast>>;
  let admin: (now?: Date) => ServiceContext;
  const asEmployee = (): ServiceContext => ({ db: database.db, actor: cast.employeeA.actor, now: T0, replyDomain: 'replies.shop.test' });

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    smtp = await startSmtpListener({ refuse: ['nobody@example.com'] });
    const ws = await buildWorkspace(database.db, 'Corner Shop');
    admin = ws.ctx;
    cast = await buildCast(admin());
  });
  afterAll(async () => {
    await smtp.close();
    await database.dispose();
  });

  const caseFor = (email: string | null) =>
    createCase(admin(), {
      ...buildCase(),
      teamId: cast.teamA.id,
      assigneeId: cast.employeeA.actor.userId,
      customer: { name: `Ines Moreau ${Math.random()}`, email },
    });

  it('emails the reply with a per-case Reply-To and Message-ID, and the timeline follows it from queued to sent', async () => {
    const kase = await caseFor('ines@example.com');
    const { event } = await recordReply(asEmployee(), kase.ref, { body: BODY });
    const messageId = String((event.data.delivery as { messageId: string }).messageId);
    expect(event.data.delivery).toEqual({
      via: 'email',
      messageId,
      replyTo: `reply+${kase.ref.toLowerCase()}@replies.shop.test`,
      state: 'queued',
    });
    expect(messageId).toMatch(/^<reply\.[0-9a-f-]+@replies\.shop\.test>$/);
    // The customer's address stays off the timeline, which people who may not see it read.
    expect(JSON.stringify(event.data)).not.toContain('ines@example.com');

    const mailer = createMailer({ smtpUrl: smtp.url, from: 'Shop <care@shop.test>', log: captureLog(), ignoreTLS: true });
    expect(await deliverOutbox(database.db, mailer, T0, { onDelivery: recordReplyDelivery })).toMatchObject({ sent: 1 });
    mailer.close();
    const mail = (await smtp.waitFor(1)).at(-1);
    expect(mail?.messageId).toBe(messageId);
    expect(mail?.replyTo?.text).toBe(`reply+${kase.ref.toLowerCase()}@replies.shop.test`);
    expect(mail?.subject).toBe(`Your case ${kase.ref} with Corner Shop`);
    expect(mail?.text).toContain('I have sent a replacement today');

    const timeline = (await listEvents(asEmployee(), kase.ref, 0, 100)).items;
    expect(timeline.at(-1)).toMatchObject({ kind: 'reply_delivery', actorId: null, data: { messageId, state: 'sent' } });
  });

  it('records a refused address as bounced, with the server’s reason, without retrying', async () => {
    const kase = await caseFor('nobody@example.com');
    const { event } = await recordReply(asEmployee(), kase.ref, { body: BODY });
    const mailer = createMailer({ smtpUrl: smtp.url, from: 'Shop <care@shop.test>', log: captureLog(), ignoreTLS: true });
    expect(await deliverOutbox(database.db, mailer, T0, { onDelivery: recordReplyDelivery })).toMatchObject({ failed: 1 });
    mailer.close();
    const last = (await listEvents(asEmployee(), kase.ref, 0, 100)).items.at(-1);
    expect(last).toMatchObject({
      kind: 'reply_delivery',
      data: { state: 'bounced', messageId: (event.data.delivery as { messageId: string }).messageId },
    });
    expect(String(last?.data.error)).toMatch(/550/);
  });

  it('records a reply to a customer without email as said in person, and queues no mail', async () => {
    const kase = await caseFor(null);
    const before = (await listOutbox(database.db)).length;
    const { event } = await recordReply(asEmployee(), kase.ref, { body: BODY });
    expect(event.data.delivery).toEqual({ via: 'spoken' });
    expect(await listOutbox(database.db)).toHaveLength(before);
    const refused = await recordReply(asEmployee(), kase.ref, { body: BODY, via: 'email' }).catch((e: AppError) => e);
    expect(refused).toMatchObject({ code: 'validation', errors: [{ path: 'via' }] });
    expect((await listEvents(asEmployee(), kase.ref, 0, 100)).items.filter((e) => e.kind === 'reply')).toHaveLength(1);
  });

  it('records a reply said by phone even when the customer has an address', async () => {
    const kase = await caseFor('phone@example.com');
    const before = (await listOutbox(database.db)).length;
    const { event } = await recordReply(asEmployee(), kase.ref, { body: BODY, via: 'spoken' });
    expect(event.data.delivery).toEqual({ via: 'spoken' });
    expect(await listOutbox(database.db)).toHaveLength(before);
  });
});
