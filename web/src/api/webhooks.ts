import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  ZWebhook,
  ZWebhookCatalogue,
  ZWebhookDelivery,
  ZWebhookDeliveryDetail,
  ZWebhookDeliveryPage,
  ZWebhookInput,
  ZWebhookPatch,
  ZWebhookSettings,
  ZWebhookWithSecret,
} from '../../../src/contracts/webhooks.js';
import { api, apiItems } from './client.js';
import { useInvalidatingMutation } from './invalidating-mutation.js';

export type Webhook = z.infer<typeof ZWebhook>;
export type WebhookWithSecret = z.infer<typeof ZWebhookWithSecret>;
export type WebhookInput = z.input<typeof ZWebhookInput>;
export type WebhookPatch = z.input<typeof ZWebhookPatch>;
export type WebhookDelivery = z.infer<typeof ZWebhookDelivery>;
export type WebhookDeliveryDetail = z.infer<typeof ZWebhookDeliveryDetail>;
export type WebhookCatalogue = z.infer<typeof ZWebhookCatalogue>;
export type WebhookSettings = z.infer<typeof ZWebhookSettings>;

/** Query keys of Settings → Integrations. */
export const webhookKeys = {
  all: ['webhooks'] as const,
  list: () => [...webhookKeys.all, 'list'] as const,
  catalogue: () => [...webhookKeys.all, 'catalogue'] as const,
  settings: () => [...webhookKeys.all, 'settings'] as const,
  deliveries: (id: string) => [...webhookKeys.all, 'deliveries', id] as const,
  delivery: (id: string) => [...webhookKeys.all, 'delivery', id] as const,
};

const path = (id: string) => `/webhooks/${encodeURIComponent(id)}`;

export const useWebhooks = () => useQuery({ queryKey: webhookKeys.list(), queryFn: () => apiItems<Webhook>('/webhooks') });
export const useWebhookCatalogue = () =>
  useQuery({
    queryKey: webhookKeys.catalogue(),
    queryFn: () => api<WebhookCatalogue>('GET', '/webhooks/event-types'),
    staleTime: Infinity,
  });
export const useWebhookSettings = () =>
  useQuery({ queryKey: webhookKeys.settings(), queryFn: () => api<WebhookSettings>('GET', '/webhooks/settings') });
export const useWebhookDeliveries = (id: string) =>
  useQuery({
    queryKey: webhookKeys.deliveries(id),
    queryFn: () => api<z.infer<typeof ZWebhookDeliveryPage>>('GET', `${path(id)}/deliveries?limit=50`),
  });
export const useWebhookDelivery = (id: string, deliveryId: string) =>
  useQuery({
    queryKey: webhookKeys.delivery(deliveryId),
    queryFn: () => api<WebhookDeliveryDetail>('GET', `${path(id)}/deliveries/${encodeURIComponent(deliveryId)}`),
  });

export const useSaveWebhookSettings = () =>
  useInvalidatingMutation(webhookKeys.all, (v: WebhookSettings) => api<WebhookSettings>('PUT', '/webhooks/settings', v));
export const useCreateWebhook = () =>
  useInvalidatingMutation(webhookKeys.all, (v: WebhookInput) => api<WebhookWithSecret>('POST', '/webhooks', v));
export const useUpdateWebhook = () =>
  useInvalidatingMutation(webhookKeys.all, ({ id, ...patch }: { id: string } & WebhookPatch) => api<Webhook>('PATCH', path(id), patch));
export const useDeleteWebhook = () => useInvalidatingMutation(webhookKeys.all, (id: string) => api<null>('DELETE', path(id)));
export const useRotateWebhookSecret = () =>
  useInvalidatingMutation(webhookKeys.all, (v: { id: string; overlapMinutes: number }) =>
    api<WebhookWithSecret>('POST', `${path(v.id)}/rotate-secret`, { overlapMinutes: v.overlapMinutes }),
  );
export const useRedeliverWebhook = () =>
  useInvalidatingMutation(webhookKeys.all, (v: { id: string; deliveryId: string }) =>
    api<WebhookDelivery>('POST', `${path(v.id)}/deliveries/${encodeURIComponent(v.deliveryId)}/redeliver`),
  );
