import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZNewView, ZView, ZViewList, ZViewParam } from '../../contracts/saved-views.js';
import { deleteView, listSavedViews, saveView } from '../../services/saved-views.js';
import { contextOf } from '../authenticate.js';
import { can } from '../route-permission.js';
import { errorResponses } from './responses.js';

const tags = ['views'];

/** Inbox views kept on the server: one's own, and those shared with one's teams. */
export const savedViewRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/views',
    {
      config: can('list', 'saved_view'),
      schema: { tags, summary: 'Your inbox views and those shared with your teams', response: { 200: ZViewList, ...errorResponses } },
    },
    async (req) => ({ items: await listSavedViews(contextOf(req)) }),
  );

  app.post(
    '/views',
    {
      config: can('create', 'saved_view'),
      schema: {
        tags,
        summary: 'Save inbox filters as a view, yours alone or shared with a team you lead',
        body: ZNewView,
        response: { 201: ZView, ...errorResponses },
      },
    },
    async (req, reply) => reply.code(201).send(await saveView(contextOf(req), req.body)),
  );

  app.delete(
    '/views/:id',
    {
      config: can('delete', 'saved_view'),
      schema: { tags, summary: 'Delete a view', params: ZViewParam, response: { 204: z.null(), ...errorResponses } },
    },
    async (req, reply) => {
      await deleteView(contextOf(req), req.params.id);
      return reply.code(204).send(null);
    },
  );
};
