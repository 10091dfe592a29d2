import { signWebhook } from '../domain/webhook-signature.js';
import { nextAttemptAt, WEBHOOK_DISABLE_AFTER_FAILURES, WEBHOOK_LOG_DAYS } from '../domain/webhooks.js';
import type { Db, WebhookDeliveryRow } from '../store/schema.js';
import { supervisorsOf } from '../store/users.js';
import {
  claimDueDeliveries,
  countSubscriptionFailure,
  findSubscriptionRow,
  insertAttemptRow,
  purgeDeliveriesBefore,
  signingSecretRows,
  updateDeliveryRow,
  updateSubscriptionRow,
} from '../store/webhooks.js';
import { inTransaction } from './context.js';
import { buildEmail } from './emails/layout.js';
import { notifyPeople } from './notifications.js';
import { allowsPrivateTargets, messageIdOf } from './webhooks.js';

/** One POST of a signed delivery; what came back (a status code) or why nothing did. */
export type WebhookPost = (request: {
  url: string;
  headers: Record<string, string>;
  body: string;
  allowPrivate: boolean;
}) => Promise<{ statusCode: number | null; error: string | null }>;

export type WebhookDeliveryCounts = { succeeded: number; retrying: number; failed: number; disabled: number };

/**
 * Sends the deliveries that are due, each signed with every secret in use, and records each try in
 * the delivery log: a 2xx is delivered; anything else is retried with exponential backoff until the
 * tries run out. A subscription that fails too often in a row is disabled and its admins told.
 * At least once: a crash between the receiver's answer and the write sends it again after the lease.
 */
export async function deliverDueWebhooks(
  db: Db,
  now: Date,
  post: WebhookPost,
  options: { batchSize?: number; leaseSeconds?: number; publicUrl?: string } = {},
): Promise<WebhookDeliveryCounts> {
  const counts: WebhookDeliveryCounts = { succeeded: 0, retrying: 0, failed: 0, disabled: 0 };
  const leaseUntil = new Date(now.getTime() + (options.leaseSeconds ?? 120) * 1000);
  for (const delivery of await claimDueDeliveries(db, now, leaseUntil, options.batchSize ?? 20)) {
    const subscription = await findSubscriptionRow(db, delivery.workspace_id, delivery.subscription_id);
    // Disabled by an earlier delivery of this batch: it waits until the subscription is enabled again.
    if (subscription?.enabled !== 1) continue;
    const secrets = (await signingSecretRows(db, delivery.workspace_id, subscription.id, now)).map((s) => s.secret);
    const id = messageIdOf(delivery.id);
    const timestamp = Math.floor(now.getTime() / 1000);
    const started = performance.now();
    const result = await post({
      url: subscription.url,
      body: delivery.payload,
      allowPrivate: await allowsPrivateTargets({ db }, delivery.workspace_id),
      headers: {
        'content-type': 'application/json',
        'webhook-id': id,
        'webhook-timestamp': String(timestamp),
        'webhook-signature': signWebhook(secrets, id, timestamp, delivery.payload),
      },
    });
    const ok = result.statusCode !== null && result.statusCode >= 200 && result.statusCode < 300;
    const outcome = await inTransaction(db, (trx) =>
      record(trx, delivery, { ...result, ok, durationMs: Math.round(performance.now() - started) }, now, options.publicUrl ?? ''),
    );
    counts[outcome]++;
  }
  return counts;
}

async function record(
  db: Db,
  delivery: WebhookDeliveryRow,
  result: { statusCode: number | null; error: string | null; ok: boolean; durationMs: number },
  now: Date,
  publicUrl: string,
): Promise<keyof WebhookDeliveryCounts> {
  const attempts = delivery.attempts + 1;
  await insertAttemptRow(db, {
    workspace_id: delivery.workspace_id,
    delivery_id: delivery.id,
    at: now.toISOString(),
    status_code: result.statusCode,
    error: result.ok ? null : (result.error ?? `the receiver answered ${result.statusCode}`),
    duration_ms: result.durationMs,
    manual: delivery.redeliver_by ? 1 : 0,
  });
  const failures = await countSubscriptionFailure(db, delivery.subscription_id, !result.ok);
  const common = { attempts, last_status_code: result.statusCode, redeliver_by: null };
  if (result.ok) {
    await updateDeliveryRow(db, delivery.id, {
      ...common,
      status: 'succeeded',
      last_error: null,
      next_attempt_at: null,
      delivered_at: now.toISOString(),
    });
    return 'succeeded';
  }
  const retryAt = nextAttemptAt(attempts, now);
  const error = result.error ?? `the receiver answered ${result.statusCode}`;
  await updateDeliveryRow(db, delivery.id, {
    ...common,
    last_error: error,
    status: retryAt ? 'pending' : 'failed',
    next_attempt_at: retryAt ? retryAt.toISOString() : null,
  });
  if (failures >= WEBHOOK_DISABLE_AFTER_FAILURES && (await disable(db, delivery, failures, error, now, publicUrl))) return 'disabled';
  return retryAt ? 'retrying' : 'failed';
}

/** Disables a subscription that keeps failing and tells the workspace's admins; false when it already was. */
async function disable(
  db: Db,
  delivery: WebhookDeliveryRow,
  failures: number,
  error: string,
  now: Date,
  publicUrl: string,
): Promise<boolean> {
  const subscription = await findSubscriptionRow(db, delivery.workspace_id, delivery.subscription_id);
  if (subscription?.enabled !== 1) return false;
  const reason = `${failures} failed attempts in a row; the last: ${error}`;
  await updateSubscriptionRow(db, subscription.workspace_id, subscription.id, {
    enabled: 0,
    disabled_reason: reason,
    disabled_at: now.toISOString(),
    updated_at: now.toISOString(),
  });
  const link = '/settings/integrations';
  const title = `Webhook to ${new URL(subscription.url).host} disabled`;
  const body = `Deliveries to ${subscription.url} failed ${failures} times in a row, so it was disabled. Deliveries waiting for it are kept; enable it again once the receiver works.`;
  await notifyPeople(
    db,
    // With no team, supervisorsOf answers the workspace's active admins.
    await supervisorsOf(db, subscription.workspace_id, null),
    { kind: 'webhook_disabled', caseId: null, title, body, link },
    now,
    buildEmail(title, [body, `The last error: ${error}`], { label: 'Open Settings → Integrations', url: `${publicUrl}${link}` }),
  );
  return true;
}

/** Forgets deliveries older than the log keeps them (30 days). */
export function purgeWebhookLog(db: Db, now: Date): Promise<number> {
  return purgeDeliveriesBefore(db, new Date(now.getTime() - WEBHOOK_LOG_DAYS * 86_400_000));
}
