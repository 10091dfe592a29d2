import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZRef } from '../../contracts/cases.js';
import {
  ZCloseCommitment,
  ZCommitment,
  ZCommitmentParams,
  ZCommitmentReport,
  ZCommitmentReportQuery,
  ZNewCommitment,
  ZPromiseOwners,
} from '../../contracts/commitments.js';
import { commitmentReport } from '../../services/commitment-report.js';
import { addCommitment, closeCommitment, listCommitments, listPromiseOwners } from '../../services/commitments.js';
import { contextOf } from '../authenticate.js';
import { can } from '../route-permission.js';
import { errorResponses, listOf } from './responses.js';

const tags = ['commitments'];

/** Promises made to customers on a case, and how well they are kept. */
export const commitmentRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/cases/:ref/commitments',
    {
      config: can('list', 'commitment'),
      schema: { tags, summary: "List a case's commitments", params: ZRef, response: { 200: listOf(ZCommitment), ...errorResponses } },
    },
    async (req) => ({ items: await listCommitments(contextOf(req), req.params.ref) }),
  );

  app.get(
    '/cases/:ref/commitments/owners',
    {
      config: can('create', 'commitment'),
      schema: {
        tags,
        summary: 'Who may be named as the owner of a new promise on the case',
        params: ZRef,
        response: { 200: ZPromiseOwners, ...errorResponses },
      },
    },
    async (req) => ({ items: await listPromiseOwners(contextOf(req), req.params.ref) }),
  );

  app.post(
    '/cases/:ref/commitments',
    {
      config: can('create', 'commitment'),
      schema: {
        tags,
        summary: 'Record a promise to the customer (owner defaults to you; the reminder goes out before it is due)',
        params: ZRef,
        body: ZNewCommitment,
        response: { 201: ZCommitment, ...errorResponses },
      },
    },
    async (req, reply) => reply.status(201).send(await addCommitment(contextOf(req), req.params.ref, req.body)),
  );

  app.patch(
    '/cases/:ref/commitments/:id',
    {
      config: can('update', 'commitment'),
      schema: {
        tags,
        summary: 'Mark a commitment kept, broken or cancelled',
        params: ZCommitmentParams,
        body: ZCloseCommitment,
        response: { 200: ZCommitment, ...errorResponses },
      },
    },
    async (req) => closeCommitment(contextOf(req), req.params.ref, req.params.id, req.body),
  );

  app.get(
    '/reports/commitments',
    {
      config: can('list', 'commitment'),
      schema: {
        tags,
        summary: 'Kept-on-time rate of commitments per employee and team',
        querystring: ZCommitmentReportQuery,
        response: { 200: ZCommitmentReport, ...errorResponses },
      },
    },
    async (req) => commitmentReport(contextOf(req), req.query.since ? new Date(req.query.since).toISOString() : undefined),
  );
};
