import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZCase, ZClockPause, ZRef } from '../../contracts/cases.js';
import { pauseCaseClocks, resumeCaseClocks } from '../../services/clock-pause.js';
import { contextOf } from '../authenticate.js';
import { can } from '../route-permission.js';
import { errorResponses } from './responses.js';

const tags = ['cases'];

/** Pausing a case's SLA clocks while it waits on the customer, and starting them again. */
export const caseClockRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/cases/:ref/clocks/pause',
    {
      config: can('transition', 'case'),
      schema: {
        tags,
        summary:
          'Wait on the customer: the SLA clocks stop until resumed or the customer writes in (409 under a regulated deadline, which keeps counting)',
        params: ZRef,
        body: ZClockPause,
        response: { 200: ZCase, ...errorResponses },
      },
    },
    async (req) => pauseCaseClocks(contextOf(req), req.params.ref, req.body.note),
  );

  app.post(
    '/cases/:ref/clocks/resume',
    {
      config: can('transition', 'case'),
      schema: {
        tags,
        summary: 'Stop waiting on the customer: the clocks run again, their due times moved by the business time the pause took',
        params: ZRef,
        response: { 200: ZCase, ...errorResponses },
      },
    },
    async (req) => resumeCaseClocks(contextOf(req), req.params.ref),
  );
};
