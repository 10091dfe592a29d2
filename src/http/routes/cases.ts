import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  page,
  ZAssign,
  ZCase,
  ZCaseDetail,
  ZCaseExportQuery,
  ZCaseExportRow,
  ZCaseListQuery,
  ZCasePatch,
  ZEvent,
  ZEventListQuery,
  ZNewCase,
  ZNewStatement,
  ZNote,
  ZParty,
  ZRef,
  ZStatement,
  ZTransition,
} from '../../contracts/cases.js';
import { invalid } from '../../domain/errors.js';
import { addStatement } from '../../services/add-statement.js';
import { addNote, addParty, assignCase, transitionCase, updateCase } from '../../services/change-case.js';
import { createCase } from '../../services/create-case.js';
import { casesCsv, EXPORT_MAX_CASES, exportCases } from '../../services/export-cases.js';
import { getCase, listCaseStatements, listCases, listEvents, verifyCaseTimeline } from '../../services/read-cases.js';
import { contextOf } from '../authenticate.js';
import { can } from '../route-permission.js';
import { errorResponses } from './responses.js';

const tags = ['cases'];
const iso = (value: string | undefined) => (value === undefined ? undefined : new Date(value).toISOString());

/** Cases, their timeline and statements: validate → call a service → the response schema presents. */
export const caseRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/cases',
    {
      config: can('create', 'case'),
      schema: { tags, summary: 'Report a case', body: ZNewCase, response: { 201: ZCase, ...errorResponses } },
    },
    async (req, reply) => {
      const ctx = contextOf(req);
      const occurredAt = iso(req.body.occurredAt);
      if (occurredAt && Date.parse(occurredAt) > ctx.now.getTime() + 5 * 60_000) throw invalid('occurredAt', 'cannot be in the future');
      const kase = await createCase(ctx, { ...req.body, occurredAt });
      return reply.status(201).header('location', `/api/v1/cases/${kase.ref}`).send(kase);
    },
  );

  app.get(
    '/cases',
    {
      config: can('list', 'case'),
      schema: {
        tags,
        summary: 'List cases (filters, full-text search, sort, cursor pagination)',
        querystring: ZCaseListQuery,
        response: {
          200: page(ZCase).extend({
            total: z
              .number()
              .int()
              .optional()
              .describe('on the first page (no cursor): how many cases the filters match over all pages, counted up to 1,000'),
            totalCapped: z.boolean().optional().describe('true when more cases match than were counted: `total` is then a lower bound'),
          }),
          ...errorResponses,
        },
      },
    },
    async (req) => {
      const q = req.query;
      return listCases(contextOf(req), { ...q, reportedFrom: iso(q.reportedFrom), reportedTo: iso(q.reportedTo) });
    },
  );

  app.get(
    '/cases/export',
    {
      config: can('list', 'case'),
      schema: {
        tags,
        summary: `Export the cases a list with these filters shows (up to ${EXPORT_MAX_CASES}), with outcome and root cause: CSV by default, or JSON`,
        querystring: ZCaseExportQuery,
        response: {
          200: z
            .union([z.string(), z.object({ items: z.array(ZCaseExportRow), truncated: z.boolean() })])
            .describe(
              `text/csv with a header row, or JSON with format=json; truncated says the export stopped at ${EXPORT_MAX_CASES} cases`,
            ),
          ...errorResponses,
        },
      },
    },
    async (req, reply) => {
      const { format, ...q } = req.query;
      const result = await exportCases(contextOf(req), { ...q, reportedFrom: iso(q.reportedFrom), reportedTo: iso(q.reportedTo) });
      reply.header('x-export-truncated', String(result.truncated));
      if (format === 'json') return { items: result.rows, truncated: result.truncated };
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="cases.csv"')
        .serializer((payload) => String(payload))
        .send(casesCsv(result.rows));
    },
  );

  app.get(
    '/cases/:ref',
    {
      config: can('read', 'case'),
      schema: {
        tags,
        summary: 'Get a case with its parties and statements',
        params: ZRef,
        response: { 200: ZCaseDetail, ...errorResponses },
      },
    },
    async (req) => getCase(contextOf(req), req.params.ref),
  );

  app.patch(
    '/cases/:ref',
    {
      config: can('update', 'case'),
      schema: { tags, summary: 'Change facts of a case', params: ZRef, body: ZCasePatch, response: { 200: ZCase, ...errorResponses } },
    },
    async (req) => updateCase(contextOf(req), req.params.ref, { ...req.body, occurredAt: iso(req.body.occurredAt) }),
  );

  app.put(
    '/cases/:ref/assignee',
    {
      config: can('assign', 'case'),
      schema: {
        tags,
        summary: 'Assign a handler (null unassigns)',
        params: ZRef,
        body: ZAssign,
        response: { 200: ZCase, ...errorResponses },
      },
    },
    async (req) => assignCase(contextOf(req), req.params.ref, req.body.assigneeId),
  );

  app.post(
    '/cases/:ref/transitions',
    {
      config: can('transition', 'case'),
      schema: {
        tags,
        summary: 'Move a case to another status',
        params: ZRef,
        body: ZTransition,
        response: { 200: ZCase, ...errorResponses },
      },
    },
    async (req) => transitionCase(contextOf(req), req.params.ref, req.body),
  );

  app.post(
    '/cases/:ref/parties',
    {
      config: can('update', 'case'),
      schema: {
        tags,
        summary: 'Name an employee as party to a case',
        params: ZRef,
        body: ZParty,
        response: { 201: ZCase, ...errorResponses },
      },
    },
    async (req, reply) => reply.status(201).send(await addParty(contextOf(req), req.params.ref, req.body.employeeId, req.body.role)),
  );

  app.get(
    '/cases/:ref/events',
    {
      config: can('read', 'case'),
      schema: {
        tags,
        summary: 'The case timeline, oldest first',
        params: ZRef,
        querystring: ZEventListQuery,
        response: { 200: page(ZEvent), ...errorResponses },
      },
    },
    async (req) => listEvents(contextOf(req), req.params.ref, Number(req.query.cursor ?? 0), req.query.limit ?? 200),
  );

  app.post(
    '/cases/:ref/events',
    {
      config: can('annotate', 'case'),
      schema: { tags, summary: 'Add a note to the timeline', params: ZRef, body: ZNote, response: { 201: ZCase, ...errorResponses } },
    },
    async (req, reply) => reply.status(201).send(await addNote(contextOf(req), req.params.ref, req.body.text)),
  );

  app.get(
    '/cases/:ref/verification',
    {
      config: can('read', 'case'),
      schema: {
        tags,
        summary: "Check the case's hash-chained timeline and statements for tampering",
        params: ZRef,
        response: {
          200: z.object({
            intact: z.boolean(),
            eventsChecked: z.number().int(),
            firstBreak: z.object({ seq: z.number().int(), eventId: z.string().nullable(), problem: z.string() }).nullable(),
          }),
          ...errorResponses,
        },
      },
    },
    async (req) => verifyCaseTimeline(contextOf(req), req.params.ref),
  );

  app.get(
    '/cases/:ref/statements',
    {
      config: can('read', 'statement'),
      schema: {
        tags,
        summary: 'Statements from every side',
        params: ZRef,
        response: { 200: z.object({ items: z.array(ZStatement) }), ...errorResponses },
      },
    },
    async (req) => ({ items: await listCaseStatements(contextOf(req), req.params.ref) }),
  );

  app.post(
    '/cases/:ref/statements',
    {
      config: can('create', 'statement'),
      schema: {
        tags,
        summary: "Record one party's account (immutable; corrections name the statement they correct)",
        params: ZRef,
        body: ZNewStatement,
        response: { 201: ZStatement, ...errorResponses },
      },
    },
    async (req, reply) => reply.status(201).send(await addStatement(contextOf(req), req.params.ref, req.body)),
  );
};
