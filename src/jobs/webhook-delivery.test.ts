import { Webhook } from 'standardwebhooks';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { describeEachDatabase, openTestDatabase, type TestDatabase } from '../../test/databases.js';
import { buildCase, buildWorkspace } from '../../test/factories.js';
import { processEvents } from '../../test/process-events.js';
import { signatureHeaders, startWebhookReceiver } from '../../test/webhook-receiver.js';
import { hasValidSignature } from '../domain/webhook-signature.js';
import { WEBHOOK_DISABLE_AFTER_FAILURES, WEBHOOK_MAX_ATTEMPTS } from '../domain/webhooks.js';
import { addStatement } from '../services/add-statement.js';
import { createCase } from '../services/create-case.js';
import { listMyNotifications } from '../services/notifications.js';
import { deliverDueWebhooks, purgeWebhookLog } from '../services/webhook-delivery.js';
import {
  createWebhook,
  listWebhookDeliveries,
  readWebhook,
  readWebhookDelivery,
  redeliverWebhook,
  rotateWebhookSecret,
  saveWebhookSettings,
} from '../services/webhooks.js';
import { listOutbox } from '../store/outbox.js';
import { webhookSender } from './webhook-sender.js';

/** A delivered body as the receiver reads it. */
type Payload = { type: string; data: Record<string, unknown> };

const post = webhookSender({ timeoutMs: 2000 });
const later = (from: Date, seconds: number) => new Date(from.getTime() + seconds * 1000);

