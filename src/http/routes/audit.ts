import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZAuditReport, ZSignedCheckpoint } from '../../contracts/audit.js';
import type { SignedCheckpoint } from '../../domain/audit-log.js';
import { latestSignedCheckpoint, verifyWorkspaceRecord } from '../../services/audit.js';
import { contextOf } from '../authenticate.js';
import { can } from '../route-permission.js';
import { errorResponses } from './responses.js';

/** Tamper evidence: the newest signed checkpoint to keep elsewhere, and verification of the whole record. */
export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/audit/checkpoints/latest',
    {
      config: can('read', 'audit'),
      schema: {
        tags: ['audit'],
        summary: 'The newest signed checkpoint of the workspace record, to keep outside the database (for a webhook or cron job)',
        response: { 200: ZSignedCheckpoint, ...errorResponses },
      },
    },
    async (req) => latestSignedCheckpoint(contextOf(req)),
  );

  app.get(
    '/audit/verify',
    {
      config: can('read', 'audit'),
      schema: {
        tags: ['audit'],
        summary: "Verify the workspace's whole record: case chains and the rows beside them, customers, the access log, checkpoints",
        response: { 200: ZAuditReport, ...errorResponses },
      },
    },
    async (req) => verifyWorkspaceRecord(contextOf(req)),
  );

  app.post(
    '/audit/verify',
    {
      config: can('read', 'audit'),
      schema: {
        tags: ['audit'],
        summary: 'Verify the record against checkpoint copies kept elsewhere: proves it only grew since each',
        body: z.object({ checkpoints: z.array(ZSignedCheckpoint).min(1).max(50) }),
        response: { 200: ZAuditReport, ...errorResponses },
      },
    },
    async (req) => verifyWorkspaceRecord(contextOf(req), req.body.checkpoints as SignedCheckpoint[]),
  );
};
