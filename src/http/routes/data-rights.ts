import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZIdParam } from '../../contracts/accounts.js';
import {
  ZCompleteDataRequest,
  ZDataRequest,
  ZDataRequestQuery,
  ZEraseCustomer,
  ZErasureResult,
  ZExportQuery,
  ZLegalHold,
  ZLegalHolds,
  ZNewDataRequest,
  ZNewLegalHold,
  ZReasonBody,
  ZRetention,
  ZSetRetention,
  ZSubjectExport,
} from '../../contracts/data-rights.js';
import {
  completeDataRequest,
  createDataRequest,
  getDataRequest,
  listDataRequests,
  refuseDataRequest,
} from '../../services/data-requests.js';
import { eraseCustomer } from '../../services/erase-customer.js';
import { createLegalHold, listLegalHolds, releaseLegalHold } from '../../services/legal-holds.js';
import { getRetention, setRetention } from '../../services/retention.js';
import { exportCustomer, exportEmployee, renderExportHtml, type SubjectExport } from '../../services/subject-export.js';
import { contextOf } from '../authenticate.js';
import { can } from '../route-permission.js';
import { errorResponses, listOf } from './responses.js';

const tags = ['data rights'];

const exportResponse = {
  200: z.union([ZSubjectExport, z.string()]).describe('JSON, or with format=html a readable page (text/html) to hand over'),
  ...errorResponses,
};

/** Exports, erasure, data requests, legal holds and the retention rule: admin work, every export and erasure access-logged. */
export const dataRightsRoutes =
  (dir: string): FastifyPluginAsyncZod =>
  async (app) => {
    const send = (x: SubjectExport, format: 'json' | 'html', reply: import('fastify').FastifyReply) => {
      const { sections: _sections, ...json } = x;
      if (format === 'json') return json;
      return reply
        .type('text/html; charset=utf-8')
        .header('content-disposition', `attachment; filename="${x.kind}-${x.id}.html"`)
        .header('cache-control', 'no-store')
        .serializer((payload) => String(payload))
        .send(renderExportHtml(x));
    };
    app.get(
      '/customers/:id/export',
      {
        config: can('read', 'personal_data'),
        schema: {
          tags,
          summary: 'Everything held about a customer (access-logged)',
          params: ZIdParam,
          querystring: ZExportQuery,
          response: exportResponse,
        },
      },
      async (req, reply) => send(await exportCustomer(contextOf(req), req.params.id), req.query.format, reply),
    );
    app.get(
      '/employees/:id/export',
      {
        config: can('read', 'personal_data'),
        schema: {
          tags,
          summary: 'What is held about an employee, for their own request (access-logged)',
          params: ZIdParam,
          querystring: ZExportQuery,
          response: exportResponse,
        },
      },
      async (req, reply) => send(await exportEmployee(contextOf(req), req.params.id), req.query.format, reply),
    );
    app.post(
      '/customers/:id/erase',
      {
        config: can('delete', 'personal_data'),
        schema: {
          tags,
          summary:
            "Erase a customer's personal data: refused (409, nothing changed) under a legal hold or an open review; timelines still verify",
          params: ZIdParam,
          body: ZEraseCustomer,
          response: { 200: ZErasureResult, ...errorResponses },
        },
      },
      async (req) => eraseCustomer(contextOf(req), dir, req.params.id, req.body.reason),
    );

    app.get(
      '/data-requests',
      {
        config: can('list', 'data_request'),
        schema: {
          tags,
          summary: 'Data requests, open ones first by deadline',
          querystring: ZDataRequestQuery,
          response: { 200: listOf(ZDataRequest), ...errorResponses },
        },
      },
      async (req) => listDataRequests(contextOf(req), req.query.status),
    );
    app.post(
      '/data-requests',
      {
        config: can('create', 'data_request'),
        schema: {
          tags,
          summary: 'Record a request: who asked, how their identity was checked; the legal deadline follows',
          body: ZNewDataRequest,
          response: { 201: ZDataRequest, ...errorResponses },
        },
      },
      async (req, reply) => reply.code(201).send(await createDataRequest(contextOf(req), req.body)),
    );
    app.get(
      '/data-requests/:id',
      {
        config: can('read', 'data_request'),
        schema: { tags, summary: 'One data request', params: ZIdParam, response: { 200: ZDataRequest, ...errorResponses } },
      },
      async (req) => getDataRequest(contextOf(req), req.params.id),
    );
    app.post(
      '/data-requests/:id/complete',
      {
        config: can('update', 'data_request'),
        schema: {
          tags,
          summary: "Complete a request (a customer's erasure request erases them, in the same transaction)",
          params: ZIdParam,
          body: ZCompleteDataRequest,
          response: { 200: ZDataRequest, ...errorResponses },
        },
      },
      async (req) => completeDataRequest(contextOf(req), dir, req.params.id, req.body.outcome),
    );
    app.post(
      '/data-requests/:id/refuse',
      {
        config: can('update', 'data_request'),
        schema: {
          tags,
          summary: 'Refuse a request, with the reason',
          params: ZIdParam,
          body: ZReasonBody,
          response: { 200: ZDataRequest, ...errorResponses },
        },
      },
      async (req) => refuseDataRequest(contextOf(req), req.params.id, req.body.reason),
    );

    app.get(
      '/legal-holds',
      {
        config: can('list', 'legal_hold'),
        schema: { tags, summary: 'Legal holds, and the cases open reviews hold', response: { 200: ZLegalHolds, ...errorResponses } },
      },
      async (req) => listLegalHolds(contextOf(req)),
    );
    app.post(
      '/legal-holds',
      {
        config: can('create', 'legal_hold'),
        schema: {
          tags,
          summary: 'Hold cases, customers or employees for a legal matter: no erasure or retention until released',
          body: ZNewLegalHold,
          response: { 201: ZLegalHold, ...errorResponses },
        },
      },
      async (req, reply) => reply.code(201).send(await createLegalHold(contextOf(req), req.body)),
    );
    app.post(
      '/legal-holds/:id/release',
      {
        config: can('update', 'legal_hold'),
        schema: {
          tags,
          summary: 'Release a hold, with the reason',
          params: ZIdParam,
          body: ZReasonBody,
          response: { 200: ZLegalHold, ...errorResponses },
        },
      },
      async (req) => releaseLegalHold(contextOf(req), req.params.id, req.body.reason),
    );

    app.get(
      '/retention',
      {
        config: can('read', 'retention'),
        schema: { tags, summary: "The workspace's retention rule", response: { 200: ZRetention, ...errorResponses } },
      },
      async (req) => getRetention(contextOf(req)),
    );
    app.put(
      '/retention',
      {
        config: can('update', 'retention'),
        schema: {
          tags,
          summary: 'Set the retention rule (null turns it off); a daily job applies it',
          body: ZSetRetention,
          response: { 200: ZRetention, ...errorResponses },
        },
      },
      async (req) => setRetention(contextOf(req), req.body.customerMonths),
    );
  };