describeEachDatabase('webhook delivery', (kind) => {
  let database: TestDatabase;
  let receiver: Awaited<ReturnType<typeof startWebhookReceiver>> | undefined;
  beforeEach(async () => {
    database = await openTestDatabase(kind);
  });
  afterEach(async () => {
    await receiver?.close();
    receiver = undefined;
    await database.dispose();
  });

  /** A workspace that allows its local receiver, subscribed to case.created and case.statement_added. */
  async function subscribed(answer?: Parameters<typeof startWebhookReceiver>[0], scopes: ('statements' | 'hr')[] = []) {
    receiver = await startWebhookReceiver(answer);
    const ws = await buildWorkspace(database.db);
    await saveWebhookSettings(ws.ctx(), { allowPrivateTargets: true });
    const hook = await createWebhook(ws.ctx(), {
      url: receiver.url(),
      eventTypes: ['case.created', 'case.statement_added'],
      scopes,
    });
    return { ws, hook, receiver };
  }

  it('signs each delivery as Standard Webhooks says, with a thin payload, and logs the answer', async () => {
    const { ws, hook, receiver } = await subscribed();
    const kase = await createCase(ws.ctx(), buildCase());
    await addStatement(ws.ctx(), kase.ref, { party: 'customer', authorName: 'Ann Lee', body: 'Nobody came back to me.' });
    await processEvents(database.db);
    const now = new Date();
    expect(await deliverDueWebhooks(database.db, now, post)).toMatchObject({ succeeded: 2, retrying: 0 });

    expect(receiver.received).toHaveLength(2);
    const verifier = new Webhook(hook.secret);
    const bodies = receiver.received.map((r) => verifier.verify(r.body, signatureHeaders(r.headers)) as Payload);
    expect(bodies.map((b) => b.type).sort()).toEqual(['case.created', 'case.statement_added']);
    const created = bodies.find((b) => b.type === 'case.created');
    expect(created?.data).toMatchObject({
      kind: 'case.created',
      caseRef: kase.ref,
      caseId: kase.id,
      link: `http://defuse.test/api/v1/cases/${kase.ref}`,
    });
    // Without the statements scope the words stay in Defuse.
    expect(receiver.received.map((r) => r.body).join('')).not.toContain('Nobody came back');
    expect(bodies.find((b) => b.type === 'case.statement_added')?.data['statementId']).toEqual(expect.any(String));
    // A tampered body does not verify.
    const first = receiver.received[0] as (typeof receiver.received)[number];
    expect(() => verifier.verify(first.body.replace('case.', 'kase.'), signatureHeaders(first.headers))).toThrow();

    const log = await listWebhookDeliveries(ws.ctx(), hook.id, { limit: 10 });
    expect(log.items.map((d) => [d.status, d.attempts, d.lastStatusCode])).toEqual([
      ['succeeded', 1, 200],
      ['succeeded', 1, 200],
    ]);
    expect(receiver.received.map((r) => r.headers['webhook-id']).sort()).toEqual(log.items.map((d) => d.messageId).sort());
    // Processing the same events again queues nothing twice.
    await processEvents(database.db);
    expect(await deliverDueWebhooks(database.db, later(now, 1), post)).toMatchObject({ succeeded: 0 });
  });

  it('carries a statement’s words only under the statements scope an admin granted', async () => {
    const { ws, hook, receiver } = await subscribed(undefined, ['statements']);
    const kase = await createCase(ws.ctx(), buildCase());
    await addStatement(ws.ctx(), kase.ref, { party: 'customer', authorName: 'Ann Lee', body: 'Nobody came back to me.' });
    await processEvents(database.db);
    await deliverDueWebhooks(database.db, new Date(), post);
    const statement = receiver.received
      .map((r) => new Webhook(hook.secret).verify(r.body, signatureHeaders(r.headers)) as Payload)
      .find((b) => b.type === 'case.statement_added');
    expect(statement?.data['statement']).toEqual({ party: 'customer', body: 'Nobody came back to me.' });
  });

  it('retries with exponential backoff, gives up, then disables the subscription and tells the admins', async () => {
    const { ws, hook, receiver } = await subscribed(() => ({ status: 503 }));
    await createCase(ws.ctx(), buildCase());
    await createCase(ws.ctx(), buildCase());
    await processEvents(database.db);
    const start = new Date();
    expect(await deliverDueWebhooks(database.db, start, post)).toMatchObject({ retrying: 2 });
    // Not due again until 30 s later, then 60 s after that.
    expect(await deliverDueWebhooks(database.db, later(start, 29), post)).toMatchObject({ retrying: 0 });
    expect(await deliverDueWebhooks(database.db, later(start, 31), post)).toMatchObject({ retrying: 2 });
    expect(await deliverDueWebhooks(database.db, later(start, 31 + 59), post)).toMatchObject({ retrying: 0 });
    const [one] = (await listWebhookDeliveries(ws.ctx(), hook.id, { limit: 1 })).items;
    expect(one?.nextAttemptAt).toBe(later(start, 31 + 60).toISOString());

    let at = later(start, 31);
    for (let pass = 3; pass <= WEBHOOK_MAX_ATTEMPTS; pass++) {
      at = later(at, 3 * 3600);
      await deliverDueWebhooks(database.db, at, post);
    }
    // Two deliveries × 8 tries: the subscription was disabled at the 15th failure in a row.
    expect(receiver.received).toHaveLength(WEBHOOK_DISABLE_AFTER_FAILURES);
    const disabled = await readWebhook(ws.ctx(), hook.id);
    expect(disabled.enabled).toBe(false);
    expect(disabled.disabledReason).toContain('503');
    const detail = await readWebhookDelivery(ws.ctx(), hook.id, (one as { id: string }).id);
    expect(detail.attemptLog.map((a) => a.statusCode)).toEqual(Array(detail.attempts).fill(503));
    const notes = await listMyNotifications(ws.ctx(), false);
    expect(notes.items.map((n) => n.kind)).toContain('webhook_disabled');
    expect((await listOutbox(database.db)).filter((m) => m.kind === 'webhook_disabled').map((m) => m.to_address)).toEqual([ws.user.email]);
    // Nothing more goes out while it is disabled.
    expect(await deliverDueWebhooks(database.db, later(at, 86_400), post)).toMatchObject({ retrying: 0, failed: 0 });
    expect(receiver.received).toHaveLength(WEBHOOK_DISABLE_AFTER_FAILURES);
  });

  it('signs with both secrets during a rotation’s overlap and with the new one after it', async () => {
    const { ws, hook, receiver } = await subscribed();
    const start = new Date();
    const rotated = await rotateWebhookSecret(ws.ctx(start), hook.id, 60);
    expect(rotated.secret).toMatch(/^whsec_/);
    expect(rotated.secret).not.toBe(hook.secret);
    expect(rotated.secrets).toHaveLength(2);
    await createCase(ws.ctx(), buildCase());
    await processEvents(database.db);
    await deliverDueWebhooks(database.db, later(start, 59 * 60), post);
    const during = receiver.received[0] as (typeof receiver.received)[number];
    expect(String(during.headers['webhook-signature']).split(' ')).toHaveLength(2);

    await createCase(ws.ctx(), buildCase());
    await processEvents(database.db, { now: () => later(start, 61 * 60) });
    await deliverDueWebhooks(database.db, later(start, 61 * 60), post);
    const after = receiver.received[1] as (typeof receiver.received)[number];
    expect(String(after.headers['webhook-signature']).split(' ')).toHaveLength(1);
    // The receivers' own library checks the timestamp too, so these checks use the signature alone.
    const check = (secret: string, r: typeof during) =>
      hasValidSignature(
        secret,
        String(r.headers['webhook-id']),
        Number(r.headers['webhook-timestamp']),
        r.body,
        String(r.headers['webhook-signature']),
      );
    expect([check(hook.secret, during), check(rotated.secret, during)]).toEqual([true, true]);
    expect([check(hook.secret, after), check(rotated.secret, after)]).toEqual([false, true]);
  });

  it('redelivers one delivery by hand with the same webhook-id, logged as manual', async () => {
    const { ws, hook, receiver } = await subscribed();
    await createCase(ws.ctx(), buildCase());
    await processEvents(database.db);
    const now = new Date();
    await deliverDueWebhooks(database.db, now, post);
    const [delivery] = (await listWebhookDeliveries(ws.ctx(), hook.id, { limit: 5 })).items;
    const again = await redeliverWebhook(ws.ctx(later(now, 5)), hook.id, (delivery as { id: string }).id);
    expect(again.status).toBe('pending');
    await deliverDueWebhooks(database.db, later(now, 6), post);
    expect(receiver.received.map((r) => r.headers['webhook-id'])).toEqual([delivery?.messageId, delivery?.messageId]);
    const detail = await readWebhookDelivery(ws.ctx(), hook.id, (delivery as { id: string }).id);
    expect(detail.attemptLog.map((a) => a.manual)).toEqual([false, true]);
    expect(detail.status).toBe('succeeded');
  });

  it('refuses private targets unless the admin allows them, and follows no redirect', async () => {
    receiver = await startWebhookReceiver((n) => (n === 1 ? { status: 302, location: '/elsewhere' } : { status: 200 }));
    const ws = await buildWorkspace(database.db);
    await expect(createWebhook(ws.ctx(), { url: receiver.url(), eventTypes: ['case.created'], scopes: [] })).rejects.toMatchObject({
      code: 'validation',
    });
    // A name that resolves to loopback is checked at delivery, against the address it resolves to.
    const hook = await createWebhook(ws.ctx(), { url: `http://localhost:${receiver.port}/hook`, eventTypes: ['case.created'], scopes: [] });
    await createCase(ws.ctx(), buildCase());
    await processEvents(database.db);
    const now = new Date();
    await deliverDueWebhooks(database.db, now, post);
    expect(receiver.received).toHaveLength(0);
    const [refused] = (await listWebhookDeliveries(ws.ctx(), hook.id, { limit: 1 })).items;
    expect(refused?.lastError).toMatch(/^refused: localhost resolves to .*loopback/);

    await saveWebhookSettings(ws.ctx(), { allowPrivateTargets: true });
    await deliverDueWebhooks(database.db, later(now, 31), post);
    expect(receiver.received.map((r) => r.path)).toEqual(['/hook']);
    const [redirected] = (await listWebhookDeliveries(ws.ctx(), hook.id, { limit: 1 })).items;
    expect(redirected).toMatchObject({ status: 'pending', lastStatusCode: 302, lastError: 'redirect to /elsewhere not followed' });
  });

  it('keeps the delivery log for 30 days', async () => {
    const { ws, hook } = await subscribed();
    await createCase(ws.ctx(), buildCase());
    await processEvents(database.db);
    const now = new Date();
    await deliverDueWebhooks(database.db, now, post);
    expect(await purgeWebhookLog(database.db, later(now, 29 * 86_400))).toBe(0);
    expect(await purgeWebhookLog(database.db, later(now, 31 * 86_400))).toBe(1);
    expect((await listWebhookDeliveries(ws.ctx(), hook.id, { limit: 5 })).items).toHaveLength(0);
  });
});
