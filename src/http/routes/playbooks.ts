import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZRef } from '../../contracts/cases.js';
import { ZPlaybook, ZPlaybookKey, ZPlaybookSummary, ZRecommendation, ZRecommendationQuery } from '../../contracts/playbooks.js';
import { notFound } from '../../domain/errors.js';
import { builtInPlaybooks, findPlaybook } from '../../domain/playbooks.js';
import { recommendForCase } from '../../services/recommend-strategy.js';
import { contextOf } from '../authenticate.js';
import { can } from '../route-permission.js';
import { errorResponses } from './responses.js';

const tags = ['playbooks'];

/** The built-in playbooks (one per method of the seed articles) and the strategy recommended for a case. */
export const playbookRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/playbooks',
    {
      config: can('list', 'playbook'),
      schema: { tags, summary: 'The playbooks', response: { 200: z.object({ items: z.array(ZPlaybookSummary) }), ...errorResponses } },
    },
    async () => ({ items: builtInPlaybooks().map(({ steps, ...p }) => ({ ...p, stepCount: steps.length })) }),
  );

  app.get(
    '/playbooks/:key',
    {
      config: can('read', 'playbook'),
      schema: {
        tags,
        summary: 'A playbook with every step and its guidance',
        params: ZPlaybookKey,
        response: { 200: ZPlaybook, ...errorResponses },
      },
    },
    async (req) => {
      const playbook = findPlaybook(req.params.key);
      if (!playbook) throw notFound(`Playbook ${req.params.key}`);
      return playbook;
    },
  );

  app.get(
    '/cases/:ref/recommendation',
    {
      config: can('read', 'case'),
      schema: {
        tags,
        summary: 'The strategy recommended for a case (withdraw, diffuse, confront, negotiate), with reasons and alternatives',
        params: ZRef,
        querystring: ZRecommendationQuery,
        response: { 200: ZRecommendation, ...errorResponses },
      },
    },
    async (req) => recommendForCase(contextOf(req), req.params.ref, req.query),
  );
};
