import type { z } from 'zod';
import type { ZWebhook, ZWebhookAttempt, ZWebhookDelivery, ZWebhookInput, ZWebhookPatch } from '../contracts/webhooks.js';
import { AppError, notFound } from '../domain/errors.js';
import { checkTargetAddress } from '../domain/network-address.js';
import { newWebhookSecret } from '../domain/webhook-signature.js';
import { WEBHOOK_EVENTS, WEBHOOK_SCOPES, type WebhookEventType, type WebhookScope } from '../domain/webhooks.js';
import { newId } from '../store/ids.js';
import type { WebhookAttemptRow, WebhookDeliveryRow, WebhookSubscriptionRow } from '../store/schema.js';
import {
  deleteSubscriptionRows,
  expireCurrentSecrets,
  findDeliveryRow,
  findSubscriptionRow,
  findWebhookSettingsRow,
  insertSecretRow,
  insertSubscriptionRow,
  listAttemptRows,
  listDeliveryRows,
  listSubscriptionRows,
  saveWebhookSettingsRow,
  signingSecretRows,
  updateDeliveryRow,
  updateSubscriptionRow,
} from '../store/webhooks.js';
import { requirePermission } from './authorization.js';
import { inTransaction, type ServiceContext } from './context.js';

export type WebhookView = z.infer<typeof ZWebhook>;
export type WebhookDeliveryView = z.infer<typeof ZWebhookDelivery>;

/** The event types and scopes a subscription can choose from, as documented. */
export function webhookCatalogue(ctx: ServiceContext) {
  requirePermission(ctx.actor, 'list', 'webhook');
  return {
    eventTypes: WEBHOOK_EVENTS.map(({ type, description }) => ({ type, description })),
    scopes: WEBHOOK_SCOPES.map(({ scope, description }) => ({ scope, description })),
  };
}

/** Whether the workspace lets webhooks reach private addresses. */
export async function allowsPrivateTargets(ctx: Pick<ServiceContext, 'db'>, workspaceId: string): Promise<boolean> {
  return ((await findWebhookSettingsRow(ctx.db, workspaceId))?.allow_private_targets ?? 0) === 1;
}

export async function webhookSettings(ctx: ServiceContext): Promise<{ allowPrivateTargets: boolean }> {
  requirePermission(ctx.actor, 'read', 'webhook');
  return { allowPrivateTargets: await allowsPrivateTargets(ctx, ctx.actor.workspaceId) };
}

export async function saveWebhookSettings(ctx: ServiceContext, input: { allowPrivateTargets: boolean }) {
  requirePermission(ctx.actor, 'update', 'webhook');
  await saveWebhookSettingsRow(ctx.db, {
    workspace_id: ctx.actor.workspaceId,
    allow_private_targets: input.allowPrivateTargets ? 1 : 0,
    updated_by: ctx.actor.userId,
    updated_at: ctx.now.toISOString(),
  });
  return { allowPrivateTargets: input.allowPrivateTargets };
}

export async function listWebhooks(ctx: ServiceContext): Promise<WebhookView[]> {
  requirePermission(ctx.actor, 'list', 'webhook');
  const rows = await listSubscriptionRows(ctx.db, ctx.actor.workspaceId);
  return Promise.all(rows.map((row) => toView(ctx, row)));
}

export async function readWebhook(ctx: ServiceContext, id: string): Promise<WebhookView> {
  requirePermission(ctx.actor, 'read', 'webhook');
  return toView(ctx, await load(ctx, id));
}

/** Subscribes an address to event types; the answer carries the new `whsec_` secret, once. */
export function createWebhook(ctx: ServiceContext, input: z.infer<typeof ZWebhookInput>): Promise<WebhookView & { secret: string }> {
  requirePermission(ctx.actor, 'create', 'webhook');
  return inTransaction(ctx.db, async (db) => {
    await refuseBlockedLiteral({ ...ctx, db }, input.url);
    const at = ctx.now.toISOString();
    const row: WebhookSubscriptionRow = {
      id: newId(),
      workspace_id: ctx.actor.workspaceId,
      url: input.url,
      description: input.description ?? '',
      event_types: JSON.stringify(unique(input.eventTypes)),
      scopes: JSON.stringify(unique(input.scopes)),
      enabled: 1,
      disabled_reason: null,
      disabled_at: null,
      consecutive_failures: 0,
      created_by: ctx.actor.userId,
      created_at: at,
      updated_at: at,
    };
    await insertSubscriptionRow(db, row);
    const secret = newWebhookSecret();
    await insertSecretRow(db, row.workspace_id, row.id, secret, ctx.now);
    return { ...(await toView({ ...ctx, db }, row)), secret };
  });
}

