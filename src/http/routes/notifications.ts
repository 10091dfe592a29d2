import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ZNotificationId,
  ZNotificationList,
  ZNotificationPreferences,
  ZNotificationPreferencesInput,
  ZNotificationQuery,
} from '../../contracts/notifications.js';
import { getMyNotificationPreferences, setMyNotificationPreferences } from '../../services/notification-preferences.js';
import { listMyNotifications, markAllNotificationsRead, markNotificationRead } from '../../services/notifications.js';
import { contextOf } from '../authenticate.js';
import { can } from '../route-permission.js';
import { errorResponses } from './responses.js';

const tags = ['notifications'];

/** The caller's own in-app notifications. */
export const notificationRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/notifications',
    {
      config: can('list', 'notification'),
      schema: {
        tags,
        summary: 'Your notifications, newest first',
        querystring: ZNotificationQuery,
        response: { 200: ZNotificationList, ...errorResponses },
      },
    },
    async (req) => listMyNotifications(contextOf(req), req.query.unread ?? false),
  );

  app.post(
    '/notifications/:id/read',
    {
      config: can('update', 'notification'),
      schema: {
        tags,
        summary: 'Mark one of your notifications read',
        params: ZNotificationId,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (req, reply) => {
      await markNotificationRead(contextOf(req), req.params.id);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/notifications/preferences',
    {
      config: can('list', 'notification'),
      schema: {
        tags,
        summary: 'How each kind of notification reaches you: in the app, by email, or both',
        response: { 200: ZNotificationPreferences, ...errorResponses },
      },
    },
    async (req) => getMyNotificationPreferences(contextOf(req)),
  );

  app.put(
    '/notifications/preferences',
    {
      config: can('update', 'notification'),
      schema: {
        tags,
        summary: 'Choose the channels of the kinds given (a call for help, abuse and severity 1–2 cases keep at least one)',
        body: ZNotificationPreferencesInput,
        response: { 200: ZNotificationPreferences, ...errorResponses },
      },
    },
    async (req) => setMyNotificationPreferences(contextOf(req), req.body),
  );

  app.post(
    '/notifications/read-all',
    {
      config: can('update', 'notification'),
      schema: {
        tags,
        summary: 'Mark all your notifications read',
        response: { 200: z.object({ marked: z.number().int() }), ...errorResponses },
      },
    },
    async (req) => ({ marked: await markAllNotificationsRead(contextOf(req)) }),
  );
};
