import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZIdParam } from '../../contracts/accounts.js';
import { ZCustomerProfile, ZMergeCustomer } from '../../contracts/customers.js';
import { getCustomerProfile } from '../../services/customer-profile.js';
import { mergeCustomers } from '../../services/merge-customers.js';
import { contextOf } from '../authenticate.js';
import { can } from '../route-permission.js';
import { errorResponses } from './responses.js';

const tags = ['customers'];

/** The customer page and merging a duplicate customer into the record to keep. */
export const customerRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/customers/:id',
    {
      config: can('read', 'customer'),
      schema: {
        tags,
        summary:
          'A customer: signals over all their cases, the cases, promises and answers the caller may open (a merged duplicate names where it went)',
        params: ZIdParam,
        response: { 200: ZCustomerProfile, ...errorResponses },
      },
    },
    async (req) => getCustomerProfile(contextOf(req), req.params.id),
  );
  app.post(
    '/customers/:id/merge',
    {
      config: can('update', 'customer'),
      schema: {
        tags,
        summary: 'Merge this duplicate customer into another: its cases move (an event on each timeline), it stays as a tombstone',
        params: ZIdParam,
        body: ZMergeCustomer,
        response: { 200: ZCustomerProfile, ...errorResponses },
      },
    },
    async (req) => mergeCustomers(contextOf(req), req.params.id, req.body.intoId),
  );
};
