import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  ZImprovement,
  ZImprovementId,
  ZImprovementList,
  ZImprovementPatch,
  ZImprovementQuery,
  ZNewImprovement,
} from '../../contracts/improvements.js';
import { createImprovement, getImprovement, listImprovements, updateImprovement } from '../../services/improvements.js';
import { contextOf } from '../authenticate.js';
import { can } from '../route-permission.js';
import { errorResponses } from './responses.js';

const tags = ['improvements'];

/** The improvement backlog: process changes proposed from themes, cases and forum threads. */
export const improvementRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/improvements',
    {
      config: can('list', 'improvement'),
      schema: {
        tags,
        summary: 'The improvement backlog, most recently changed first',
        querystring: ZImprovementQuery,
        response: { 200: ZImprovementList, ...errorResponses },
      },
    },
    async (req) => listImprovements(contextOf(req), req.query),
  );

  app.post(
    '/improvements',
    {
      config: can('create', 'improvement'),
      schema: {
        tags,
        summary: 'Propose a process change, linked to themes, cases or forum threads',
        body: ZNewImprovement,
        response: { 201: ZImprovement, ...errorResponses },
      },
    },
    async (req, reply) => reply.status(201).send(await createImprovement(contextOf(req), req.body)),
  );

  app.get(
    '/improvements/:id',
    {
      config: can('read', 'improvement'),
      schema: {
        tags,
        summary: 'One improvement, with its effect once done',
        params: ZImprovementId,
        response: { 200: ZImprovement, ...errorResponses },
      },
    },
    async (req) => getImprovement(contextOf(req), req.params.id),
  );

  app.patch(
    '/improvements/:id',
    {
      config: can('update', 'improvement'),
      schema: {
        tags,
        summary:
          'Change an improvement: words, owner, links, or status (proposed → planned → in progress → done, or dropped with a reason)',
        params: ZImprovementId,
        body: ZImprovementPatch,
        response: { 200: ZImprovement, ...errorResponses },
      },
    },
    async (req) => updateImprovement(contextOf(req), req.params.id, req.body),
  );
};
