import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ZCaseSavedReplyParam,
  ZRenderedReply,
  ZSavedReply,
  ZSavedReplyInput,
  ZSavedReplyList,
  ZSavedReplyParam,
} from '../../contracts/saved-replies.js';
import { TEMPLATE_VARIABLES, VARIABLE_MEANING } from '../../domain/saved-replies.js';
import {
  createSavedReply,
  deleteSavedReplyOf,
  listSavedReplies,
  renderSavedReply,
  updateSavedReplyOf,
} from '../../services/saved-replies.js';
import { contextOf } from '../authenticate.js';
import { can } from '../route-permission.js';
import { errorResponses } from './responses.js';

const tags = ['saved-replies'];
const variables = TEMPLATE_VARIABLES.map((name) => ({ name, meaning: VARIABLE_MEANING[name] }));

/** Saved replies: kept in Settings, inserted from the reply composer with the case's values filled in. */
export const savedReplyRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/saved-replies',
    {
      config: can('list', 'saved_reply'),
      schema: { tags, summary: 'The workspace’s saved replies and your teams’', response: { 200: ZSavedReplyList, ...errorResponses } },
    },
    async (req) => ({ items: await listSavedReplies(contextOf(req)), variables }),
  );

  app.post(
    '/saved-replies',
    {
      config: can('create', 'saved_reply'),
      schema: {
        tags,
        summary: 'Keep a saved reply for the workspace (admins) or a team (its supervisors)',
        body: ZSavedReplyInput,
        response: { 201: ZSavedReply, ...errorResponses },
      },
    },
    async (req, reply) => reply.code(201).send(await createSavedReply(contextOf(req), req.body)),
  );

  app.put(
    '/saved-replies/:id',
    {
      config: can('update', 'saved_reply'),
      schema: {
        tags,
        summary: 'Change a saved reply',
        params: ZSavedReplyParam,
        body: ZSavedReplyInput,
        response: { 200: ZSavedReply, ...errorResponses },
      },
    },
    async (req) => updateSavedReplyOf(contextOf(req), req.params.id, req.body),
  );

  app.delete(
    '/saved-replies/:id',
    {
      config: can('delete', 'saved_reply'),
      schema: { tags, summary: 'Delete a saved reply', params: ZSavedReplyParam, response: { 204: z.null(), ...errorResponses } },
    },
    async (req, reply) => {
      await deleteSavedReplyOf(contextOf(req), req.params.id);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/cases/:ref/saved-replies/:id/render',
    {
      config: can('annotate', 'case'),
      schema: {
        tags,
        summary: 'A saved reply filled in for this case (nothing is sent or recorded)',
        params: ZCaseSavedReplyParam,
        response: { 200: ZRenderedReply, ...errorResponses },
      },
    },
    async (req) => renderSavedReply(contextOf(req), req.params.ref, req.params.id),
  );
};
