import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZMergeCase, ZMergeResult, ZSplitCase, ZSplitResult } from '../../contracts/case-merges.js';
import { ZRef } from '../../contracts/cases.js';
import { mergeCase } from '../../services/merge-cases.js';
import { splitCase } from '../../services/split-case.js';
import { contextOf } from '../authenticate.js';
import { can } from '../route-permission.js';
import { errorResponses } from './responses.js';

const tags = ['cases'];

/** Merging a duplicate case into the case kept, and splitting part of a case into a new one. */
export const caseMergeRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/cases/:ref/merge',
    {
      config: can('transition', 'case'),
      schema: {
        tags,
        summary: 'Merge this case into another (the same incident reported twice): it closes as merged, both timelines say so',
        params: ZRef,
        body: ZMergeCase,
        response: { 200: ZMergeResult, ...errorResponses },
      },
    },
    async (req) => mergeCase(contextOf(req), req.params.ref, req.body),
  );

  app.post(
    '/cases/:ref/split',
    {
      config: can('update', 'case'),
      schema: {
        tags,
        summary: 'Take part of a case into a new case with the same customer (chosen customer messages move with it)',
        params: ZRef,
        body: ZSplitCase,
        response: { 201: ZSplitResult, ...errorResponses },
      },
    },
    async (req, reply) => reply.code(201).send(await splitCase(contextOf(req), req.params.ref, req.body)),
  );
};
