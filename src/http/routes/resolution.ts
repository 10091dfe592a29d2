import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZCase, ZHelpRequest, ZRef } from '../../contracts/cases.js';
import { ZAbuseReport, ZDecision, ZResolution, ZResolutionEnvelope, ZResolutionInput } from '../../contracts/resolution.js';
import { reportAbuse } from '../../services/abuse.js';
import { requestHelp, takeHelpRequest } from '../../services/help-requests.js';
import { decideResolution, getResolution, proposeResolution } from '../../services/resolution.js';
import { contextOf } from '../authenticate.js';
import { can } from '../route-permission.js';
import { errorResponses } from './responses.js';

const tags = ['resolution'];

/** A case's resolution and its approval, and ending an abusive interaction. */
export const resolutionRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/cases/:ref/resolution',
    {
      config: can('read', 'resolution'),
      schema: {
        tags,
        summary: 'The case’s current resolution with its approval state (null when none yet)',
        params: ZRef,
        response: { 200: ZResolutionEnvelope, ...errorResponses },
      },
    },
    async (req) => getResolution(contextOf(req), req.params.ref),
  );

  app.put(
    '/cases/:ref/resolution',
    {
      config: can('update', 'resolution'),
      schema: {
        tags,
        summary: 'Propose or change the resolution; a cost above your authority limit waits for approval',
        params: ZRef,
        body: ZResolutionInput,
        response: { 200: ZResolution, ...errorResponses },
      },
    },
    async (req) => proposeResolution(contextOf(req), req.params.ref, req.body),
  );

  app.post(
    '/cases/:ref/resolution/decision',
    {
      config: can('approve', 'resolution'),
      schema: {
        tags,
        summary: 'Approve or reject a resolution waiting for approval',
        params: ZRef,
        body: ZDecision,
        response: { 200: ZResolution, ...errorResponses },
      },
    },
    async (req) => decideResolution(contextOf(req), req.params.ref, req.body),
  );

  app.post(
    '/cases/:ref/abuse',
    {
      config: can('annotate', 'case'),
      schema: {
        tags,
        summary: 'End an abusive interaction: flags the customer and hands the case to a supervisor',
        params: ZRef,
        body: ZAbuseReport,
        response: { 200: ZCase, ...errorResponses },
      },
    },
    async (req) => reportAbuse(contextOf(req), req.params.ref, req.body.note),
  );

  app.post(
    '/cases/:ref/help-request',
    {
      config: can('annotate', 'case'),
      schema: {
        tags,
        summary:
          'Ask a supervisor for help now: the team’s supervisors are told at once, and the case shows the call until someone takes it',
        params: ZRef,
        body: ZHelpRequest,
        response: { 201: ZCase, ...errorResponses },
      },
    },
    async (req, reply) => reply.status(201).send(await requestHelp(contextOf(req), req.params.ref, req.body.note)),
  );

  app.post(
    '/cases/:ref/help-request/take',
    {
      config: can('assign', 'case'),
      schema: {
        tags,
        summary: 'Take the open call for help (a case nobody handles becomes yours)',
        params: ZRef,
        response: { 200: ZCase, ...errorResponses },
      },
    },
    async (req) => takeHelpRequest(contextOf(req), req.params.ref),
  );
};
