import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZIdParam } from '../../contracts/accounts.js';
import {
  ZDeliveryParams,
  ZWebhook,
  ZWebhookCatalogue,
  ZWebhookDelivery,
  ZWebhookDeliveryDetail,
  ZWebhookDeliveryPage,
  ZWebhookDeliveryQuery,
  ZWebhookInput,
  ZWebhookPatch,
  ZWebhookRotate,
  ZWebhookSettings,
  ZWebhookWithSecret,
} from '../../contracts/webhooks.js';
import {
  createWebhook,
  deleteWebhook,
  listWebhookDeliveries,
  listWebhooks,
  readWebhook,
  readWebhookDelivery,
  redeliverWebhook,
  rotateWebhookSecret,
  saveWebhookSettings,
  updateWebhook,
  webhookCatalogue,
  webhookSettings,
} from '../../services/webhooks.js';
import { contextOf } from '../authenticate.js';
import { can } from '../route-permission.js';
import { errorResponses, listOf } from './responses.js';

const tags = ['webhooks'];

/** Settings → Integrations: webhook subscriptions, their secrets and their delivery log. */
export const webhookRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/webhooks/event-types',
    {
      config: can('list', 'webhook'),
      schema: {
        tags,
        summary: 'The event types and scopes a subscription can have',
        response: { 200: ZWebhookCatalogue, ...errorResponses },
      },
    },
    async (req) => webhookCatalogue(contextOf(req)),
  );
  app.get(
    '/webhooks/settings',
    {
      config: can('read', 'webhook'),
      schema: { tags, summary: 'Whether webhooks may reach private addresses', response: { 200: ZWebhookSettings, ...errorResponses } },
    },
    async (req) => webhookSettings(contextOf(req)),
  );
  app.put(
    '/webhooks/settings',
    {
      config: can('update', 'webhook'),
      schema: {
        tags,
        summary: 'Allow or refuse private addresses as webhook targets',
        body: ZWebhookSettings,
        response: { 200: ZWebhookSettings, ...errorResponses },
      },
    },
    async (req) => saveWebhookSettings(contextOf(req), req.body),
  );
  app.get(
    '/webhooks',
    {
      config: can('list', 'webhook'),
      schema: { tags, summary: 'The workspace’s webhook subscriptions', response: { 200: listOf(ZWebhook), ...errorResponses } },
    },
    async (req) => ({ items: await listWebhooks(contextOf(req)) }),
  );
  app.post(
    '/webhooks',
    {
      config: can('create', 'webhook'),
      schema: {
        tags,
        summary: 'Subscribe an address to event types (the answer shows its signing secret once)',
        body: ZWebhookInput,
        response: { 201: ZWebhookWithSecret, ...errorResponses },
      },
    },
    async (req, reply) => reply.status(201).send(await createWebhook(contextOf(req), req.body)),
  );
  app.get(
    '/webhooks/:id',
    {
      config: can('read', 'webhook'),
      schema: { tags, summary: 'One webhook subscription', params: ZIdParam, response: { 200: ZWebhook, ...errorResponses } },
    },
    async (req) => readWebhook(contextOf(req), req.params.id),
  );
  app.patch(
    '/webhooks/:id',
    {
      config: can('update', 'webhook'),
      schema: {
        tags,
        summary: 'Change a subscription, or enable or disable it',
        params: ZIdParam,
        body: ZWebhookPatch,
        response: { 200: ZWebhook, ...errorResponses },
      },
    },
    async (req) => updateWebhook(contextOf(req), req.params.id, req.body),
  );
  app.delete(
    '/webhooks/:id',
    {
      config: can('delete', 'webhook'),
      schema: {
        tags,
        summary: 'Remove a subscription and its delivery log',
        params: ZIdParam,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (req, reply) => {
      await deleteWebhook(contextOf(req), req.params.id);
      return reply.status(204).send(null);
    },
  );
  app.post(
    '/webhooks/:id/rotate-secret',
    {
      config: can('update', 'webhook'),
      schema: {
        tags,
        summary: 'Start signing with a new secret; the old one keeps signing during the overlap',
        params: ZIdParam,
        body: ZWebhookRotate,
        response: { 200: ZWebhookWithSecret, ...errorResponses },
      },
    },
    async (req) => rotateWebhookSecret(contextOf(req), req.params.id, req.body.overlapMinutes),
  );
  app.get(
    '/webhooks/:id/deliveries',
    {
      config: can('read', 'webhook'),
      schema: {
        tags,
        summary: 'A subscription’s delivery log (30 days), newest first',
        params: ZIdParam,
        querystring: ZWebhookDeliveryQuery,
        response: { 200: ZWebhookDeliveryPage, ...errorResponses },
      },
    },
    async (req) => listWebhookDeliveries(contextOf(req), req.params.id, req.query),
  );
  app.get(
    '/webhooks/:id/deliveries/:deliveryId',
    {
      config: can('read', 'webhook'),
      schema: {
        tags,
        summary: 'One delivery with every attempt and its response code',
        params: ZDeliveryParams,
        response: { 200: ZWebhookDeliveryDetail, ...errorResponses },
      },
    },
    async (req) => readWebhookDelivery(contextOf(req), req.params.id, req.params.deliveryId),
  );
  app.post(
    '/webhooks/:id/deliveries/:deliveryId/redeliver',
    {
      config: can('update', 'webhook'),
      schema: {
        tags,
        summary: 'Send one delivery again, with the same webhook-id',
        params: ZDeliveryParams,
        response: { 202: ZWebhookDelivery, ...errorResponses },
      },
    },
    async (req, reply) => reply.status(202).send(await redeliverWebhook(contextOf(req), req.params.id, req.params.deliveryId)),
  );
};
