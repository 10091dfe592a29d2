import { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  MAX_REPORT_DAYS,
  ZCaseMetricsQuery,
  ZDashboard,
  ZDashboardQuery,
  ZPeopleReport,
  ZPeopleReportQuery,
} from '../../contracts/dashboard.js';
import { caseMetricsCsv } from '../../services/case-metrics-export.js';
import { periodOf, readDashboard } from '../../services/dashboard.js';
import { dashboardTables, peopleTables, tablesCsv } from '../../services/dashboard-csv.js';
import { readPeopleReport } from '../../services/people-report.js';
import { contextOf } from '../authenticate.js';
import { can } from '../route-permission.js';
import { errorResponses } from './responses.js';

const tags = ['reports'];
const csvType = 'text/csv; charset=utf-8';
const attachment = (name: string) => `attachment; filename="${name}"`;

/** Sends CSV text as a download. */
const sendCsv = (reply: FastifyReply, name: string, text: string) =>
  reply
    .type(csvType)
    .header('content-disposition', attachment(name))
    .serializer((payload) => String(payload))
    .send(text);

/** The dashboard, HR's view of people, and the per-case export: JSON, or CSV with formula-leading text neutralised. */
export const dashboardRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/reports/dashboard',
    {
      config: can('read', 'dashboard'),
      schema: {
        tags,
        summary:
          'Volumes, response times, breaches, both sides’ satisfaction, cost, promises, coach scores and themes for a period, beside the previous period',
        querystring: ZDashboardQuery,
        response: { 200: z.union([ZDashboard, z.string()]).describe('JSON, or text/csv with format=csv'), ...errorResponses },
      },
    },
    async (req, reply) => {
      const ctx = contextOf(req);
      const { format, bom, from, to, ...filters } = req.query;
      const dashboard = await readDashboard(ctx, { ...filters, ...periodOf({ from, to }, ctx.now, MAX_REPORT_DAYS) });
      if (format !== 'csv') return dashboard;
      return sendCsv(reply, 'dashboard.csv', tablesCsv(dashboardTables(dashboard), bom));
    },
  );

  app.get(
    '/reports/cases',
    {
      config: can('read', 'dashboard'),
      schema: {
        tags,
        summary:
          'One CSV row per case of the period with its metrics (times to acknowledge and resolve, breaches, satisfaction, cost), streamed',
        querystring: ZCaseMetricsQuery,
        response: { 200: z.string().describe('text/csv, oldest case first'), ...errorResponses },
      },
    },
    async (req, reply) => {
      const ctx = contextOf(req);
      const { bom, from, to, ...filters } = req.query;
      const rows = await caseMetricsCsv(ctx, { ...filters, ...periodOf({ from, to }, ctx.now, MAX_REPORT_DAYS) }, { bom });
      // Fastify sends a stream as it is, past the response schema (which documents the CSV text for OpenAPI).
      const stream = Readable.from(rows) as unknown as string;
      return reply.type(csvType).header('content-disposition', attachment('case-metrics.csv')).send(stream);
    },
  );

  app.get(
    '/reports/people',
    {
      config: can('read', 'people_report'),
      schema: {
        tags,
        summary:
          'HR’s view of people: conflicts per employee, who is above a review rule, support requests, training completion (access-logged)',
        querystring: ZPeopleReportQuery,
        response: { 200: z.union([ZPeopleReport, z.string()]).describe('JSON, or text/csv with format=csv'), ...errorResponses },
      },
    },
    async (req, reply) => {
      const ctx = contextOf(req);
      const { format, bom, from, to, teamId } = req.query;
      const report = await readPeopleReport(ctx, { teamId, ...periodOf({ from, to }, ctx.now, MAX_REPORT_DAYS) });
      if (format !== 'csv') return report;
      return sendCsv(reply, 'people.csv', tablesCsv(peopleTables(report), bom));
    },
  );
};
