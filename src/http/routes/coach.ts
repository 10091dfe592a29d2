import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Coach } from '../../coach/index.js';
import { ZCoachRequest, ZCoachResult } from '../../contracts/coach.js';
import { contextOf } from '../authenticate.js';
import { can } from '../route-permission.js';
import { errorResponses } from './responses.js';

let coach: Promise<Coach> | undefined;

/** The language model takes a few hundred ms to load: loaded on the first analysis, so server start stays fast. */
function loadCoach(): Promise<Coach> {
  coach ??= import('../../coach/index.js').then(({ createCoach }) => createCoach());
  return coach;
}

/** The reply coach over HTTP: the same findings as the library and `defuse coach --json`. */
export const coachRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/coach/analyze',
    {
      config: can('read', 'coach'),
      schema: {
        tags: ['coach'],
        summary: "Analyse a customer's message (emotion, escalation, wants) and/or a draft reply (moves, problems, missing moves, score)",
        body: ZCoachRequest,
        response: { 200: ZCoachResult, ...errorResponses },
      },
    },
    async (req) => {
      const { now } = contextOf(req);
      return (await loadCoach()).analyze({ ...req.body, now });
    },
  );
};