/** Changes what a subscription receives, its address or scopes; `enabled: true` re-enables it after failures. */
export function updateWebhook(ctx: ServiceContext, id: string, patch: z.infer<typeof ZWebhookPatch>): Promise<WebhookView> {
  requirePermission(ctx.actor, 'update', 'webhook');
  return inTransaction(ctx.db, async (db) => {
    const row = await load({ ...ctx, db }, id);
    if (patch.url !== undefined) await refuseBlockedLiteral({ ...ctx, db }, patch.url);
    const changes: Partial<WebhookSubscriptionRow> = { updated_at: ctx.now.toISOString() };
    if (patch.url !== undefined) changes.url = patch.url;
    if (patch.description !== undefined) changes.description = patch.description;
    if (patch.eventTypes !== undefined) changes.event_types = JSON.stringify(unique(patch.eventTypes));
    if (patch.scopes !== undefined) changes.scopes = JSON.stringify(unique(patch.scopes));
    if (patch.enabled === true) Object.assign(changes, { enabled: 1, disabled_reason: null, disabled_at: null, consecutive_failures: 0 });
    if (patch.enabled === false && row.enabled === 1) {
      Object.assign(changes, { enabled: 0, disabled_reason: 'Disabled by an admin', disabled_at: ctx.now.toISOString() });
    }
    await updateSubscriptionRow(db, row.workspace_id, id, changes);
    return toView({ ...ctx, db }, { ...row, ...changes });
  });
}

/** Removes a subscription, its secrets and its delivery log. */
export async function deleteWebhook(ctx: ServiceContext, id: string): Promise<void> {
  requirePermission(ctx.actor, 'delete', 'webhook');
  await inTransaction(ctx.db, async (db) => {
    await load({ ...ctx, db }, id);
    await deleteSubscriptionRows(db, ctx.actor.workspaceId, id);
  });
}

/**
 * A new secret that signs from now on; the old one keeps signing beside it for `overlapMinutes`, so
 * receivers can switch without refusing a delivery.
 */
export function rotateWebhookSecret(ctx: ServiceContext, id: string, overlapMinutes: number): Promise<WebhookView & { secret: string }> {
  requirePermission(ctx.actor, 'update', 'webhook');
  return inTransaction(ctx.db, async (db) => {
    const row = await load({ ...ctx, db }, id);
    // Only the secret being replaced overlaps; one already on its way out ends no later than it would have.
    await expireCurrentSecrets(db, row.workspace_id, id, new Date(ctx.now.getTime() + overlapMinutes * 60_000));
    const secret = newWebhookSecret();
    await insertSecretRow(db, row.workspace_id, id, secret, ctx.now);
    await updateSubscriptionRow(db, row.workspace_id, id, { updated_at: ctx.now.toISOString() });
    return { ...(await toView({ ...ctx, db }, row)), secret };
  });
}

/** A subscription's delivery log, newest first. */
export async function listWebhookDeliveries(
  ctx: ServiceContext,
  id: string,
  page: { limit: number; cursor?: string | undefined },
): Promise<{ items: WebhookDeliveryView[]; nextCursor: string | null }> {
  requirePermission(ctx.actor, 'read', 'webhook');
  await load(ctx, id);
  const rows = await listDeliveryRows(ctx.db, ctx.actor.workspaceId, id, page.limit + 1, page.cursor);
  const items = rows.slice(0, page.limit).map(toDeliveryView);
  return { items, nextCursor: rows.length > page.limit ? (items.at(-1)?.id ?? null) : null };
}

