import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZBulkRequest, ZBulkResult } from '../../contracts/bulk.js';
import { changeCasesInBulk } from '../../services/bulk-change.js';
import { contextOf } from '../authenticate.js';
import { can } from '../route-permission.js';
import { errorResponses } from './responses.js';

/** One action on many cases of the inbox, answered case by case. */
export const bulkCaseRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/cases/bulk',
    {
      config: can('update', 'case'),
      schema: {
        tags: ['cases'],
        summary:
          'Assign, change the status of, or tag many cases: each case is checked and changed on its own (one event each); the answer says per case what happened',
        body: ZBulkRequest,
        response: { 200: ZBulkResult, ...errorResponses },
      },
    },
    async (req) => {
      const results = await changeCasesInBulk(contextOf(req), req.body.refs, req.body.action);
      const changed = results.filter((r) => r.ok).length;
      return { results, changed, failed: results.length - changed };
    },
  );
};
