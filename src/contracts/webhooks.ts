import { z } from 'zod';
import {
  WEBHOOK_EVENT_TYPES,
  WEBHOOK_MAX_OVERLAP_MINUTES,
  WEBHOOK_ROTATION_OVERLAP_MINUTES,
  WEBHOOK_SCOPE_NAMES,
} from '../domain/webhooks.js';
import { text } from './common.js';

export const ZWebhookEventType = z.enum(WEBHOOK_EVENT_TYPES);
export const ZWebhookScope = z.enum(WEBHOOK_SCOPE_NAMES);

/** An http(s) address without credentials or fragment, the target of a subscription. */
export const ZWebhookUrl = z
  .string()
  .trim()
  .max(2000, 'at most 2000 characters')
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === 'https:' || url.protocol === 'http:') && url.username === '' && url.password === '' && url.hash === '';
    } catch {
      return false;
    }
  }, 'must be an http:// or https:// address without user name, password or #fragment');

export const ZWebhookInput = z.object({
  url: ZWebhookUrl,
  description: text(200).optional(),
  eventTypes: z.array(ZWebhookEventType).min(1, 'choose at least one event type').max(WEBHOOK_EVENT_TYPES.length),
  scopes: z.array(ZWebhookScope).max(WEBHOOK_SCOPE_NAMES.length).default([]),
});

export const ZWebhookPatch = z
  .object({
    url: ZWebhookUrl,
    description: text(200),
    eventTypes: z.array(ZWebhookEventType).min(1, 'choose at least one event type').max(WEBHOOK_EVENT_TYPES.length),
    scopes: z.array(ZWebhookScope).max(WEBHOOK_SCOPE_NAMES.length),
    enabled: z.boolean().describe('true re-enables a disabled subscription and clears its failure count'),
  })
  .partial();

export const ZWebhook = z.object({
  id: z.string(),
  url: z.string(),
  description: z.string(),
  eventTypes: z.array(ZWebhookEventType),
  scopes: z.array(ZWebhookScope),
  enabled: z.boolean(),
  disabledReason: z.string().nullable(),
  disabledAt: z.string().nullable(),
  consecutiveFailures: z.number().int(),
  /** Secrets that sign deliveries now: the current one, and one being rotated out until its end. */
  secrets: z.array(
    z.object({ hint: z.string().describe('the last four characters'), createdAt: z.string(), expiresAt: z.string().nullable() }),
  ),
  createdAt: z.string(),
});

/** A subscription just created or rotated: the new secret, shown this once. */
export const ZWebhookWithSecret = ZWebhook.extend({ secret: z.string().describe('whsec_…: keep it; it is not shown again') });

export const ZWebhookRotate = z.object({
  overlapMinutes: z
    .number()
    .int()
    .min(0)
    .max(WEBHOOK_MAX_OVERLAP_MINUTES)
    .default(WEBHOOK_ROTATION_OVERLAP_MINUTES)
    .describe('how long the old secret keeps signing beside the new one'),
});

export const ZWebhookAttempt = z.object({
  at: z.string(),
  statusCode: z.number().int().nullable(),
  error: z.string().nullable(),
  durationMs: z.number().int(),
  manual: z.boolean(),
});

export const ZWebhookDelivery = z.object({
  id: z.string(),
  subscriptionId: z.string(),
  messageId: z.string().describe('the webhook-id header: the same on every retry and redelivery'),
  eventType: ZWebhookEventType,
  status: z.enum(['pending', 'succeeded', 'failed']),
  attempts: z.number().int(),
  nextAttemptAt: z.string().nullable(),
  lastStatusCode: z.number().int().nullable(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  deliveredAt: z.string().nullable(),
  payload: z.record(z.string(), z.unknown()),
});
export const ZWebhookDeliveryDetail = ZWebhookDelivery.extend({ attemptLog: z.array(ZWebhookAttempt) });

export const ZWebhookDeliveryQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z.uuid().optional(),
});
export const ZWebhookDeliveryPage = z.object({ items: z.array(ZWebhookDelivery), nextCursor: z.string().nullable() });

export const ZWebhookSettings = z.object({
  allowPrivateTargets: z
    .boolean()
    .describe('deliver to loopback, private and link-local addresses (a receiver inside your network); cloud metadata stays refused'),
});

export const ZWebhookCatalogue = z.object({
  eventTypes: z.array(z.object({ type: ZWebhookEventType, description: z.string() })),
  scopes: z.array(z.object({ scope: ZWebhookScope, description: z.string() })),
});

export const ZDeliveryParams = z.object({ id: z.uuid(), deliveryId: z.uuid() });
