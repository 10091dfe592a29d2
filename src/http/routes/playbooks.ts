import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZRef } from '../../contracts/cases.js';
import {
  ZCopyPlaybook,
  ZPlaybook,
  ZPlaybookKey,
  ZPlaybookRun,
  ZPlaybookSummary,
  ZPlaybookVersionQuery,
  ZRecommendation,
  ZRecommendationQuery,
  ZRevisePlaybook,
  ZStartPlaybook,
  ZStepDone,
} from '../../contracts/playbooks.js';
import { recommendForCase } from '../../services/recommend-strategy.js';
import { markStepDone, readPlaybookRun, startPlaybook } from '../../services/run-playbook.js';
import { copyWorkspacePlaybook, listPlaybooks, readPlaybook, reviseWorkspacePlaybook } from '../../services/workspace-playbooks.js';
import { contextOf } from '../authenticate.js';
import { can } from '../route-permission.js';
import { errorResponses } from './responses.js';

const tags = ['playbooks'];

/**
 * The playbooks (built-in, one per conflict-handling method, and the workspace's own copies),
 * the strategy recommended for a case, and the playbook a case runs, step by step.
 */
export const playbookRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/playbooks',
    {
      config: can('list', 'playbook'),
      schema: {
        tags,
        summary: 'The built-in playbooks and the latest version of each workspace playbook',
        response: { 200: z.object({ items: z.array(ZPlaybookSummary) }), ...errorResponses },
      },
    },
    async (req) => ({ items: (await listPlaybooks(contextOf(req))).map(({ steps, ...p }) => ({ ...p, stepCount: steps.length })) }),
  );

  app.post(
    '/playbooks',
    {
      config: can('create', 'playbook'),
      schema: {
        tags,
        summary: 'Copy a playbook into a new workspace playbook (version 1) that admins can edit',
        body: ZCopyPlaybook,
        response: { 201: ZPlaybook, ...errorResponses },
      },
    },
    async (req, reply) => {
      const copy = await copyWorkspacePlaybook(contextOf(req), req.body);
      return reply.status(201).header('location', `/api/v1/playbooks/${copy.key}`).send(copy);
    },
  );

  app.get(
    '/playbooks/:key',
    {
      config: can('read', 'playbook'),
      schema: {
        tags,
        summary: 'A playbook with every step and its guidance, at a version (the latest by default)',
        params: ZPlaybookKey,
        querystring: ZPlaybookVersionQuery,
        response: { 200: ZPlaybook, ...errorResponses },
      },
    },
    async (req) => readPlaybook(contextOf(req), req.params.key, req.query.version),
  );

  app.put(
    '/playbooks/:key',
    {
      config: can('update', 'playbook'),
      schema: {
        tags,
        summary: 'Save the next version of a workspace playbook (built-ins cannot be edited; copy them first)',
        params: ZPlaybookKey,
        body: ZRevisePlaybook,
        response: { 200: ZPlaybook, ...errorResponses },
      },
    },
    async (req) => reviseWorkspacePlaybook(contextOf(req), req.params.key, req.body),
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

  app.get(
    '/cases/:ref/playbook',
    {
      config: can('read', 'case'),
      schema: {
        tags,
        summary: 'The playbook version a case runs, its steps done and the current recommendation',
        params: ZRef,
        response: { 200: ZPlaybookRun, ...errorResponses },
      },
    },
    async (req) => readPlaybookRun(contextOf(req), req.params.ref),
  );

  app.put(
    '/cases/:ref/playbook',
    {
      config: can('update', 'case'),
      schema: {
        tags,
        summary: 'Choose a strategy and start a playbook on a case (a reason is needed to differ from the recommendation or to switch)',
        params: ZRef,
        body: ZStartPlaybook,
        response: { 200: ZPlaybookRun, ...errorResponses },
      },
    },
    async (req) => {
      const ctx = contextOf(req);
      await startPlaybook(ctx, req.params.ref, req.body);
      return readPlaybookRun(ctx, req.params.ref);
    },
  );

  app.post(
    '/cases/:ref/playbook/steps',
    {
      config: can('update', 'case'),
      schema: {
        tags,
        summary: 'Mark a step of the running playbook done, with an optional note',
        params: ZRef,
        body: ZStepDone,
        response: { 201: ZPlaybookRun, ...errorResponses },
      },
    },
    async (req, reply) => {
      const ctx = contextOf(req);
      await markStepDone(ctx, req.params.ref, req.body);
      return reply.status(201).send(await readPlaybookRun(ctx, req.params.ref));
    },
  );
};
