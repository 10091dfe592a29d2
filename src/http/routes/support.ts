import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZIdParam } from '../../contracts/accounts.js';
import { ZSupportAccept, ZSupportAnswer, ZSupportRequest, ZSupportRequestInput } from '../../contracts/support.js';
import {
  acceptSupportOffer,
  answerSupportRequest,
  closeSupportRequest,
  listSupportRequests,
  requestSupport,
} from '../../services/support-requests.js';
import { contextOf } from '../authenticate.js';
import { can } from '../route-permission.js';
import { errorResponses, listOf } from './responses.js';

const tags = ['support'];

/** Employees ask for support after a hard case; their supervisors answer. */
export const supportRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/support-requests',
    {
      config: can('list', 'support_request'),
      schema: {
        tags,
        summary: 'My requests for support, and those of my teams',
        response: { 200: listOf(ZSupportRequest), ...errorResponses },
      },
    },
    async (req) => ({ items: await listSupportRequests(contextOf(req)) }),
  );
  app.post(
    '/support-requests',
    {
      config: can('create', 'support_request'),
      schema: {
        tags,
        summary: 'Ask for support, from a case or on its own',
        body: ZSupportRequestInput,
        response: { 201: ZSupportRequest, ...errorResponses },
      },
    },
    async (req, reply) => reply.status(201).send(await requestSupport(contextOf(req), req.body)),
  );
  app.post(
    '/support-requests/:id/accept',
    {
      config: can('update', 'support_request'),
      schema: {
        tags,
        summary: 'Take up support that was offered',
        params: ZIdParam,
        body: ZSupportAccept,
        response: { 200: ZSupportRequest, ...errorResponses },
      },
    },
    async (req) => acceptSupportOffer(contextOf(req), req.params.id, req.body),
  );
  app.post(
    '/support-requests/:id/answer',
    {
      config: can('update', 'support_request'),
      schema: {
        tags,
        summary: 'Answer a request (the supervisor)',
        params: ZIdParam,
        body: ZSupportAnswer,
        response: { 200: ZSupportRequest, ...errorResponses },
      },
    },
    async (req) => answerSupportRequest(contextOf(req), req.params.id, req.body.answer),
  );
  app.post(
    '/support-requests/:id/close',
    {
      config: can('update', 'support_request'),
      schema: {
        tags,
        summary: 'Close a request once support is given (or decline an offer)',
        params: ZIdParam,
        response: { 200: ZSupportRequest, ...errorResponses },
      },
    },
    async (req) => closeSupportRequest(contextOf(req), req.params.id),
  );
};