/** One delivery with every attempt and its response code. */
export async function readWebhookDelivery(ctx: ServiceContext, id: string, deliveryId: string) {
  requirePermission(ctx.actor, 'read', 'webhook');
  const row = await findDeliveryRow(ctx.db, ctx.actor.workspaceId, deliveryId);
  if (row?.subscription_id !== id) throw notFound('Delivery');
  return { ...toDeliveryView(row), attemptLog: (await listAttemptRows(ctx.db, row.workspace_id, row.id)).map(toAttemptView) };
}

/**
 * Sends one delivery again by hand, with the same webhook-id (receivers that saw it can tell): the
 * delivery job picks it up on its next pass, for one more try outside the automatic schedule.
 */
export function redeliverWebhook(ctx: ServiceContext, id: string, deliveryId: string): Promise<WebhookDeliveryView> {
  requirePermission(ctx.actor, 'update', 'webhook');
  return inTransaction(ctx.db, async (db) => {
    const row = await findDeliveryRow(db, ctx.actor.workspaceId, deliveryId);
    if (row?.subscription_id !== id) throw notFound('Delivery');
    const subscription = await load({ ...ctx, db }, row.subscription_id);
    if (subscription.enabled !== 1) throw new AppError('conflict', 'The subscription is disabled; enable it before redelivering');
    const patch = { status: 'pending' as const, next_attempt_at: ctx.now.toISOString(), redeliver_by: ctx.actor.userId };
    await updateDeliveryRow(db, row.id, patch);
    return toDeliveryView({ ...row, ...patch });
  });
}

async function load(ctx: Pick<ServiceContext, 'db' | 'actor'>, id: string): Promise<WebhookSubscriptionRow> {
  const row = await findSubscriptionRow(ctx.db, ctx.actor.workspaceId, id);
  if (!row) throw notFound('Webhook');
  return row;
}

/** An address written as an IP that delivery would refuse is refused now, with the reason. */
async function refuseBlockedLiteral(ctx: ServiceContext, url: string): Promise<void> {
  const host = new URL(url).hostname.replace(/^\[|\]$/g, '');
  if (!/^[\d.]+$|:/.test(host)) return;
  const verdict = checkTargetAddress(host, await allowsPrivateTargets(ctx, ctx.actor.workspaceId));
  if (!verdict.allowed) {
    throw new AppError('validation', `url: ${verdict.reason}; webhooks are not delivered there`, [
      { path: 'url', message: `${verdict.reason}; allow private targets in Settings → Integrations to use it` },
    ]);
  }
}

const unique = <T>(values: readonly T[]): T[] => [...new Set(values)];

async function toView(ctx: Pick<ServiceContext, 'db' | 'now'>, row: WebhookSubscriptionRow): Promise<WebhookView> {
  const secrets = await signingSecretRows(ctx.db, row.workspace_id, row.id, ctx.now);
  return {
    id: row.id,
    url: row.url,
    description: row.description,
    eventTypes: JSON.parse(row.event_types) as WebhookEventType[],
    scopes: JSON.parse(row.scopes) as WebhookScope[],
    enabled: row.enabled === 1,
    disabledReason: row.disabled_reason,
    disabledAt: row.disabled_at,
    consecutiveFailures: row.consecutive_failures,
    secrets: secrets.map((s) => ({ hint: s.secret.slice(-4), createdAt: s.created_at, expiresAt: s.expires_at })),
    createdAt: row.created_at,
  };
}

/** The Standard Webhooks message id of a delivery: stable across retries and redeliveries. */
export const messageIdOf = (deliveryId: string): string => `msg_${deliveryId}`;

function toDeliveryView(row: WebhookDeliveryRow): WebhookDeliveryView {
  return {
    id: row.id,
    subscriptionId: row.subscription_id,
    messageId: messageIdOf(row.id),
    eventType: row.event_type as WebhookEventType,
    status: row.status,
    attempts: row.attempts,
    nextAttemptAt: row.status === 'pending' ? row.next_attempt_at : null,
    lastStatusCode: row.last_status_code,
    lastError: row.last_error,
    createdAt: row.created_at,
    deliveredAt: row.delivered_at,
    payload: JSON.parse(row.payload) as Record<string, unknown>,
  };
}

function toAttemptView(row: WebhookAttemptRow): z.infer<typeof ZWebhookAttempt> {
  return { at: row.at, statusCode: row.status_code, error: row.error, durationMs: row.duration_ms, manual: row.manual === 1 };
}
