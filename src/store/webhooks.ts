import { isPostgres } from './db.js';
import { newId } from './ids.js';
import type { Db, WebhookAttemptRow, WebhookDeliveryRow, WebhookSecretRow, WebhookSettingsRow, WebhookSubscriptionRow } from './schema.js';

/** A workspace's subscriptions, oldest first. */
export function listSubscriptionRows(db: Db, workspaceId: string): Promise<WebhookSubscriptionRow[]> {
  return db
    .selectFrom('webhook_subscriptions')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export function findSubscriptionRow(db: Db, workspaceId: string, id: string): Promise<WebhookSubscriptionRow | undefined> {
  return db.selectFrom('webhook_subscriptions').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
}

/** The enabled subscriptions of a workspace (the processor filters them by event type). */
export function enabledSubscriptionRows(db: Db, workspaceId: string): Promise<WebhookSubscriptionRow[]> {
  return db.selectFrom('webhook_subscriptions').selectAll().where('workspace_id', '=', workspaceId).where('enabled', '=', 1).execute();
}

export async function insertSubscriptionRow(db: Db, row: WebhookSubscriptionRow): Promise<void> {
  await db.insertInto('webhook_subscriptions').values(row).execute();
}

export async function updateSubscriptionRow(
  db: Db,
  workspaceId: string,
  id: string,
  patch: Partial<Omit<WebhookSubscriptionRow, 'id' | 'workspace_id'>>,
): Promise<void> {
  await db.updateTable('webhook_subscriptions').set(patch).where('workspace_id', '=', workspaceId).where('id', '=', id).execute();
}

/** Removes a subscription with its secrets and its delivery log. */
export async function deleteSubscriptionRows(db: Db, workspaceId: string, id: string): Promise<void> {
  const deliveries = db
    .selectFrom('webhook_deliveries')
    .select('id')
    .where('workspace_id', '=', workspaceId)
    .where('subscription_id', '=', id);
  await db.deleteFrom('webhook_attempts').where('workspace_id', '=', workspaceId).where('delivery_id', 'in', deliveries).execute();
  await db.deleteFrom('webhook_deliveries').where('workspace_id', '=', workspaceId).where('subscription_id', '=', id).execute();
  await db.deleteFrom('webhook_secrets').where('workspace_id', '=', workspaceId).where('subscription_id', '=', id).execute();
  await db.deleteFrom('webhook_subscriptions').where('workspace_id', '=', workspaceId).where('id', '=', id).execute();
}

export async function insertSecretRow(db: Db, workspaceId: string, subscriptionId: string, secret: string, now: Date): Promise<void> {
  await db
    .insertInto('webhook_secrets')
    .values({
      id: newId(),
      workspace_id: workspaceId,
      subscription_id: subscriptionId,
      secret,
      created_at: now.toISOString(),
      expires_at: null,
    })
    .execute();
}

/** Gives the current secrets an end: they keep signing until `until`, beside the new one. */
export async function expireCurrentSecrets(db: Db, workspaceId: string, subscriptionId: string, until: Date): Promise<void> {
  await db
    .updateTable('webhook_secrets')
    .set({ expires_at: until.toISOString() })
    .where('workspace_id', '=', workspaceId)
    .where('subscription_id', '=', subscriptionId)
    .where('expires_at', 'is', null)
    .execute();
}

/** The secrets that sign at `now`: the current one and any still in their overlap, newest first. */
export function signingSecretRows(db: Db, workspaceId: string, subscriptionId: string, now: Date): Promise<WebhookSecretRow[]> {
  return db
    .selectFrom('webhook_secrets')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('subscription_id', '=', subscriptionId)
    .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', now.toISOString())]))
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

/** Queues a delivery unless this subscription already has one for the event (a re-processed event). */
export async function insertDeliveryRow(db: Db, row: WebhookDeliveryRow): Promise<void> {
  await db
    .insertInto('webhook_deliveries')
    .values(row)
    .onConflict((oc) => oc.columns(['subscription_id', 'event_key']).doNothing())
    .execute();
}

export function findDeliveryRow(db: Db, workspaceId: string, id: string): Promise<WebhookDeliveryRow | undefined> {
  return db.selectFrom('webhook_deliveries').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
}

/** A subscription's deliveries, newest first, a page at a time (`before`: the last id of the previous page). */
export function listDeliveryRows(
  db: Db,
  workspaceId: string,
  subscriptionId: string,
  limit: number,
  before?: string,
): Promise<WebhookDeliveryRow[]> {
  let query = db
    .selectFrom('webhook_deliveries')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('subscription_id', '=', subscriptionId);
  if (before !== undefined) query = query.where('id', '<', before);
  return query.orderBy('id', 'desc').limit(limit).execute();
}

export function listAttemptRows(db: Db, workspaceId: string, deliveryId: string): Promise<WebhookAttemptRow[]> {
  return db
    .selectFrom('webhook_attempts')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('delivery_id', '=', deliveryId)
    .orderBy('at')
    .orderBy('id')
    .execute();
}

/**
 * Claims due deliveries of enabled subscriptions by pushing their next attempt to `leaseUntil`, in
 * one statement (PostgreSQL: SKIP LOCKED), so two instances never send the same one at once.
 */
export async function claimDueDeliveries(db: Db, now: Date, leaseUntil: Date, limit: number): Promise<WebhookDeliveryRow[]> {
  let due = db
    .selectFrom('webhook_deliveries')
    .select('webhook_deliveries.id')
    .where('status', '=', 'pending')
    .where('next_attempt_at', '<=', now.toISOString())
    .where('subscription_id', 'in', db.selectFrom('webhook_subscriptions').select('id').where('enabled', '=', 1))
    .orderBy('next_attempt_at')
    .limit(limit);
  if (isPostgres(db)) due = due.forUpdate().skipLocked();
  return db
    .updateTable('webhook_deliveries')
    .set({ next_attempt_at: leaseUntil.toISOString() })
    .where('id', 'in', due)
    .returningAll()
    .execute();
}

export async function updateDeliveryRow(
  db: Db,
  id: string,
  patch: Partial<Omit<WebhookDeliveryRow, 'id' | 'workspace_id'>>,
): Promise<void> {
  await db.updateTable('webhook_deliveries').set(patch).where('id', '=', id).execute();
}

export async function insertAttemptRow(db: Db, row: Omit<WebhookAttemptRow, 'id'>): Promise<void> {
  await db
    .insertInto('webhook_attempts')
    .values({ id: newId(), ...row })
    .execute();
}

/**
 * Adds one to a subscription's failures in a row and returns the new count (a success resets it).
 * An update with a returning clause, so concurrent senders each count.
 */
export async function countSubscriptionFailure(db: Db, subscriptionId: string, failed: boolean): Promise<number> {
  const row = await db
    .updateTable('webhook_subscriptions')
    .set((eb) => ({ consecutive_failures: failed ? eb('consecutive_failures', '+', 1) : eb.val(0) }))
    .where('id', '=', subscriptionId)
    .returning('consecutive_failures')
    .executeTakeFirst();
  return row?.consecutive_failures ?? 0;
}

/** Forgets deliveries (and their attempts) created before `before`: the log's retention. */
export async function purgeDeliveriesBefore(db: Db, before: Date): Promise<number> {
  const old = db.selectFrom('webhook_deliveries').select('id').where('created_at', '<', before.toISOString());
  await db.deleteFrom('webhook_attempts').where('delivery_id', 'in', old).execute();
  const result = await db.deleteFrom('webhook_deliveries').where('created_at', '<', before.toISOString()).executeTakeFirst();
  return Number(result.numDeletedRows);
}

export function findWebhookSettingsRow(db: Db, workspaceId: string): Promise<WebhookSettingsRow | undefined> {
  return db.selectFrom('webhook_settings').selectAll().where('workspace_id', '=', workspaceId).executeTakeFirst();
}

export async function saveWebhookSettingsRow(db: Db, row: WebhookSettingsRow): Promise<void> {
  await db
    .insertInto('webhook_settings')
    .values(row)
    .onConflict((oc) =>
      oc
        .column('workspace_id')
        .doUpdateSet({ allow_private_targets: row.allow_private_targets, updated_by: row.updated_by, updated_at: row.updated_at }),
    )
    .execute();
}
