import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ZCopyScenario,
  ZEndSession,
  ZQuizAnswer,
  ZQuizAnswerInput,
  ZQuizId,
  ZQuizItem,
  ZReviseScenario,
  ZScenario,
  ZScenarioKey,
  ZScenarioSummary,
  ZScenarioVersionQuery,
  ZSession,
  ZSessionId,
  ZSessionListQuery,
  ZSessionReply,
  ZSessionSummary,
  ZStartSession,
  ZTurnPlayed,
} from '../../contracts/training.js';
import { endSession, listPracticeSessions, playSessionTurn, readSession, startSession } from '../../services/practice-sessions.js';
import { checkQuizAnswer, listQuiz } from '../../services/strategy-quiz.js';
import { copyWorkspaceScenario, listScenarios, readScenario, reviseWorkspaceScenario } from '../../services/training-scenarios.js';
import { contextOf } from '../authenticate.js';
import { can } from '../route-permission.js';
import { errorResponses } from './responses.js';

const tags = ['training'];

/** Practice scenarios (built-in and the workspace's copies), practice sessions against a simulated customer, and the strategy quiz. */
export const trainingRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/training/scenarios',
    {
      config: can('list', 'training_scenario'),
      schema: {
        tags,
        summary: 'The built-in practice scenarios and the latest version of each workspace scenario',
        response: { 200: z.object({ items: z.array(ZScenarioSummary) }), ...errorResponses },
      },
    },
    async (req) => ({ items: await listScenarios(contextOf(req)) }),
  );

  app.post(
    '/training/scenarios',
    {
      config: can('create', 'training_scenario'),
      schema: {
        tags,
        summary: 'Copy a scenario into a new workspace scenario (version 1) that admins can edit',
        body: ZCopyScenario,
        response: { 201: ZScenario, ...errorResponses },
      },
    },
    async (req, reply) => {
      const copy = await copyWorkspaceScenario(contextOf(req), req.body);
      return reply.status(201).header('location', `/api/v1/training/scenarios/${copy.key}`).send(copy);
    },
  );

  app.get(
    '/training/scenarios/:key',
    {
      config: can('read', 'training_scenario'),
      schema: {
        tags,
        summary: 'A scenario: the persona, the playbook and strategy it practises, the rubric and its steps, the difficulty levels',
        params: ZScenarioKey,
        querystring: ZScenarioVersionQuery,
        response: { 200: ZScenario, ...errorResponses },
      },
    },
    async (req) => readScenario(contextOf(req), req.params.key, req.query.version),
  );

  app.put(
    '/training/scenarios/:key',
    {
      config: can('update', 'training_scenario'),
      schema: {
        tags,
        summary: 'Save the next version of a workspace scenario (built-ins cannot be edited; copy them first)',
        params: ZScenarioKey,
        body: ZReviseScenario,
        response: { 200: ZScenario, ...errorResponses },
      },
    },
    async (req) => reviseWorkspaceScenario(contextOf(req), req.params.key, req.body),
  );

  app.get(
    '/training/sessions',
    {
      config: can('list', 'training_session'),
      schema: {
        tags,
        summary: 'Practice sessions, newest first: your own; supervisors also their teams’; HR and admins everyone’s',
        querystring: ZSessionListQuery,
        response: { 200: z.object({ items: z.array(ZSessionSummary), nextCursor: z.string().nullable() }), ...errorResponses },
      },
    },
    async (req) => listPracticeSessions(contextOf(req), req.query),
  );

  app.post(
    '/training/sessions',
    {
      config: can('create', 'training_session'),
      schema: {
        tags,
        summary: 'Start practising a scenario at a difficulty; the customer’s opening line comes back',
        body: ZStartSession,
        response: { 201: ZSession, ...errorResponses },
      },
    },
    async (req, reply) => {
      const session = await startSession(contextOf(req), req.body);
      return reply.status(201).header('location', `/api/v1/training/sessions/${session.id}`).send(session);
    },
  );

  app.get(
    '/training/sessions/:id',
    {
      config: can('read', 'training_session'),
      schema: {
        tags,
        summary:
          'A practice session: the transcript with the coach’s findings per turn, the mood, the step to work on, and the result once finished',
        params: ZSessionId,
        response: { 200: ZSession, ...errorResponses },
      },
    },
    async (req) => readSession(contextOf(req), req.params.id),
  );

  app.post(
    '/training/sessions/:id/turns',
    {
      config: can('update', 'training_session'),
      schema: {
        tags,
        summary: 'Reply to the simulated customer: the coach reads the reply, the mood moves, the customer answers',
        params: ZSessionId,
        body: ZSessionReply,
        response: { 201: ZTurnPlayed, ...errorResponses },
      },
    },
    async (req, reply) => reply.status(201).send(await playSessionTurn(contextOf(req), req.params.id, req.body)),
  );

  app.post(
    '/training/sessions/:id/end',
    {
      config: can('update', 'training_session'),
      schema: {
        tags,
        summary: 'End a practice session under the abuse policy, or stop it; the result comes back',
        params: ZSessionId,
        body: ZEndSession,
        response: { 200: ZSession, ...errorResponses },
      },
    },
    async (req) => endSession(contextOf(req), req.params.id, req.body),
  );

  app.get(
    '/training/quiz',
    {
      config: can('read', 'strategy_quiz'),
      schema: {
        tags,
        summary: 'The strategy quiz: short situations to choose withdraw, diffuse, confront or negotiate for',
        response: { 200: z.object({ items: z.array(ZQuizItem) }), ...errorResponses },
      },
    },
    async (req) => ({ items: listQuiz(contextOf(req)) }),
  );

  app.post(
    '/training/quiz/:id/answer',
    {
      config: can('read', 'strategy_quiz'),
      schema: {
        tags,
        summary: 'Check a quiz answer: the recommender’s strategy, its reasons, and the matching playbook',
        params: ZQuizId,
        body: ZQuizAnswerInput,
        response: { 200: ZQuizAnswer, ...errorResponses },
      },
    },
    async (req) => checkQuizAnswer(contextOf(req), req.params.id, req.body.strategy),
  );
};
