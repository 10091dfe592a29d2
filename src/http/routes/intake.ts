import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZIdParam } from '../../contracts/accounts.js';
import { ZRef } from '../../contracts/cases.js';
import {
  ZCustomerMessage,
  ZInboundEmail,
  ZInboundEmailQuery,
  ZPlaceInboundEmail,
  ZStatusLink,
  ZStatusLinkRevoked,
} from '../../contracts/intake.js';
import { dismissHeldMail, listInboundMail, placeHeldMail } from '../../services/held-mail.js';
import { listCaseMessages, revokeStatusLink, statusLinkOf } from '../../services/status-page.js';
import { contextOf } from '../authenticate.js';
import { can } from '../route-permission.js';
import { errorResponses, listOf } from './responses.js';

/**
 * What customers send us after reporting (status page, email), their status links, and mail held
 * for a person; a held mail's files wait in the attachments directory.
 */
export const intakeRoutes =
  (attachmentsDir: string): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/cases/:ref/messages',
      {
        config: can('read', 'statement'),
        schema: {
          tags: ['cases'],
          summary: 'What the customer wrote after reporting: on their status page or by email',
          params: ZRef,
          response: { 200: listOf(ZCustomerMessage), ...errorResponses },
        },
      },
      async (req) => ({ items: await listCaseMessages(contextOf(req), req.params.ref) }),
    );
    app.get(
      '/cases/:ref/status-link',
      {
        config: can('read', 'case'),
        schema: {
          tags: ['cases'],
          summary: 'Whether the customer has a working link to their status page',
          params: ZRef,
          response: { 200: ZStatusLink, ...errorResponses },
        },
      },
      async (req) => statusLinkOf(contextOf(req), req.params.ref),
    );
    app.delete(
      '/cases/:ref/status-link',
      {
        config: can('update', 'case'),
        schema: {
          tags: ['cases'],
          summary: 'Revoke the customer’s status links (a forwarded mail, a link in the wrong hands)',
          params: ZRef,
          response: { 200: ZStatusLinkRevoked, ...errorResponses },
        },
      },
      async (req) => revokeStatusLink(contextOf(req), req.params.ref),
    );
    app.get(
      '/inbound-emails',
      {
        config: can('list', 'inbound_email'),
        schema: {
          tags: ['email'],
          summary: 'Received email, by status: held ones wait for a person to place them',
          querystring: ZInboundEmailQuery,
          response: { 200: listOf(ZInboundEmail), ...errorResponses },
        },
      },
      async (req) => ({ items: await listInboundMail(contextOf(req), req.query) }),
    );
    app.post(
      '/inbound-emails/:id/place',
      {
        config: can('update', 'inbound_email'),
        schema: {
          tags: ['email'],
          summary: 'Place a held email on a case as a message from its customer',
          params: ZIdParam,
          body: ZPlaceInboundEmail,
          response: { 200: ZInboundEmail, ...errorResponses },
        },
      },
      async (req) => placeHeldMail(contextOf(req), attachmentsDir, req.params.id, req.body.ref),
    );
    app.post(
      '/inbound-emails/:id/dismiss',
      {
        config: can('update', 'inbound_email'),
        schema: {
          tags: ['email'],
          summary: 'Dismiss a held email that belongs to no case',
          params: ZIdParam,
          response: { 200: ZInboundEmail, ...errorResponses },
        },
      },
      async (req) => dismissHeldMail(contextOf(req), attachmentsDir, req.params.id),
    );
  };
