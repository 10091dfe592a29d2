import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZRef } from '../../contracts/cases.js';
import { ZEmployeeAnswerInput, ZFollowUp, ZFollowUpId, ZMyFollowUp, ZMyFollowUpsQuery, ZPlanFollowUp } from '../../contracts/follow-ups.js';
import { answerFollowUp, listCaseFollowUps, listMyFollowUps, planFollowUp } from '../../services/follow-ups.js';
import { contextOf } from '../authenticate.js';
import { can } from '../route-permission.js';
import { errorResponses, listOf } from './responses.js';

const tags = ['follow-ups'];

/** Check-ins with the customer and the employees after a case is resolved. */
export const followUpRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/cases/:ref/follow-ups',
    {
      config: can('list', 'follow_up'),
      schema: {
        tags,
        summary: "List a case's follow-ups and their answers",
        params: ZRef,
        response: { 200: listOf(ZFollowUp), ...errorResponses },
      },
    },
    async (req) => ({ items: await listCaseFollowUps(contextOf(req), req.params.ref) }),
  );

  app.post(
    '/cases/:ref/follow-ups',
    {
      config: can('create', 'follow_up'),
      schema: {
        tags,
        summary: 'Plan a follow-up by hand, or move the time of the one not sent yet',
        params: ZRef,
        body: ZPlanFollowUp,
        response: { 201: ZFollowUp, ...errorResponses },
      },
    },
    async (req, reply) => reply.status(201).send(await planFollowUp(contextOf(req), req.params.ref, req.body)),
  );

  app.get(
    '/follow-ups',
    {
      config: can('update', 'follow_up'),
      schema: {
        tags,
        summary: 'Your own follow-ups waiting for your answer',
        querystring: ZMyFollowUpsQuery,
        response: { 200: listOf(ZMyFollowUp), ...errorResponses },
      },
    },
    async (req) => ({ items: await listMyFollowUps(contextOf(req)) }),
  );

  app.post(
    '/follow-ups/:id/answer',
    {
      config: can('update', 'follow_up'),
      schema: {
        tags,
        summary: 'Answer your own follow-up (once); asking for help tells your supervisor',
        params: ZFollowUpId,
        body: ZEmployeeAnswerInput,
        response: { 200: ZFollowUp, ...errorResponses },
      },
    },
    async (req) => answerFollowUp(contextOf(req), req.params.id, req.body),
  );
};
