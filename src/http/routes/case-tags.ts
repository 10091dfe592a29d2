import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZCase, ZRef } from '../../contracts/cases.js';
import { ZAddTags, ZTagCounts, ZTagParam } from '../../contracts/tag.js';
import { listTags, tagCase, untagCase } from '../../services/case-tags.js';
import { contextOf } from '../authenticate.js';
import { can } from '../route-permission.js';
import { errorResponses } from './responses.js';

const tags = ['cases'];

/** Tags on cases, and the workspace's tags in use. */
export const caseTagRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/tags',
    {
      config: can('list', 'case'),
      schema: { tags, summary: 'The tags on the cases you may see, most used first', response: { 200: ZTagCounts, ...errorResponses } },
    },
    async (req) => ({ items: await listTags(contextOf(req)) }),
  );

  app.post(
    '/cases/:ref/tags',
    {
      config: can('update', 'case'),
      schema: {
        tags,
        summary: 'Put tags on a case (written in one spelling: lower case, spaces as hyphens)',
        params: ZRef,
        body: ZAddTags,
        response: { 200: ZCase, ...errorResponses },
      },
    },
    async (req) => tagCase(contextOf(req), req.params.ref, req.body.tags),
  );

  app.delete(
    '/cases/:ref/tags/:tag',
    {
      config: can('update', 'case'),
      schema: { tags, summary: 'Take a tag off a case', params: ZTagParam, response: { 200: ZCase, ...errorResponses } },
    },
    async (req) => untagCase(contextOf(req), req.params.ref, req.params.tag),
  );
};
