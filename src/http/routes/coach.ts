import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZEvent, ZRef } from '../../contracts/cases.js';
import { ZCoachingReport, ZCoachingReportQuery, ZCoachRequest, ZCoachResult, ZNewReply } from '../../contracts/coach.js';
import { analyzeForWorkspace } from '../../services/coach-instance.js';
import { coachingReport } from '../../services/coaching-report.js';
import { recordReply } from '../../services/record-reply.js';
import { contextOf } from '../authenticate.js';
import { can } from '../route-permission.js';
import { errorResponses } from './responses.js';

const tags = ['coach'];

/** The reply coach over HTTP (the same findings as the library and `defuse coach --json`), replies recorded on cases, and their scores. */
export const coachRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/coach/analyze',
    {
      config: can('read', 'coach'),
      schema: {
        tags,
        summary: "Analyse a customer's message (emotion, escalation, wants) and/or a draft reply (moves, problems, missing moves, score)",
        body: ZCoachRequest,
        response: { 200: ZCoachResult, ...errorResponses },
      },
    },
    async (req) => {
      return analyzeForWorkspace(contextOf(req), req.body);
    },
  );

  app.post(
    '/cases/:ref/replies',
    {
      config: can('annotate', 'case'),
      schema: {
        tags,
        summary:
          'Send a reply to the customer (emailed through the outbox with a per-case Reply-To, or recorded as said in person); the coach scores it and the score is kept on the timeline',
        params: ZRef,
        body: ZNewReply,
        response: { 201: z.object({ event: ZEvent, analysis: ZCoachResult }), ...errorResponses },
      },
    },
    async (req, reply) => reply.status(201).send(await recordReply(contextOf(req), req.params.ref, req.body)),
  );

  app.get(
    '/reports/coaching',
    {
      config: can('read', 'coaching_report'),
      schema: {
        tags,
        summary: 'Reply quality per employee: average score and parts, weakest part, lowest-scored examples (default: last 90 days)',
        querystring: ZCoachingReportQuery,
        response: { 200: ZCoachingReport, ...errorResponses },
      },
    },
    async (req) => coachingReport(contextOf(req), req.query),
  );
};
